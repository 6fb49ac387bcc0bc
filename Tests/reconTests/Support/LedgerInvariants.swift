/// What must hold between the ledger's tables whatever order commands ran in, each as a query
/// for the rows that break it: money is never allocated twice or beyond a payment, running
/// totals agree with the journal, and review items agree with what is left to decide.
enum LedgerInvariants {
    /// The money of a credit that allocations and live customer credit account for.
    private static let explained = """
        (SELECT COALESCE(SUM(a.amount_minor), 0) FROM allocations a WHERE a.transaction_id = t.id)
          + (SELECT COALESCE(SUM(c.amount_minor), 0) FROM customer_credits c WHERE c.transaction_id = t.id AND c.released_at IS NULL)
        """

    static let checks: [(name: String, query: String)] = [
        ("invoice_totals agree with the invoices and the allocation journal", """
            SELECT i.invoice_number FROM invoices i LEFT JOIN invoice_totals t ON t.invoice_id = i.id
            WHERE t.invoice_id IS NULL OR t.amount_minor <> i.amount_minor
               OR t.allocated_minor <> (SELECT COALESCE(SUM(a.amount_minor), 0) FROM allocations a WHERE a.invoice_id = i.id)
            UNION ALL SELECT 'totals of missing invoice ' || invoice_id FROM invoice_totals WHERE invoice_id NOT IN (SELECT id FROM invoices)
            """),
        ("no credit explained beyond its amount or below nothing", """
            SELECT t.id FROM transactions t WHERE t.amount_minor > 0 AND (\(explained) > t.amount_minor OR \(explained) < 0)
            """),
        ("a reversal mirrors the allocation it reverses, which is no reversal", """
            SELECT r.id FROM allocations r JOIN allocations o ON o.id = r.reverses_allocation_id
            WHERE o.kind = 'reversal' OR r.amount_minor <> -o.amount_minor OR r.invoice_id <> o.invoice_id
               OR r.transaction_id IS NOT o.transaction_id OR r.currency <> o.currency
            """),
        ("a returned payment keeps no money on invoices or on the customer", """
            SELECT t.id FROM transactions t JOIN transaction_returns x ON x.original_transaction_id = t.id WHERE \(explained) <> 0
            """),
        ("an open payment item has money left to decide", """
            SELECT r.id FROM review_items r JOIN transactions t ON t.id = r.transaction_id
            WHERE r.state = 'open' AND r.kind = 'payment' AND t.amount_minor - (\(explained)) <= 0
            """),
        ("a decided item says how and when", """
            SELECT id FROM review_items WHERE state <> 'open' AND (resolution IS NULL OR resolved_at IS NULL)
            """),
    ]

    /// The broken invariants, each with the rows that break it; empty when all hold.
    static func violations(_ database: String) throws -> [String] {
        try checks.compactMap { name, query in
            let rows = try Robustness.sqlite(database, query).trimmingCharacters(in: .whitespacesAndNewlines)
            return rows.isEmpty ? nil : "\(name): \(rows.split(separator: "\n").prefix(10).joined(separator: ", "))"
        }
    }
}
