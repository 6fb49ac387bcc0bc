/// The Dutch structured payment reference ("betalingskenmerk", issuer `CUR`): sixteen digits, the
/// first being a check digit over the other fifteen.
enum Betalingskenmerk {
    /// Weights applied from the rightmost digit leftwards, repeating.
    static let weights = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]

    /// The check digit for fifteen digits: `11 − (Σ weight × digit mod 11)`, where 10 becomes 1 and 11 becomes 0.
    static func checkDigit(for digits: [UInt8]) -> UInt8 {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            sum += weights[offset % weights.count] * Int(digit - UInt8(ascii: "0"))
        }
        var check = 11 - sum % 11
        if check == 10 { check = 1 }
        if check == 11 { check = 0 }
        return UInt8(ascii: "0") + UInt8(check)
    }

    /// A reference whose fifteen payload digits end with `number` (an invoice sequence number).
    static func make(number: Int, using random: inout SplitMix64) -> String {
        let numberText = Array(String(number).utf8)
        let payload = random.digits(15 - min(15, numberText.count)) + numberText.suffix(15)
        return String(decoding: [checkDigit(for: payload)] + payload, as: UTF8.self)
    }
}
