import BankStatements

/// A statutory interest rate that applies from a date until the next rate takes over.
public struct InterestRate: Hashable, Sendable {
    /// Which statutory rate: commercial (*handelsrente*, art. 6:119a BW) between businesses,
    /// or the ordinary statutory rate (*wettelijke rente*, art. 6:119 BW) for consumers.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case commercial
        case consumer
    }

    public var kind: Kind
    /// The first day the rate applies.
    public var effectiveFrom: CalendarDate
    /// The yearly rate in percent, exactly as entered (e.g. `10.15`).
    public var annualPercent: DecimalNumber

    public init(kind: Kind, effectiveFrom: CalendarDate, annualPercent: DecimalNumber) {
        self.kind = kind
        self.effectiveFrom = effectiveFrom
        self.annualPercent = annualPercent
    }
}
