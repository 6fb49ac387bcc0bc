/// ISO 7064 MOD 97-10, the check behind IBANs, ISO 11649 creditor references and SEPA creditor ids.
enum Mod97 {
    /// The remainder modulo 97 of `text` read as a number, letters counting as 10 (A) to 35 (Z).
    ///
    /// Returns `nil` for any byte that is neither an ASCII digit nor an upper-case letter.
    static func remainder(of text: some Collection<UInt8>) -> Int? {
        var remainder = 0
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                remainder = (remainder * 10 + Int(byte - UInt8(ascii: "0"))) % 97
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                let value = Int(byte - UInt8(ascii: "A")) + 10
                remainder = (remainder * 100 + value) % 97
            default:
                return nil
            }
        }
        return remainder
    }

    /// The two check digits that make `body + prefix + "00"` rearranged valid: `98 - (n mod 97)`.
    ///
    /// - Parameters:
    ///   - body: The part after the check digits (BBAN, reference).
    ///   - prefix: The letters before the check digits (`NL`, `RF`).
    /// - Returns: Two ASCII digits, or `nil` when a byte is not alphanumeric upper case.
    static func checkDigits(body: some Collection<UInt8>, prefix: [UInt8]) -> [UInt8]? {
        guard let value = remainder(of: Array(body) + prefix + [UInt8(ascii: "0"), UInt8(ascii: "0")]) else { return nil }
        let check = 98 - value
        return [UInt8(ascii: "0") + UInt8(check / 10), UInt8(ascii: "0") + UInt8(check % 10)]
    }
}
