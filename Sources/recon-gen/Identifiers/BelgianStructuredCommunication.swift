/// The Belgian structured communication ("OGM"/"gestructureerde mededeling", issuer `BBA`):
/// twelve digits shown as `+++ddd/dddd/ddddd+++`, the last two being the first ten mod 97 (0 written 97).
enum BelgianStructuredCommunication {
    /// The twelve digits for a ten-digit payload ending with `number`.
    static func make(number: Int, using random: inout SplitMix64) -> String {
        let numberText = Array(String(number).utf8)
        let payload = random.digits(10 - min(10, numberText.count)) + numberText.suffix(10)
        let value = Mod97.remainder(of: payload) ?? 0
        let check = value == 0 ? 97 : value
        return String(decoding: payload, as: UTF8.self) + (check < 10 ? "0" : "") + String(check)
    }

    /// `+++123/4567/89012+++`.
    static func printed(_ digits: String) -> String {
        let d = Array(digits)
        guard d.count == 12 else { return digits }
        return "+++" + String(d[0..<3]) + "/" + String(d[3..<7]) + "/" + String(d[7..<12]) + "+++"
    }
}
