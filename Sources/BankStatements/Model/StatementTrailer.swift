/// What is known about a statement once all its entries have been read.
public struct StatementTrailer: Hashable, Sendable {
    public var balances: [Balance]
    /// The bank's own totals (`TxsSummry`, MT942 `:90D:`/`:90C:`), when given.
    public var summary: TransactionsSummary?
    /// Statement-level free text (`AddtlStmtInf`, ING's `/SUM/` `:86:` after `:62F:`).
    public var additionalInfo: String?
    /// MT942 floor limits (`:34F:`), as given.
    public var floorLimits: [String]
    /// MT942 date-time indication (`:13D:`), as given.
    public var dateTimeIndication: String?

    public init(balances: [Balance] = [], summary: TransactionsSummary? = nil, additionalInfo: String? = nil,
                floorLimits: [String] = [], dateTimeIndication: String? = nil) {
        self.balances = balances
        self.summary = summary
        self.additionalInfo = additionalInfo
        self.floorLimits = floorLimits
        self.dateTimeIndication = dateTimeIndication
    }
}

/// Totals the bank reports for a statement.
public struct TransactionsSummary: Hashable, Sendable {
    public var entryCount: Int?
    public var creditCount: Int?
    public var creditTotal: Money?
    public var debitCount: Int?
    public var debitTotal: Money?

    public init(entryCount: Int? = nil, creditCount: Int? = nil, creditTotal: Money? = nil, debitCount: Int? = nil,
                debitTotal: Money? = nil) {
        self.entryCount = entryCount
        self.creditCount = creditCount
        self.creditTotal = creditTotal
        self.debitCount = debitCount
        self.debitTotal = debitTotal
    }
}
