/// The Swiss QR reference: 27 digits, the last a check digit by the recursive modulo 10 method
/// (the ISR/ESR algorithm).
public enum SwissQRReference {
    private static let table = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5]

    public static func isValid(_ text: some StringProtocol) -> Bool {
        guard let normalized = ReferenceText.normalize(text), let digits = ReferenceText.digits(normalized),
              digits.count == 27
        else { return false }
        return checkDigit(for: Array(digits.dropLast())) == digits[26]
    }

    /// The 27-digit reference for a base of up to 26 digits, left-padded with zeros.
    public static func make(base: some StringProtocol) -> String? {
        guard let normalized = ReferenceText.normalize(base), let digits = ReferenceText.digits(normalized),
              digits.count <= 26
        else { return nil }
        let padded = Array(repeating: 0, count: 26 - digits.count) + digits
        return String((padded + [checkDigit(for: padded)]).map { Character(String($0)) })
    }

    static func checkDigit(for body: [Int]) -> Int {
        var carry = 0
        for digit in body {
            carry = table[(carry + digit) % 10]
        }
        return (10 - carry) % 10
    }
}
