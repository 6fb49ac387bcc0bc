import BankStatements

/// Which customers may already have paid: the open review items, as the overdue list reads them.
extension LedgerStore {
    /// Customers with an unresolved incoming payment in the review queue: one whose payer IBAN or
    /// name is the customer's, or whose candidates name one of the customer's invoices.
    ///
    /// The candidates are read as any JSON: every text value equal to an invoice number counts, and
    /// a text value under a `customer`, `customerId` or `customer_id` key names a customer.
    public func customersWithPendingReview() throws -> Set<String> {
        var customers = Set(try database.rows("""
            WITH pending AS (
                SELECT t.counterparty_iban, t.counterparty_name FROM review_items r
                JOIN transactions t ON t.id = r.transaction_id
                WHERE r.state = 'open' AND t.amount_minor > 0
            )
            SELECT ci.customer_id FROM pending p JOIN customer_ibans ci ON ci.iban = p.counterparty_iban
            UNION
            SELECT ca.customer_id FROM pending p JOIN customer_aliases ca ON ca.alias = p.counterparty_name COLLATE NOCASE
            """) { $0.text(0) })
        let named = try textsInPendingCandidates()
        if !named.invoiceNumbers.isEmpty {
            customers.formUnion(try database.rows(
                "SELECT DISTINCT customer_id FROM invoices WHERE invoice_number IN (SELECT value FROM json_each(?1))",
                [.text(LedgerStore.jsonArray(named.invoiceNumbers))]) { $0.text(0) })
        }
        if !named.customers.isEmpty {
            customers.formUnion(try database.rows(
                "SELECT id FROM customers WHERE id IN (SELECT value FROM json_each(?1))",
                [.text(LedgerStore.jsonArray(named.customers))]) { $0.text(0) })
        }
        if !named.unreadItems.isEmpty {
            let items = "[" + named.unreadItems.map(String.init).joined(separator: ",") + "]"
            customers.formUnion(try database.rows("""
                SELECT i.customer_id FROM review_items r, json_tree(r.candidates) j JOIN invoices i ON i.invoice_number = j.atom
                WHERE r.id IN (SELECT value FROM json_each(?1)) AND j.type = 'text'
                UNION
                SELECT c.id FROM review_items r, json_tree(r.candidates) j JOIN customers c ON c.id = j.atom
                WHERE r.id IN (SELECT value FROM json_each(?1)) AND j.type = 'text'
                    AND j.key IN ('customer', 'customerId', 'customer_id')
                """, [.text(items)]) { $0.text(0) })
        }
        return customers
    }

    /// What the candidates of the open review items for incoming payments name.
    private struct PendingCandidateTexts {
        /// Texts that may be invoice numbers: only those between the smallest and the largest
        /// stored number, the only ones that can equal one.
        var invoiceNumbers: Set<String> = []
        /// Texts under a customer key.
        var customers: Set<String> = []
        /// Items whose candidates `CandidateTexts` does not take; SQLite's `json_tree` reads those.
        var unreadItems: [Int64] = []
    }

    private func textsInPendingCandidates() throws -> PendingCandidateTexts {
        var result = PendingCandidateTexts()
        let bounds = try database.firstRow(
            "SELECT (SELECT min(invoice_number) FROM invoices), (SELECT max(invoice_number) FROM invoices)"
        ) { row -> (low: [UInt8], high: [UInt8])? in
            guard let low = row.optionalText(0), let high = row.optionalText(1) else { return nil }
            return (Array(low.utf8), Array(high.utf8))
        } ?? nil
        let items = try database.prepare("""
            SELECT r.id, r.candidates FROM review_items r JOIN transactions t ON t.id = r.transaction_id
            WHERE r.state = 'open' AND t.amount_minor > 0
            """)
        while try items.step() {
            let read = items.withTextBytes(1) { json -> Bool in
                guard let values = CandidateTexts.values(in: json) else { return false }
                var numbers: [String] = []
                var customers: [String] = []
                for value in values {
                    let bytes = json[value.bytes]
                    let mayBeNumber = bounds.map { !bytes.lexicographicallyPrecedes($0.low) && !$0.high.lexicographicallyPrecedes(bytes) } ?? false
                    guard mayBeNumber || value.namesCustomer else { continue }
                    // Stored numbers and ids are valid UTF-8; anything else goes to `json_tree` with the item.
                    guard let text = String(validating: bytes, as: UTF8.self) else { return false }
                    if mayBeNumber { numbers.append(text) }
                    if value.namesCustomer { customers.append(text) }
                }
                result.invoiceNumbers.formUnion(numbers)
                result.customers.formUnion(customers)
                return true
            }
            if !read { result.unreadItems.append(items.int64(0)) }
        }
        return result
    }

    private static func jsonArray(_ texts: Set<String>) -> String {
        JSONValue.array(texts.map { .string($0) }).rendered()
    }
}
