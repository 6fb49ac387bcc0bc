import BankStatements

/// The Dutch statutory extrajudicial collection costs (the BIK scale of the *Besluit vergoeding
/// voor buitengerechtelijke incassokosten*), computed exactly in cents.
///
/// 15 % of the first €2,500, 10 % of the next €2,500, 5 % of the next €5,000, 1 % of the next
/// €190,000 and 0.5 % of the rest; at least €40 and at most €6,775. The scale applies to consumers
/// by law and to businesses unless the contract says otherwise.
public enum StatutoryCollectionCosts {
    /// The brackets as (upper bound of the principal in cents, rate in tenths of a percent).
    static let brackets: [(upTo: Int64, perMille: Int64)] = [
        (250_000, 150), (500_000, 100), (1_000_000, 50), (20_000_000, 10), (Int64.max, 5),
    ]
    static let minimumCents: Int64 = 4_000
    static let maximumCents: Int64 = 677_500

    /// The costs that may be claimed on an unpaid `principal` in euros; `nil` for another currency
    /// (the scale is defined in euros) or a principal of zero or less.
    public static func amount(on principal: Money) -> Money? {
        guard principal.currency.code == "EUR", principal.currency.exponent == 2, principal.minorUnits > 0 else { return nil }
        var remaining = principal.minorUnits
        var lowerBound: Int64 = 0
        // Sum in thousandths of a cent so the percentages stay exact until the single rounding.
        var thousandths: Int64 = 0
        for bracket in brackets where remaining > 0 {
            let width = bracket.upTo == Int64.max ? remaining : min(remaining, bracket.upTo - lowerBound)
            let (product, overflow) = width.multipliedReportingOverflow(by: bracket.perMille)
            if overflow { return Money(minorUnits: maximumCents, currency: principal.currency) }
            thousandths += product
            remaining -= width
            lowerBound = bracket.upTo
            if thousandths >= maximumCents * 1000 { break }
        }
        let cents = (thousandths + 500) / 1000
        return Money(minorUnits: min(max(cents, minimumCents), maximumCents), currency: principal.currency)
    }
}
