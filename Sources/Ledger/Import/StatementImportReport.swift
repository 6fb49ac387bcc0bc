/// What `importStatements` did, per file and in total.
public struct StatementImportReport: Hashable, Sendable {
    public struct File: Hashable, Sendable {
        public var path: String
        /// `true` when a file with the same bytes was imported before: nothing was read from it.
        public var alreadyImported = false
        public var statements = 0
        /// Statements already stored from another file (the same statement exported twice).
        public var knownStatements = 0
        public var transactionsAdded = 0
        /// Booked transactions already stored (from an overlapping or intraday file).
        public var duplicates = 0
        /// Pending or information-only entries, which are not stored as transactions.
        public var notBooked = 0
    }

    public var files: [File] = []
    /// Continuity problems: missing sequence numbers, an opening balance that does not continue the
    /// previous closing balance.
    public var warnings: [String] = []

    public var transactionsAdded: Int { files.reduce(0) { $0 + $1.transactionsAdded } }
    public var duplicates: Int { files.reduce(0) { $0 + $1.duplicates } }
    public var notBooked: Int { files.reduce(0) { $0 + $1.notBooked } }
    public var statementsAdded: Int { files.reduce(0) { $0 + $1.statements - $1.knownStatements } }

    public init() {}
}
