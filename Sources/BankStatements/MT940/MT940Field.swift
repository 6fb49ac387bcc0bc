/// One field being collected: its tag, the line it starts on and its content, with `\n`
/// between the physical lines it spans.
///
/// The byte storage is reused from field to field so that collecting allocates nothing.
struct MT940Field {
    var tag: MT940Tag = .transactionReference
    var line = 0
    var bytes: [UInt8] = []
    var lineCount = 0

    mutating func start(_ tag: MT940Tag, line: Int) {
        self.tag = tag
        self.line = line
        bytes.removeAll(keepingCapacity: true)
        lineCount = 1
    }

    mutating func appendLine(from source: [UInt8], _ range: Range<Int>) {
        if lineCount > 0 { bytes.append(0x0A) }
        bytes.append(contentsOf: source[range])
        lineCount += 1
    }

    /// The end of the first physical line.
    var firstLineEnd: Int { bytes.firstIndex(of: 0x0A) ?? bytes.count }

    /// The content with its line breaks removed, for fields that banks wrap anywhere.
    var joined: [UInt8] { bytes.filter { $0 != 0x0A } }

    /// The content as text, for error messages, cut short.
    func excerpt(_ range: Range<Int>) -> String {
        let upper = min(range.upperBound, range.lowerBound + 40)
        return MT940Text.string(bytes, range.lowerBound..<upper) + (range.upperBound > upper ? "…" : "")
    }
}

/// Small byte tests shared by the field parsers.
enum MT940Bytes {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || (byte >= 0x61 && byte <= 0x7A) }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// `range` without leading and trailing blanks and line breaks.
    static func trim(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        bytes.withUnsafeBufferPointer { trim($0, range) }
    }

    /// `range` without leading and trailing blanks and line breaks.
    static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isBlank(bytes[lower]) || bytes[lower] == 0x0A { lower += 1 }
        while upper > lower, isBlank(bytes[upper - 1]) || bytes[upper - 1] == 0x0A { upper -= 1 }
        return lower..<upper
    }

    /// The number written by `count` digits at `start`, or `nil`.
    static func number(_ bytes: [UInt8], at start: Int, count: Int) -> Int? {
        bytes.withUnsafeBufferPointer { number($0, at: start, count: count) }
    }

    /// The number written by `count` digits at `start`, or `nil`.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
        }
        return value
    }

    /// `true` when `bytes[range]` has the shape of an IBAN: country letters, check digits, 11–30 letters or digits.
    static func looksLikeIBAN(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { looksLikeIBAN($0, range) }
    }

    /// `true` when `bytes[range]` has the shape of an IBAN: country letters, check digits, 11–30 letters or digits.
    static func looksLikeIBAN(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let count = range.count
        guard count >= 15 && count <= 34 else { return false }
        let s = range.lowerBound
        guard isUpper(bytes[s]), isUpper(bytes[s + 1]), isDigit(bytes[s + 2]), isDigit(bytes[s + 3]) else { return false }
        for index in (s + 4)..<range.upperBound where !(isDigit(bytes[index]) || isUpper(bytes[index])) { return false }
        return true
    }

    /// `true` when `bytes[range]` has the shape of a BIC: 8 or 11 letters and digits, letters first.
    static func looksLikeBIC(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { looksLikeBIC($0, range) }
    }

    /// `true` when `bytes[range]` has the shape of a BIC: 8 or 11 letters and digits, letters first.
    static func looksLikeBIC(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count == 8 || range.count == 11 else { return false }
        for index in range.lowerBound..<(range.lowerBound + 6) where !isUpper(bytes[index]) { return false }
        for index in (range.lowerBound + 6)..<range.upperBound where !(isUpper(bytes[index]) || isDigit(bytes[index])) {
            return false
        }
        return true
    }

    /// `true` when `bytes[range]` equals `pattern`.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ pattern: StaticString) -> Bool {
        let count = pattern.utf8CodeUnitCount
        guard start >= 0, start + count <= bytes.count else { return false }
        let expected = pattern.utf8Start
        for offset in 0..<count where bytes[start + offset] != expected[offset] { return false }
        return true
    }
}
