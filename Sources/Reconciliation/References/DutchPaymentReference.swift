/// The Dutch *betalingskenmerk* (Currence acceptgiro payment reference).
///
/// Lengths 7, 9–14 and 16 exist; 8 and 15 do not. The 7-digit form carries no check digit. In the
/// others the first digit is the check digit over all digits after it, weighted 2, 4, 8, 5, 10, 9,
/// 7, 3, 6, 1 from the right (repeating); check = 11 − (sum mod 11), where 10 becomes 1 and 11
/// becomes 0. For lengths 9–14 the second digit is a length code (7, 8, 9, 0, 1, 2 for 9…14),
/// which is covered by the check and must agree with the real length — a validator that skips the
/// length code accepts references like `0123456788` that no bank issues.
public enum DutchPaymentReference {
    private static let weights = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]

    /// `true` when `text` (spaces ignored) is a betalingskenmerk with a valid check digit.
    ///
    /// The 7-digit form has no check digit; it is reported valid only when `allowUnchecked` is set.
    public static func isValid(_ text: some StringProtocol, allowUnchecked: Bool = false) -> Bool {
        guard let normalized = ReferenceText.normalize(text), let digits = ReferenceText.digits(normalized)
        else { return false }
        switch digits.count {
        case 7:
            return allowUnchecked
        case 9...14:
            guard digits[1] == lengthCode(for: digits.count) else { return false }
            return checkDigit(for: Array(digits.dropFirst())) == digits[0]
        case 16:
            return checkDigit(for: Array(digits.dropFirst())) == digits[0]
        default:
            return false
        }
    }

    /// A valid 16-digit reference for a 15-digit `base`, or a 9–14-digit one (with length code) for a
    /// 7–12-digit `base`; `nil` for other lengths or non-digits.
    public static func make(base: some StringProtocol) -> String? {
        guard let normalized = ReferenceText.normalize(base), let digits = ReferenceText.digits(normalized)
        else { return nil }
        var body: [Int]
        switch digits.count {
        case 15:
            body = digits
        case 7...12:
            let total = digits.count + 2
            guard let code = lengthCode(for: total) else { return nil }
            body = [code] + digits
        default:
            return nil
        }
        body.insert(checkDigit(for: body), at: 0)
        return String(body.map { Character(String($0)) })
    }

    static func lengthCode(for length: Int) -> Int? {
        (9...14).contains(length) ? (length - 2) % 10 : nil
    }

    static func checkDigit(for body: [Int]) -> Int {
        var sum = 0
        for (offset, digit) in body.reversed().enumerated() {
            sum += digit * weights[offset % weights.count]
        }
        let check = 11 - sum % 11
        switch check {
        case 10: return 1
        case 11: return 0
        default: return check
        }
    }
}
