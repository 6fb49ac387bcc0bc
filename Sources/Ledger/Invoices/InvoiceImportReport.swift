/// What `importInvoices` did.
public struct InvoiceImportReport: Hashable, Sendable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var customersAdded = 0
    /// Rows left out under `--skip-invalid`, with why.
    public var skipped: [InvoiceIssue] = []

    public init() {}
}
