/// Turns field bytes into valid Unicode text.
///
/// Bank files come in UTF-8 or in Latin-1/Windows-1252 and nothing in the file says which, so each
/// field is checked: valid UTF-8 stays UTF-8, anything else is read as Windows-1252 (a superset
/// of Latin-1's printable range). Control bytes become spaces so a stray byte never leaks out.
///
/// The buffer-pointer forms are the ones the parser's inner loops use: they see no array bounds
/// checks and printable ASCII, by far the most common text, takes a single pass and one copy.
enum MT940Text {
    /// `true` when `bytes[range]` is valid UTF-8 (pure ASCII included).
    static func isUTF8(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { isUTF8(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// `true` when `bytes` is valid UTF-8 (pure ASCII included).
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if isASCII(bytes) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// `true` when every byte is below 0x80, checked eight bytes at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// The text of `bytes[range]`, decoded as UTF-8 when `utf8`, else as Windows-1252.
    static func string(_ bytes: [UInt8], _ range: Range<Int>, utf8: Bool) -> String {
        bytes.withUnsafeBufferPointer { string(UnsafeBufferPointer(rebasing: $0[range]), utf8: utf8) }
    }

    /// The text of `bytes`, decoded as UTF-8 when `utf8`, else as Windows-1252.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, utf8: Bool) -> String {
        if isClean(bytes, utf8: utf8) { return String(decoding: bytes, as: UTF8.self) }
        if utf8 {
            var copy = Array(bytes)
            for index in copy.indices where isControl(copy[index]) { copy[index] = 0x20 }
            return String(decoding: copy, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if isControl(byte) {
                scalars.append(" ")
            } else if byte < 0x80 || byte >= 0xA0 {
                scalars.append(Unicode.Scalar(byte))
            } else {
                let value = windows1252[Int(byte - 0x80)]
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
        }
        return String(scalars)
    }

    /// `true` when `bytes` need no conversion: no control bytes but line feed and tab, and no
    /// bytes above ASCII unless they are UTF-8.
    ///
    /// Eight bytes are checked at a time; a word that may hold anything but printable ASCII is
    /// looked at byte by byte.
    private static func isClean(_ bytes: UnsafeBufferPointer<UInt8>, utf8: Bool) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let high = word & 0x8080_8080_8080_8080
            // A byte below 0x20 (valid while no high bit is set; a false alarm only costs time).
            let low = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
            // A byte equal to 0x7F: a zero byte in word ^ 0x7F….
            let flipped = word ^ 0x7F7F_7F7F_7F7F_7F7F
            let delete = (flipped &- 0x0101_0101_0101_0101) & ~flipped & 0x8080_8080_8080_8080
            if high | low | delete != 0 {
                for offset in 0..<8 where !isClean(base[index + offset], utf8: utf8) { return false }
            }
            index += 8
        }
        while index < count {
            if !isClean(base[index], utf8: utf8) { return false }
            index += 1
        }
        return true
    }

    @inline(__always)
    private static func isClean(_ byte: UInt8, utf8: Bool) -> Bool {
        // Printable ASCII passes with one comparison.
        if byte &- 0x20 < 0x5F { return true }
        if byte < 0x20 || byte == 0x7F || (!utf8 && byte >= 0x80) {
            return byte == 0x0A || byte == 0x09
        }
        return true
    }

    /// The text of `bytes[range]`, choosing the encoding from those bytes alone.
    static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { string(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The text of `bytes`, choosing the encoding from those bytes alone.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        string(bytes, utf8: isUTF8(bytes))
    }

    /// The text of `bytes[range]` without leading and trailing blanks and line breaks.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, utf8: Bool) -> String {
        string(UnsafeBufferPointer(rebasing: bytes[MT940Bytes.trim(bytes, range)]), utf8: utf8)
    }

    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F
    }

    /// Windows-1252 code points for bytes 0x80–0x9F; 0xFFFD marks the five undefined bytes.
    private static let windows1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
