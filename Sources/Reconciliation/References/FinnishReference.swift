/// The Finnish national payment reference (*viitenumero*): 4–20 digits, the last a check digit.
///
/// The digits before the check digit are weighted 7, 3, 1 from the right (repeating);
/// check = (10 − sum mod 10) mod 10.
public enum FinnishReference {
    private static let weights = [7, 3, 1]

    public static func isValid(_ text: some StringProtocol) -> Bool {
        guard let normalized = ReferenceText.normalize(text), let digits = ReferenceText.digits(normalized),
              (4...20).contains(digits.count)
        else { return false }
        return checkDigit(for: Array(digits.dropLast())) == digits[digits.count - 1]
    }

    /// The reference for a base of 3–19 digits: the base followed by its check digit.
    public static func make(base: some StringProtocol) -> String? {
        guard let normalized = ReferenceText.normalize(base), let digits = ReferenceText.digits(normalized),
              (3...19).contains(digits.count)
        else { return nil }
        return normalized + String(checkDigit(for: digits))
    }

    static func checkDigit(for body: [Int]) -> Int {
        var sum = 0
        for (offset, digit) in body.reversed().enumerated() {
            sum += digit * weights[offset % weights.count]
        }
        return (10 - sum % 10) % 10
    }
}
