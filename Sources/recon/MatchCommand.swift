import Ledger

/// `recon match [--db PATH]`
enum MatchCommand: Command {
    static let name = "match"
    static let summary = "Match every credit not yet allocated against the open invoices again"
    static let help = """
        USAGE: recon match [--db PATH]

        Runs matching over every stored credit that is not fully explained (by allocations or
        customer credit), except those ignored in review and those returned. Use it after importing
        invoices: a payment may arrive before its invoice. 'recon import' matches new transactions
        itself; 'recon invoices import' does not, so that a correction of an invoice file never moves
        money by surprise: run 'recon match' when the invoices are right.

        A payment is allocated automatically only when the evidence is strong and unambiguous: every
        invoice is named by a checked structured reference, the end-to-end or mandate id, or its
        invoice number, and the amount fits (equal; short within the write-off tolerance; over within
        the overpayment limit, the excess kept as customer credit; or netted with the customer's
        credit notes); or the payer IBAN is known for exactly one customer and the amount equals
        exactly one of that customer's open invoices or sets of them. Anything contradicting (payer
        IBAN or name of another customer, references to several customers) sends it to review. An
        unrelated payment whose amount merely equals an open invoice is never allocated.

        Open review items get fresh suggestions, and are closed when the payment now qualifies for
        automatic allocation, except after 'recon undo', which keeps a payment in review for good.

        Thresholds live in the database, read with 'recon config get KEY':
        \(MatchingSettings.keys.map { "  \($0.name) (default \($0.defaultValue)): \($0.summary)" }.joined(separator: "\n"))

        OPTIONS:
        \(DatabaseLocation.help)
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let store = try DatabaseLocation.open(&arguments)
        try arguments.finish()
        let report = try store.matchUnallocated()
        Console.line(describe(report))
        return ExitCode.success
    }

    /// One line about a matching run.
    static func describe(_ report: MatchReport) -> String {
        var line = "matched: \(report.autoAllocated) of \(report.examined) credit(s) allocated automatically"
        if report.customerCredits > 0 { line += ", \(report.customerCredits) overpayment(s) kept as customer credit" }
        line += "; review queue: \(report.reviewOpened) new, \(report.reviewRefreshed) refreshed, \(report.reviewClosed) closed"
        if report.returnsUndone > 0 { line += "; \(report.returnsUndone) return(s) undid earlier allocations" }
        if report.returnsToReview > 0 { line += "; \(report.returnsToReview) return(s) need review" }
        return line
    }
}
