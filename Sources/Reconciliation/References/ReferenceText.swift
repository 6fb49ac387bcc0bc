/// Brings payment references to one comparable spelling.
///
/// Payers type references with spaces, dashes, slashes and the Belgian `+++…+++` or `***…***`
/// frame; the bank and our invoicing system may spell the same reference differently. Keeping only
/// ASCII letters (upper-cased) and digits makes `RF18 5390 0754 7034` equal `rf18539007547034`.
public enum ReferenceText {
    /// The longest reference considered, so a payer's novel in a reference field costs nothing.
    public static let maximumLength = 64

    /// The reference with everything but ASCII letters and digits removed, letters upper-cased;
    /// `nil` when nothing remains or the text is longer than ``maximumLength`` characters of content.
    public static func normalize(_ text: some StringProtocol) -> String? {
        // Most references and ids arrive already in this form: then the text is the answer.
        let utf8 = text.utf8
        if !utf8.isEmpty, utf8.count <= maximumLength, utf8.allSatisfy({ byte in
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
        }) {
            return String(text)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(utf8.count, maximumLength + 1))
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                bytes.append(byte)
            } else if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
                bytes.append(byte - 32)
            } else {
                continue
            }
            if bytes.count > maximumLength { return nil }
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// The digit values of `text` when it holds only ASCII digits, else `nil`.
    static func digits(_ text: some StringProtocol) -> [Int]? {
        var values: [Int] = []
        values.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            values.append(Int(byte - UInt8(ascii: "0")))
        }
        return values
    }

    /// The remainder modulo 97 of the number written by `text`, where letters stand for 10…35
    /// (ISO 7064 MOD 97-10 as used by IBAN and RF); `nil` for any other character.
    static func mod97(_ text: some StringProtocol) -> Int? {
        var remainder = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                remainder = (remainder * 10 + Int(byte - UInt8(ascii: "0"))) % 97
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                remainder = (remainder * 100 + Int(byte - UInt8(ascii: "A")) + 10) % 97
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                remainder = (remainder * 100 + Int(byte - UInt8(ascii: "a")) + 10) % 97
            default:
                return nil
            }
        }
        return remainder
    }

    /// Two-digit decimal text with a leading zero.
    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
