/// The MT940/MT942 field tags recon understands.
///
/// Only these count as the start of a field: a continuation line such as `:08 Karten` or
/// `:12:11` (a wrapped time) is text, not a tag.
enum MT940Tag: Equatable, Sendable {
    case transactionReference      // :20:
    case relatedReference          // :21:
    case account                   // :25:, :25P:
    case statementNumber           // :28:, :28C:
    case openingBalance(final: Bool)   // :60F:, :60M:
    case statementLine             // :61:
    case information               // :86:
    case closingBalance(final: Bool)   // :62F:, :62M:
    case closingAvailable          // :64:
    case forwardAvailable          // :65:
    case floorLimit                // :34F:
    case dateTime                  // :13:, :13D:
    case debitSummary              // :90D:
    case creditSummary             // :90C:
    case nonSwift                  // :NS:

    /// The tag at the start of `bytes[start...]` and the index where its content begins.
    ///
    /// `bytes[start]` must be the colon; `hasColon: false` checks text such as `86:…` whose colon
    /// ended the previous line.
    static func recognize(_ bytes: [UInt8], from start: Int, to end: Int, hasColon: Bool = true) -> (MT940Tag, Int)? {
        var index = start
        if hasColon {
            guard index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
        }
        // Tags are 2 characters, optionally followed by one option letter, then a colon.
        guard end - index >= 3 else { return nil }
        let a = bytes[index], b = bytes[index + 1], c = bytes[index + 2]
        var option: UInt8 = 0
        var contentStart = index + 3
        if c != UInt8(ascii: ":") {
            guard end - index >= 4, bytes[index + 3] == UInt8(ascii: ":") else { return nil }
            option = c
            contentStart = index + 4
        }
        let tag: MT940Tag
        switch (a, b, option) {
        case (0x32, 0x30, 0): tag = .transactionReference                       // 20
        case (0x32, 0x31, 0): tag = .relatedReference                           // 21
        case (0x32, 0x35, 0), (0x32, 0x35, UInt8(ascii: "P")): tag = .account   // 25, 25P
        case (0x32, 0x38, 0), (0x32, 0x38, UInt8(ascii: "C")): tag = .statementNumber
        case (0x36, 0x30, UInt8(ascii: "F")): tag = .openingBalance(final: true)
        case (0x36, 0x30, UInt8(ascii: "M")): tag = .openingBalance(final: false)
        case (0x36, 0x31, 0): tag = .statementLine
        case (0x38, 0x36, 0): tag = .information
        case (0x36, 0x32, UInt8(ascii: "F")): tag = .closingBalance(final: true)
        case (0x36, 0x32, UInt8(ascii: "M")): tag = .closingBalance(final: false)
        case (0x36, 0x34, 0): tag = .closingAvailable
        case (0x36, 0x35, 0): tag = .forwardAvailable
        case (0x33, 0x34, UInt8(ascii: "F")): tag = .floorLimit
        case (0x31, 0x33, 0), (0x31, 0x33, UInt8(ascii: "D")): tag = .dateTime
        case (0x39, 0x30, UInt8(ascii: "D")): tag = .debitSummary
        case (0x39, 0x30, UInt8(ascii: "C")): tag = .creditSummary
        case (UInt8(ascii: "N"), UInt8(ascii: "S"), 0): tag = .nonSwift
        default: return nil
        }
        return (tag, contentStart)
    }
}
