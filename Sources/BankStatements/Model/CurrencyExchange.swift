/// A currency conversion applied to a transaction.
public struct CurrencyExchange: Hashable, Sendable {
    public var sourceCurrency: Currency?
    public var targetCurrency: Currency?
    public var unitCurrency: Currency?
    /// The rate exactly as the bank gave it.
    public var rate: DecimalNumber?

    public init(sourceCurrency: Currency? = nil, targetCurrency: Currency? = nil, unitCurrency: Currency? = nil,
                rate: DecimalNumber? = nil) {
        self.sourceCurrency = sourceCurrency
        self.targetCurrency = targetCurrency
        self.unitCurrency = unitCurrency
        self.rate = rate
    }
}
