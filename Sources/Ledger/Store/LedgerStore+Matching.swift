import BankStatements

/// The writes the matching step makes: allocations (append-only), review items, learned aliases
/// and configuration. Each call is its own transaction unless made inside `inTransaction`.
extension LedgerStore {
    /// Allocates `amount` of a transaction (or, for a write-off, of nothing) to an invoice.
    ///
    /// `amount` is signed like the invoice: positive to settle an invoice, negative for a credit note
    /// refunded or set off. Refuses a currency different from the invoice's and allocating more of
    /// a transaction than it holds.
    /// - Returns: The new allocation's id.
    @discardableResult
    public func recordAllocation(transactionID: Int64?, invoiceID: Int64, amount: Money, kind: AllocationKind = .payment,
                                 method: String, confidence: Int, evidence: String) throws -> Int64 {
        guard kind != .reversal else { throw LedgerError.invalidRequest("use reverseAllocation to reverse an allocation") }
        guard (0...100).contains(confidence) else { throw LedgerError.invalidRequest("confidence must be 0…100") }
        return try write {
            guard let invoiceCurrency = try database.firstRow("SELECT currency FROM invoices WHERE id = ?",
                                                              [.integer(invoiceID)], { $0.text(0) })
            else { throw LedgerError.invalidRequest("no invoice with id \(invoiceID)") }
            guard invoiceCurrency == amount.currency.code else {
                throw LedgerError.invalidRequest("allocation in \(amount.currency.code) to an invoice in \(invoiceCurrency)")
            }
            if let transactionID {
                guard let transaction = try transaction(id: transactionID) else {
                    throw LedgerError.invalidRequest("no transaction with id \(transactionID)")
                }
                guard transaction.amount.currency == amount.currency else {
                    throw LedgerError.invalidRequest("allocation in \(amount.currency.code) of a transaction in \(transaction.amount.currency.code)")
                }
                // Overflow past 64 bits is more than any transaction holds.
                let (after, overflow) = transaction.allocated.minorUnits.addingReportingOverflow(amount.minorUnits)
                let total = transaction.amount.minorUnits
                if overflow || (total >= 0 && (after > total || after < 0)) || (total < 0 && (after < total || after > 0)) {
                    throw LedgerError.invalidRequest(
                        "allocating \(amount) would exceed transaction \(transactionID) (\(transaction.amount), \(transaction.allocated) already allocated)")
                }
            } else if kind == .payment {
                throw LedgerError.invalidRequest("a payment allocation needs a transaction")
            }
            try database.execute("""
                INSERT INTO allocations (transaction_id, invoice_id, amount_minor, currency, kind, method, confidence,
                    evidence, created_at, created_by_command) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.int64(transactionID), .integer(invoiceID), .integer(amount.minorUnits), .text(amount.currency.code),
                      .text(kind.rawValue), .text(method), .int(confidence), .text(evidence), .text(clock.now()),
                      .text(commandLine)])
            return database.lastInsertRowID
        }
    }

    /// Cancels an allocation by appending a reversal row with the negated amount; nothing is deleted.
    /// - Returns: The reversal's id.
    @discardableResult
    public func reverseAllocation(id: Int64, reason: String) throws -> Int64 {
        try write {
            guard let original = try allocation(id: id) else {
                throw LedgerError.invalidRequest("no allocation with id \(id)")
            }
            guard original.kind != .reversal else { throw LedgerError.invalidRequest("allocation \(id) is itself a reversal") }
            if try database.integer("SELECT count(*) FROM allocations WHERE reverses_allocation_id = ?", [.integer(id)]) > 0 {
                throw LedgerError.invalidRequest("allocation \(id) is already reversed")
            }
            try database.execute("""
                INSERT INTO allocations (transaction_id, invoice_id, amount_minor, currency, kind, method, confidence,
                    evidence, reverses_allocation_id, created_at, created_by_command)
                VALUES (?, ?, ?, ?, 'reversal', 'reversal', 100, ?, ?, ?, ?)
                """, [.int64(original.transactionID), .integer(original.invoiceID), .integer(-original.amount.minorUnits),
                      .text(original.amount.currency.code), .text(reason), .integer(id), .text(clock.now()),
                      .text(commandLine)])
            return database.lastInsertRowID
        }
    }

    /// One allocation by id.
    public func allocation(id: Int64) throws -> Allocation? {
        try allocations(where: " WHERE id = ?", [.integer(id)]).first
    }

    /// The allocation journal in order, optionally for one invoice.
    public func allocations(invoiceID: Int64? = nil) throws -> [Allocation] {
        if let invoiceID { return try allocations(where: " WHERE invoice_id = ?", [.integer(invoiceID)]) }
        return try allocations(where: "", [])
    }

    private func allocations(where condition: String, _ arguments: [SQLValue]) throws -> [Allocation] {
        let sql = """
            SELECT id, transaction_id, invoice_id, amount_minor, currency, kind, method, confidence, evidence,
                reverses_allocation_id, created_at, created_by_command FROM allocations
            """ + condition
        return try database.rows(sql + " ORDER BY id", arguments) { row in
            Allocation(id: row.int64(0), transactionID: row.optionalInt64(1), invoiceID: row.int64(2),
                       amount: Money(minorUnits: row.int64(3), currency: LedgerStore.currency(row.text(4))),
                       kind: AllocationKind(rawValue: row.text(5)) ?? .payment, method: row.text(6),
                       confidence: row.int(7), evidence: row.text(8), reversesAllocationID: row.optionalInt64(9),
                       createdAt: row.text(10), createdByCommand: row.text(11))
        }
    }

    /// Opens a review item for a transaction; `candidatesJSON` must be valid JSON.
    /// - Returns: The item's id. A transaction has at most one open item.
    @discardableResult
    public func addReviewItem(transactionID: Int64, reason: String, candidatesJSON: String = "[]") throws -> Int64 {
        try write {
            try database.execute("""
                INSERT INTO review_items (transaction_id, state, reason, candidates, created_at) VALUES (?, 'open', ?, ?, ?)
                """, [.integer(transactionID), .text(reason), .text(candidatesJSON), .text(clock.now())])
            return database.lastInsertRowID
        }
    }

    /// Closes a review item as `resolved` or `ignored`, saying how.
    public func resolveReviewItem(id: Int64, state: ReviewState, resolution: String) throws {
        guard state != .open else { throw LedgerError.invalidRequest("a review item is resolved or ignored, not reopened") }
        try write {
            try database.execute("""
                UPDATE review_items SET state = ?, resolution = ?, resolved_at = ? WHERE id = ? AND state = 'open'
                """, [.text(state.rawValue), .text(resolution), .text(clock.now()), .integer(id)])
            if database.changes == 0 { throw LedgerError.invalidRequest("no open review item with id \(id)") }
        }
    }

    /// Review items, optionally only those in `state`.
    public func reviewItems(state: ReviewState? = nil) throws -> [ReviewItem] {
        try database.rows("""
            SELECT id, transaction_id, state, reason, candidates, resolution FROM review_items
            WHERE ?1 IS NULL OR state = ?1 ORDER BY id
            """, [.string(state?.rawValue)]) { row in
            ReviewItem(id: row.int64(0), transactionID: row.int64(1), state: ReviewState(rawValue: row.text(2)) ?? .open,
                       reason: row.text(3), candidatesJSON: row.text(4), resolution: row.optionalText(5))
        }
    }

    /// Remembers that a payer name belongs to a customer (source `learned`).
    public func learnAlias(customerID: String, alias: String) throws {
        try write {
            try database.execute("""
                INSERT OR IGNORE INTO customer_aliases (customer_id, alias, source, created_at) VALUES (?, ?, 'learned', ?)
                """, [.text(customerID), .text(alias), .text(clock.now())])
        }
    }

    public func configValue(_ key: String) throws -> String? {
        try database.firstRow("SELECT value FROM config WHERE key = ?", [.text(key)]) { $0.text(0) }
    }

    public func setConfigValue(_ value: String, for key: String) throws {
        try write {
            try database.execute("INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                 [.text(key), .text(value)])
        }
    }
}
