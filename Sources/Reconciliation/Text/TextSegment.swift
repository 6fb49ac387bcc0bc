/// A maximal run of letters or of digits in free text, the unit invoice numbers and references are
/// matched on.
///
/// Splitting at every letter/digit boundary and every other character makes matches whole-word by
/// construction: the digits of `INV-10` form the one segment `10`, which can never equal `1`.
struct TextSegment: Hashable, Sendable {
    /// Upper-case ASCII letters, or digits as written (leading zeros kept).
    var text: String
    var isDigits: Bool

    /// The digits without leading zeros (`"0"` stays `"0"`); the letters unchanged.
    var significant: String {
        guard isDigits else { return text }
        let trimmed = text.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// Splits `text` (at most `limit` bytes of it) into segments. Accented Latin letters are folded
    /// to ASCII; every other character separates.
    static func split(_ text: some StringProtocol, limit: Int) -> [TextSegment] {
        var segments: [TextSegment] = []
        var current: [UInt8] = []
        var currentIsDigits = false
        func flush() {
            if !current.isEmpty {
                segments.append(TextSegment(text: String(decoding: current, as: UTF8.self), isDigits: currentIsDigits))
                current.removeAll(keepingCapacity: true)
            }
        }
        func add(_ byte: UInt8, digit: Bool) {
            if !current.isEmpty && currentIsDigits != digit { flush() }
            currentIsDigits = digit
            current.append(byte)
        }
        var consumed = 0
        for scalar in text.unicodeScalars {
            consumed += 1
            if consumed > limit { break }
            let value = scalar.value
            if value >= 0x30 && value <= 0x39 {
                add(UInt8(value), digit: true)
            } else if value >= 0x41 && value <= 0x5A {
                add(UInt8(value), digit: false)
            } else if value >= 0x61 && value <= 0x7A {
                add(UInt8(value - 32), digit: false)
            } else if let folded = LatinFolding.ascii(for: scalar) {
                for byte in folded.utf8 { add(byte - 32, digit: false) }
            } else {
                flush()
            }
        }
        flush()
        return segments
    }
}
