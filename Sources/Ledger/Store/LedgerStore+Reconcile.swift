import BankStatements
import Reconciliation

/// Matching wired into the store: import-and-match, re-matching, and undoing allocations.
extension LedgerStore {
    /// Stores statement files and matches every new booked transaction in the same write
    /// transaction: new credits are allocated or queued for review, returns and reversals undo the
    /// allocations of the payment they send back. Nothing is stored when any step fails.
    public func importAndMatch(_ files: [StatementFile]) throws -> (StatementImportReport, MatchReport) {
        try useBulkWriteCache()
        return try write {
            let configuration = try matchingConfiguration()
            let before = try database.integer("SELECT COALESCE(MAX(id), 0) FROM transactions")
            let imported = try importStatements(files)
            let fresh = try fetchTransactions(where: "t.id > \(before)")
            guard !fresh.isEmpty else { return (imported, MatchReport()) }
            let run = try MatchingRun(store: self, configuration: configuration)
            try run.process(fresh)
            try audit("match after import: " + run.report.summary)
            return (imported, run.report)
        }
    }

    /// Matches every credit that is not fully explained yet (allocations, customer credit), except
    /// those a person ignored and those returned: a payment may arrive before its invoice, and
    /// what was learned from manual decisions may now identify a payer. Open review items get fresh
    /// suggestions or are closed when the payment is now allocated automatically.
    public func matchUnallocated() throws -> MatchReport {
        try write {
            let run = try MatchingRun(store: self, configuration: try matchingConfiguration())
            try run.process(try matchableCredits())
            if run.report.autoAllocated + run.report.reviewOpened + run.report.reviewRefreshed + run.report.reviewClosed > 0 {
                try audit("match: " + run.report.summary)
            }
            return run.report
        }
    }

    func matchableCredits() throws -> [StoredTransaction] {
        try fetchTransactions(where: """
            t.amount_minor > 0 AND t.reversal = 0 AND t.amount_minor > COALESCE(a.allocated, 0)
            AND t.id NOT IN (SELECT original_transaction_id FROM transaction_returns)
            AND NOT EXISTS (SELECT 1 FROM review_items r WHERE r.transaction_id = t.id AND r.state = 'ignored')
            """)
    }

    /// Reverses every live allocation of a transaction (its payments and the write-offs made for
    /// it) and releases its customer credit.
    /// - Returns: The reversal rows written.
    @discardableResult
    func undoTransaction(_ transactionID: Int64, reason: String) throws -> [Allocation] {
        let live = try database.rows("""
            SELECT id FROM allocations a
            WHERE (a.transaction_id = ?1 AND a.kind = 'payment' OR a.for_transaction_id = ?1 AND a.kind = 'write-off')
              AND NOT EXISTS (SELECT 1 FROM allocations r WHERE r.reverses_allocation_id = a.id)
            ORDER BY id
            """, [.integer(transactionID)], { $0.int64(0) })
        var reversals: [Allocation] = []
        for id in live {
            let reversal = try reverseAllocation(id: id, reason: reason)
            if let row = try allocation(id: reversal) { reversals.append(row) }
        }
        try database.execute("""
            UPDATE customer_credits SET released_at = ?, released_reason = ? WHERE transaction_id = ? AND released_at IS NULL
            """, [.text(clock.now()), .text(reason), .integer(transactionID)])
        return reversals
    }

    /// Undoes one allocation with a reversing row; every other allocation stays as it is.
    ///
    /// Undoing a payment also reverses the write-off booked for the same payment on the same
    /// invoice (it closed a shortfall that no longer exists). The transaction's money goes back to
    /// the review queue, with fresh suggestions but never again allocated automatically, since a
    /// person has just rejected the automatic choice. Undoing a write-off only re-opens the
    /// shortfall on the invoice.
    /// - Returns: The ids of the reversal rows.
    public func undoAllocation(id: Int64, reason: String) throws -> [Int64] {
        try write {
            guard let original = try allocation(id: id) else { throw LedgerError.invalidRequest("no allocation with id \(id)") }
            var reversals = [try reverseAllocation(id: id, reason: reason)]
            guard original.kind == .payment, let transactionID = original.transactionID else {
                try audit("undo allocation \(id) (\(original.kind.rawValue) of \(original.amount)): \(reason)")
                return reversals
            }
            let writeOffs = try database.rows("""
                SELECT id FROM allocations a WHERE a.kind = 'write-off' AND a.for_transaction_id = ? AND a.invoice_id = ?
                  AND NOT EXISTS (SELECT 1 FROM allocations r WHERE r.reverses_allocation_id = a.id)
                """, [.integer(transactionID), .integer(original.invoiceID)], { $0.int64(0) })
            for writeOff in writeOffs { reversals.append(try reverseAllocation(id: writeOff, reason: reason)) }
            if let after = try transaction(id: transactionID), after.unallocated.minorUnits < 0 {
                // A credit note netted against an invoice: alone, its undo would leave the invoice
                // holding more of the payment than the payment had.
                throw LedgerError.invalidRequest(
                    "undoing allocation \(id) alone would leave transaction \(transactionID) allocated beyond its amount; "
                        + "undo the invoice allocations it was netted with first")
            }
            let reviewReason = "allocation \(id) undone: \(reason)"
            if let open = try database.firstRow("SELECT id FROM review_items WHERE transaction_id = ? AND state = 'open'",
                                                [.integer(transactionID)], { $0.int64(0) }) {
                try database.execute("UPDATE review_items SET auto_allowed = 0, reason = ? WHERE id = ?",
                                     [.text(reviewReason), .integer(open)])
            } else {
                try database.execute("""
                    INSERT INTO review_items (transaction_id, state, reason, candidates, created_at, kind, auto_allowed)
                    VALUES (?, 'open', ?, '[]', ?, 'payment', 0)
                    """, [.integer(transactionID), .text(reviewReason), .text(clock.now())])
            }
            if let transaction = try transaction(id: transactionID) {
                let run = try MatchingRun(store: self, configuration: try matchingConfiguration())
                try run.process([transaction])
            }
            try audit("undo allocation \(id) (\(original.amount) of transaction \(transactionID)): \(reason)")
            return reversals
        }
    }
}
