/// What recon learned about customers from manual decisions, and forgetting it.
extension LedgerStore {
    /// Remembers that a payer IBAN belongs to a customer (source `learned`).
    public func learnIBAN(customerID: String, iban: String) throws {
        try write {
            try database.execute("""
                INSERT OR IGNORE INTO customer_ibans (customer_id, iban, source, created_at) VALUES (?, ?, 'learned', ?)
                """, [.text(customerID), .text(iban), .text(clock.now())])
        }
    }

    /// The IBANs and names learned for a customer (not those from invoice files).
    public func learnedFacts(customerID: String) throws -> (ibans: [String], aliases: [String]) {
        let ibans = try database.rows("SELECT iban FROM customer_ibans WHERE customer_id = ? AND source = 'learned' ORDER BY iban",
                                      [.text(customerID)], { $0.text(0) })
        let aliases = try database.rows("""
            SELECT alias FROM customer_aliases WHERE customer_id = ? AND source = 'learned' ORDER BY id
            """, [.text(customerID)], { $0.text(0) })
        return (ibans, aliases)
    }

    /// Forgets learned facts: one IBAN, one alias, or (both `nil`) everything learned.
    /// - Returns: How many facts were removed.
    @discardableResult
    public func forgetLearned(customerID: String, iban: String? = nil, alias: String? = nil) throws -> Int {
        try write {
            guard try database.integer("SELECT count(*) FROM customers WHERE id = ?", [.text(customerID)]) > 0 else {
                throw LedgerError.invalidRequest("no customer '\(customerID)'")
            }
            var removed = 0
            if iban != nil || alias == nil {
                let normalized = iban.map { String($0.uppercased().filter { $0 != " " }) }
                try database.execute("""
                    DELETE FROM customer_ibans WHERE customer_id = ?1 AND source = 'learned' AND (?2 IS NULL OR iban = ?2)
                    """, [.text(customerID), .string(normalized)])
                removed += database.changes
            }
            if alias != nil || iban == nil {
                try database.execute("""
                    DELETE FROM customer_aliases WHERE customer_id = ?1 AND source = 'learned' AND (?2 IS NULL OR alias = ?2)
                    """, [.text(customerID), .string(alias)])
                removed += database.changes
            }
            if removed == 0 {
                throw LedgerError.invalidRequest("nothing learned for customer \(customerID) matches")
            }
            let what = iban.map { "IBAN \($0)" } ?? alias.map { "alias '\($0)'" } ?? "everything learned"
            try audit("customers forget \(customerID): \(what) (\(removed) fact(s))")
            return removed
        }
    }
}
