/// Turns field bytes into valid Unicode text.
///
/// Bank files come in UTF-8 or in Latin-1/Windows-1252 and nothing in the file says which, so each
/// field is checked: valid UTF-8 stays UTF-8, anything else is read as Windows-1252 (a superset
/// of Latin-1's printable range). Control bytes become spaces so a stray byte never leaks out.
enum MT940Text {
    /// `true` when `bytes[range]` is valid UTF-8 (pure ASCII included).
    static func isUTF8(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var ascii = true
        for index in range where bytes[index] >= 0x80 {
            ascii = false
            break
        }
        if ascii { return true }
        return String(validating: bytes[range], as: UTF8.self) != nil
    }

    /// The text of `bytes[range]`, decoded as UTF-8 when `utf8`, else as Windows-1252.
    static func string(_ bytes: [UInt8], _ range: Range<Int>, utf8: Bool) -> String {
        var clean = true
        for index in range {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F || (!utf8 && byte >= 0x80) {
                if byte == 0x0A || byte == 0x09 { continue }
                clean = false
                break
            }
        }
        if clean { return String(decoding: bytes[range], as: UTF8.self) }
        if utf8 {
            var copy = Array(bytes[range])
            for index in copy.indices where isControl(copy[index]) { copy[index] = 0x20 }
            return String(decoding: copy, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for index in range {
            let byte = bytes[index]
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

    /// The text of `bytes[range]`, choosing the encoding from those bytes alone.
    static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        string(bytes, range, utf8: isUTF8(bytes, range))
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
