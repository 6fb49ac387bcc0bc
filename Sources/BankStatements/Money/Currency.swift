/// An ISO 4217 currency: its three-letter code and how many decimals its minor unit has.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The three upper-case letters, e.g. `EUR`.
    public let code: String
    /// Decimals of the minor unit: 2 for EUR, 0 for JPY, 3 for KWD.
    public let exponent: Int

    /// Creates a currency from its code, taking the exponent from ISO 4217.
    ///
    /// Returns `nil` unless the code is exactly three ASCII letters. A well-formed code that ISO 4217
    /// does not list gets exponent 2, the exponent of almost every currency.
    public init?(code: some StringProtocol) {
        let bytes = Array(code.utf8)
        guard bytes.count == 3, bytes.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) else {
            return nil
        }
        let upper = String(decoding: bytes.map { $0 >= 97 ? $0 - 32 : $0 }, as: UTF8.self)
        self.code = upper
        self.exponent = Currency.exponents[upper] ?? 2
    }

    /// Creates a currency with an explicit exponent (for tests and currencies ISO 4217 does not know yet).
    public init(code: String, exponent: Int) {
        self.code = code
        self.exponent = exponent
    }

    public var description: String { code }

    public static let euro = Currency(code: "EUR", exponent: 2)

    /// Currencies whose minor unit does not have two decimals (ISO 4217, list one).
    /// Everything not listed here has two.
    static let exponents: [String: Int] = [
        // No minor unit.
        "BIF": 0, "BYR": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
        "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        // Three decimals.
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
        // Four decimals.
        "CLF": 4, "UYW": 4,
    ]
}
