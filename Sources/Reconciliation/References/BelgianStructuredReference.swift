/// The Belgian structured communication (OGM/VCS), written `+++123/4567/89012+++`.
///
/// Twelve digits: the first ten modulo 97 give the last two, where a remainder of 0 is written 97.
public enum BelgianStructuredReference {
    /// `true` when `text` (frame, slashes and spaces ignored) has twelve digits with a valid check.
    public static func isValid(_ text: some StringProtocol) -> Bool {
        guard let normalized = ReferenceText.normalize(text), let digits = ReferenceText.digits(normalized),
              digits.count == 12
        else { return false }
        return check(for: Array(digits.prefix(10))) == digits[10] * 10 + digits[11]
    }

    /// The framed reference `+++ddd/dddd/ddddd+++` for a base of exactly ten digits.
    public static func make(base: some StringProtocol) -> String? {
        guard let normalized = ReferenceText.normalize(base), let digits = ReferenceText.digits(normalized),
              digits.count == 10
        else { return nil }
        let all = normalized + ReferenceText.twoDigits(check(for: digits))
        let bytes = Array(all)
        return "+++" + String(bytes[0..<3]) + "/" + String(bytes[3..<7]) + "/" + String(bytes[7..<12]) + "+++"
    }

    private static func check(for digits: [Int]) -> Int {
        let remainder = digits.reduce(0) { ($0 * 10 + $1) % 97 }
        return remainder == 0 ? 97 : remainder
    }
}
