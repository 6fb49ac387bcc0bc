/// The Norwegian KID (*kundeidentifikasjon*): 2–25 digits, the last a check digit computed either
/// by Luhn (MOD10) or by weights 2, 3, 4, 5, 6, 7 from the right (MOD11).
public enum NorwegianKID {
    /// Which of the two check-digit methods a creditor uses.
    public enum Method: String, Sendable, CaseIterable {
        case mod10
        case mod11
    }

    public static func isValid(_ text: some StringProtocol, method: Method) -> Bool {
        guard let normalized = ReferenceText.normalize(text), let digits = ReferenceText.digits(normalized),
              (2...25).contains(digits.count)
        else { return false }
        return checkDigit(for: Array(digits.dropLast()), method: method) == digits[digits.count - 1]
    }

    /// The KID for a base of 1–24 digits, or `nil` when MOD11 gives remainder 1 (check "10"),
    /// for which no digit exists; such bases cannot be used with MOD11.
    public static func make(base: some StringProtocol, method: Method) -> String? {
        guard let normalized = ReferenceText.normalize(base), let digits = ReferenceText.digits(normalized),
              (1...24).contains(digits.count), let check = checkDigit(for: digits, method: method)
        else { return nil }
        return normalized + String(check)
    }

    static func checkDigit(for body: [Int], method: Method) -> Int? {
        var sum = 0
        switch method {
        case .mod10:
            for (offset, digit) in body.reversed().enumerated() {
                if offset % 2 == 0 {
                    let doubled = digit * 2
                    sum += doubled > 9 ? doubled - 9 : doubled
                } else {
                    sum += digit
                }
            }
            return (10 - sum % 10) % 10
        case .mod11:
            for (offset, digit) in body.reversed().enumerated() {
                sum += digit * (2 + offset % 6)
            }
            let check = 11 - sum % 11
            if check == 11 { return 0 }
            return check == 10 ? nil : check
        }
    }
}
