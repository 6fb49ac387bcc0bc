/// How strictly and within which bounds a statement file is read.
public struct ParseOptions: Sendable {
    /// Make a statement whose balances disagree with its entries an error instead of a warning.
    public var strict: Bool
    public var limits: ParseLimits

    public init(strict: Bool = false, limits: ParseLimits = ParseLimits()) {
        self.strict = strict
        self.limits = limits
    }
}

/// Upper bounds on sizes that the input controls, so a hostile file cannot exhaust memory.
public struct ParseLimits: Sendable {
    /// The longest text value kept from one element or field, in bytes.
    public var maximumTextLength: Int
    /// The deepest XML nesting accepted.
    public var maximumDepth: Int
    /// The longest MT940 line accepted, in bytes.
    public var maximumLineLength: Int
    /// The most transactions kept for one entry (a batch), and the most lines in one MT940 `:86:`.
    public var maximumTransactionsPerEntry: Int
    /// The most entries in one statement.
    public var maximumEntriesPerStatement: Int

    public init(maximumTextLength: Int = 64 * 1024, maximumDepth: Int = 64, maximumLineLength: Int = 64 * 1024,
                maximumTransactionsPerEntry: Int = 100_000, maximumEntriesPerStatement: Int = 50_000_000) {
        self.maximumTextLength = maximumTextLength
        self.maximumDepth = maximumDepth
        self.maximumLineLength = maximumLineLength
        self.maximumTransactionsPerEntry = maximumTransactionsPerEntry
        self.maximumEntriesPerStatement = maximumEntriesPerStatement
    }
}
