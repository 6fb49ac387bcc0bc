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
        scanFolded(text, limit: limit, onByte: add, onSeparator: flush)
        flush()
        return segments
    }

    /// Reads at most `limit` characters of `text` as upper-case ASCII letters and digits: accented
    /// Latin letters are folded to ASCII (`é` → `E`, `ß` → `SS`), every other character is a
    /// separator. Both the segment splitter and invoice-number keys read text this way.
    static func scanFolded(_ text: some StringProtocol, limit: Int, onByte: (UInt8, _ digit: Bool) -> Void,
                           onSeparator: () -> Void) {
        var consumed = 0
        for scalar in text.unicodeScalars {
            consumed += 1
            if consumed > limit { break }
            let value = scalar.value
            if value >= 0x30 && value <= 0x39 {
                onByte(UInt8(value), true)
            } else if value >= 0x41 && value <= 0x5A {
                onByte(UInt8(value), false)
            } else if value >= 0x61 && value <= 0x7A {
                onByte(UInt8(value - 32), false)
            } else if let folded = LatinFolding.ascii(for: scalar) {
                for byte in folded.utf8 { onByte(byte - 32, false) }
            } else {
                onSeparator()
            }
        }
    }
}
