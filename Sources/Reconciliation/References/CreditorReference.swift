/// The ISO 11649 creditor reference (`RF` + two check digits + up to 21 letters or digits).
///
/// The check is ISO 7064 MOD 97-10: move `RFcc` to the end, read letters as 10…35, and the number
/// must leave remainder 1 when divided by 97.
public enum CreditorReference {
    /// `true` when `text` (spaces and case ignored) is a well-formed RF reference with valid check digits.
    public static func isValid(_ text: some StringProtocol) -> Bool {
        guard let normalized = ReferenceText.normalize(text) else { return false }
        let bytes = Array(normalized.utf8)
        guard bytes.count >= 5, bytes.count <= 25, bytes[0] == UInt8(ascii: "R"), bytes[1] == UInt8(ascii: "F"),
              ReferenceText.digits(normalized.dropFirst(2).prefix(2)) != nil
        else { return false }
        let rearranged = String(normalized.dropFirst(4)) + String(normalized.prefix(4))
        return ReferenceText.mod97(rearranged) == 1
    }

    /// The RF reference for `base` (1…21 letters or digits, separators ignored), without spaces;
    /// `nil` when `base` does not fit.
    public static func make(base: some StringProtocol) -> String? {
        guard let body = ReferenceText.normalize(base), body.utf8.count <= 21,
              let remainder = ReferenceText.mod97(body + "RF00")
        else { return nil }
        return "RF" + ReferenceText.twoDigits(98 - remainder) + body
    }
}
