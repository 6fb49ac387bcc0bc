/// ISO 11649 structured creditor references: `RF` + two check digits + up to 21 letters or digits.
enum CreditorReference {
    /// The reference for `body` (upper-case letters and digits, at most 21), check digits included.
    static func make(body: String) -> String {
        let bytes = Array(body.utf8)
        let check = Mod97.checkDigits(body: bytes, prefix: Array("RF".utf8)) ?? [UInt8(ascii: "0"), UInt8(ascii: "0")]
        return "RF" + String(decoding: check, as: UTF8.self) + body
    }

    /// The reference in groups of four, the way payers are asked to type it.
    static func printed(_ reference: String) -> String { IBAN.grouped(reference) }
}
