/// A whole statement: header, entries, balances and the result of checking them.
public struct Statement: Hashable, Sendable {
    public var header: StatementHeader
    public var entries: [Entry]
    public var trailer: StatementTrailer
    public var verification: Verification

    public init(header: StatementHeader, entries: [Entry], trailer: StatementTrailer, verification: Verification) {
        self.header = header
        self.entries = entries
        self.trailer = trailer
        self.verification = verification
    }

    public var format: StatementFormat { header.format }
    public var account: Account { header.account }
    public var balances: [Balance] { trailer.balances }

    /// The first balance of `kind`, if the statement has one.
    public func balance(_ kind: Balance.Kind) -> Balance? { trailer.balances.first { $0.kind == kind } }
}
