/// IBAN normalisation and the ISO 13616 check digits.
enum IBAN {
    /// Upper case without spaces, or `nil` when the text is not a well-formed IBAN with valid
    /// check digits (a typo in an invoice file would otherwise never match a payer).
    static func normalized(_ text: String) -> String? {
        let bytes = text.utf8.filter { $0 != UInt8(ascii: " ") }.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
        guard (15...34).contains(bytes.count),
              bytes[0] >= 65, bytes[0] <= 90, bytes[1] >= 65, bytes[1] <= 90,
              bytes[2] >= 48, bytes[2] <= 57, bytes[3] >= 48, bytes[3] <= 57,
              bytes.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) })
        else { return nil }
        // Move the first four characters to the end, letters become 10…35, and take mod 97.
        var remainder = 0
        for byte in bytes[4...] + bytes[0..<4] {
            if byte <= 57 {
                remainder = (remainder * 10 + Int(byte - 48)) % 97
            } else {
                remainder = (remainder * 100 + Int(byte - 55)) % 97
            }
        }
        guard remainder == 1 else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
