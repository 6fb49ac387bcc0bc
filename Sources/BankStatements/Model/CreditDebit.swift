/// The direction of money on the account holder's account.
public enum CreditDebit: String, Hashable, Sendable, CaseIterable {
    /// Money in.
    case credit = "CRDT"
    /// Money out.
    case debit = "DBIT"

    /// `+1` for credit, `-1` for debit: multiply an unsigned amount to get its effect on the balance.
    public var sign: Int64 { self == .credit ? 1 : -1 }

    public var opposite: CreditDebit { self == .credit ? .debit : .credit }
}
