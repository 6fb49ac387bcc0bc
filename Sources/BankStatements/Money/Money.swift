/// An exact amount of money: an integer count of the currency's minor units.
///
/// Money never passes through floating point: it is parsed from text digit by digit
/// and printed back the same way.
public struct Money: Hashable, Sendable {
    /// The amount in minor units (cents for EUR). Negative for debits where a sign is meant.
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// The amount as decimal text with exactly the currency's decimals, e.g. `1234.50` or `-0.05`.
    public var decimalString: String {
        Money.format(minorUnits: minorUnits, exponent: currency.exponent)
    }

    /// Formats minor units as decimal text with `exponent` decimals and the given separator.
    public static func format(minorUnits: Int64, exponent: Int, separator: Character = ".") -> String {
        // Work on the magnitude as UInt64 so that Int64.min formats instead of trapping.
        let magnitude = minorUnits.magnitude
        var digits = String(magnitude)
        if exponent > 0 {
            if digits.count <= exponent {
                digits = String(repeating: "0", count: exponent - digits.count + 1) + digits
            }
            digits.insert(separator, at: digits.index(digits.endIndex, offsetBy: -exponent))
        }
        return minorUnits < 0 ? "-" + digits : digits
    }

    /// Parses decimal text such as `1234.5`, `-0.05` or `12` into money of `currency`.
    ///
    /// Throws when the text is not a plain decimal number or has more significant decimals than the
    /// currency allows (trailing zeros beyond them are accepted).
    public static func parse(_ text: some StringProtocol, currency: Currency) throws(AmountError) -> Money {
        let units = try DecimalAmount.minorUnits(from: Array(text.utf8), exponent: currency.exponent, options: .signed)
        return Money(minorUnits: units, currency: currency)
    }
}

extension Money: CustomStringConvertible {
    public var description: String { "\(decimalString) \(currency.code)" }
}
