/// A charge the bank took or reported for a transaction.
public struct Charge: Hashable, Sendable {
    public var amount: Money
    public var creditDebit: CreditDebit?
    /// The charge type code, e.g. `COMM`, when given.
    public var type: String?
    /// Who bears the charge (`DEBT`, `CRED`, `SHAR`).
    public var bearer: String?
    /// `true` when the charge is already included in the entry amount (`ChrgInclInd`).
    public var includedInAmount: Bool?

    public init(amount: Money, creditDebit: CreditDebit? = nil, type: String? = nil, bearer: String? = nil,
                includedInAmount: Bool? = nil) {
        self.amount = amount
        self.creditDebit = creditDebit
        self.type = type
        self.bearer = bearer
        self.includedInAmount = includedInAmount
    }
}
