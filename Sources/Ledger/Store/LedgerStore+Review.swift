import BankStatements
import Reconciliation

/// What a person's review decision did.
public struct ReviewDecisionReport: Hashable, Sendable {
    public var allocationIDs: [Int64] = []
    public var creditIDs: [Int64] = []
    /// The payment's remainder still unexplained afterwards.
    public var leftOver: Money?
    /// What recon learned about the payer (nothing when the payer was already known).
    public var learned: LearnedFacts?
    /// For a return: the earlier payment whose allocations were undone.
    public var returnedTransactionID: Int64?
    /// The invoices paid and how much each got, in booking order, so the person deciding sees
    /// what was done (a suggestion may have changed since it was listed).
    public var paid: [PaidInvoice] = []

    public struct PaidInvoice: Hashable, Sendable {
        public var invoiceNumber: String
        public var amount: Money
    }
}

/// The review queue: listing, accepting a suggestion, assigning by hand, ignoring.
extension LedgerStore {
    /// Open review items, oldest first, with their transactions and suggestions (best first).
    ///
    /// The three queries read one snapshot: while another process refreshes or decides an item,
    /// a listing would otherwise pair its old suggestions with its new reason, or drop it.
    public func reviewQueue() throws -> [ReviewQueueItem] {
        try read(readReviewQueue)
    }

    private func readReviewQueue() throws -> [ReviewQueueItem] {
        let transactions = try fetchTransactions(where: "t.id IN (SELECT transaction_id FROM review_items WHERE state = 'open')")
        let byID = Dictionary(transactions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var candidates: [Int64: [ReviewCandidate]] = [:]
        for (id, candidate) in try database.rows("""
            SELECT r.id, \(ReviewCandidate.columns) FROM review_items r, json_each(r.candidates) j
            WHERE r.state = 'open' ORDER BY r.id, j.key
            """, [], { ($0.int64(0), ReviewCandidate.decode($0, from: 1)) }) {
            candidates[id, default: []].append(candidate)
        }
        return try database.rows("""
            SELECT id, transaction_id, kind, reason, auto_allowed FROM review_items WHERE state = 'open' ORDER BY id
            """) { row in (row.int64(0), row.int64(1), row.text(2), row.text(3), row.int(4) != 0) }
            .compactMap { id, transactionID, kind, reason, auto in
                guard let transaction = byID[transactionID] else { return nil }
                return ReviewQueueItem(id: id, kind: kind, reason: reason, autoAllowed: auto, transaction: transaction,
                                       candidates: candidates[id] ?? [])
            }
    }

    private func openReviewItem(_ id: Int64) throws -> (transaction: StoredTransaction, kind: String, candidates: [ReviewCandidate]) {
        guard let row = try database.firstRow("SELECT transaction_id, kind, state FROM review_items WHERE id = ?",
                                              [.integer(id)], { ($0.int64(0), $0.text(1), $0.text(2)) })
        else { throw LedgerError.invalidRequest("no review item with id \(id)") }
        guard row.2 == "open" else { throw LedgerError.invalidRequest("review item \(id) is already \(row.2)") }
        guard let transaction = try transaction(id: row.0) else {
            throw LedgerError.invalidRequest("review item \(id) names a missing transaction")
        }
        let candidates = try database.rows("""
            SELECT \(ReviewCandidate.columns) FROM review_items r, json_each(r.candidates) j WHERE r.id = ? ORDER BY j.key
            """, [.integer(id)], { ReviewCandidate.decode($0, from: 0) })
        return (transaction, row.1, candidates)
    }

    /// What is still unexplained of a credit: its amount less allocations and live customer credit.
    func remainder(of transaction: StoredTransaction) throws -> Money {
        let credit = try database.integer(
            "SELECT COALESCE(SUM(amount_minor), 0) FROM customer_credits WHERE transaction_id = ? AND released_at IS NULL",
            [.integer(transaction.id)])
        return Money(minorUnits: transaction.unallocated.minorUnits - credit, currency: transaction.amount.currency)
    }

    /// Takes suggestion `number` (1-based) of an open review item.
    ///
    /// For a payment the suggested invoices are paid with what is left of it, as `assign` would
    /// without amounts, and recon learns the payer's IBAN and name for the customer. For a return
    /// the suggested earlier payment's allocations are undone.
    ///
    /// - Parameter expected: the invoice numbers the person saw in suggestion `number`; when
    ///   given, the suggestion must still name exactly these, or nothing is done (another command
    ///   may have refreshed the suggestions since they were listed).
    public func acceptReview(id: Int64, suggestion number: Int = 1, expecting expected: [String]? = nil) throws -> ReviewDecisionReport {
        try write {
            let item = try openReviewItem(id)
            guard number >= 1, number <= item.candidates.count else {
                throw LedgerError.invalidRequest(item.candidates.isEmpty
                    ? "review item \(id) has no suggestions; use 'recon review assign'"
                    : "review item \(id) has suggestions 1…\(item.candidates.count), not \(number)")
            }
            let candidate = item.candidates[number - 1]
            if let expected, Set(expected) != Set(candidate.invoiceNumbers) {
                let now = candidate.invoiceNumbers.isEmpty ? "no invoice" : candidate.invoiceNumbers.joined(separator: ", ")
                throw LedgerError.invalidRequest("suggestion \(number) of review item \(id) now names \(now), "
                                                 + "not \(expected.joined(separator: ", ")); list the queue again")
            }
            if item.kind == "return" {
                guard let original = candidate.returnedTransactionID else {
                    throw LedgerError.invalidRequest("suggestion \(number) names no earlier payment")
                }
                return try acceptReturn(itemID: id, returned: item.transaction, original: original)
            }
            let invoices = try invoicesByID(candidate.invoiceIDs)
            if let settled = invoices.first(where: { $0.status == .paid || $0.status == .overpaid }) {
                throw LedgerError.invalidRequest("suggestion \(number) is out of date: \(settled.invoiceNumber) is already "
                                                 + "\(settled.status.rawValue); run 'recon match' for fresh suggestions")
            }
            let report = try decide(itemID: id, transaction: item.transaction,
                                    choices: invoices.map { ManualAllocationPlan.Choice(invoice: $0, amount: nil) },
                                    method: "manual", evidence: "suggestion \(number) accepted: \(candidate.evidence)",
                                    resolution: "accepted suggestion \(number): \(candidate.invoiceNumbers.joined(separator: ", "))")
            return report
        }
    }

    /// Assigns an open review item's payment to invoices chosen by number, with optional amounts.
    ///
    /// Invoices without an amount take what is left, oldest first as given; the total may not
    /// exceed what is left of the payment, and every invoice must be in the payment's currency.
    public func assignReview(id: Int64, to assignments: [(invoiceNumber: String, amount: String?)]) throws -> ReviewDecisionReport {
        try write {
            let item = try openReviewItem(id)
            guard item.kind == "payment" else {
                throw LedgerError.invalidRequest("review item \(id) is a return: accept a suggestion or ignore it")
            }
            guard !assignments.isEmpty else { throw LedgerError.invalidRequest("name at least one invoice") }
            let currency = item.transaction.amount.currency
            var choices: [ManualAllocationPlan.Choice] = []
            for (number, amountText) in assignments {
                guard let invoice = try invoices(number: number) else {
                    throw LedgerError.invalidRequest("no invoice numbered '\(number)'")
                }
                if choices.contains(where: { $0.invoice.id == invoice.id }) {
                    throw LedgerError.invalidRequest("invoice \(number) is named twice")
                }
                var amount: Money?
                if let amountText {
                    do {
                        amount = try Money.parse(amountText, currency: invoice.amount.currency)
                    } catch {
                        throw LedgerError.invalidRequest("'\(amountText)' is not an amount in \(invoice.amount.currency.code)")
                    }
                    if amount?.minorUnits == 0 { throw LedgerError.invalidRequest("amount for \(number) is zero") }
                }
                if invoice.amount.currency != currency {
                    throw LedgerError.invalidRequest("invoice \(number) is in \(invoice.amount.currency.code), the payment in \(currency.code)")
                }
                choices.append(ManualAllocationPlan.Choice(invoice: invoice, amount: amount))
            }
            let names = assignments.map { assignment in
                assignment.amount.map { "\(assignment.invoiceNumber) \($0)" } ?? assignment.invoiceNumber
            }
            return try decide(itemID: id, transaction: item.transaction, choices: choices, method: "manual",
                              evidence: "assigned by hand to \(names.joined(separator: ", "))",
                              resolution: "assigned to \(names.joined(separator: ", "))")
        }
    }

    /// Closes an open review item as not an invoice payment; `recon match` leaves the transaction alone.
    public func ignoreReview(id: Int64, reason: String) throws {
        try write {
            _ = try openReviewItem(id)
            let trimmed = reason.trimmingSpaces()
            guard !trimmed.isEmpty else { throw LedgerError.invalidRequest("give a reason for ignoring") }
            try resolveReviewItem(id: id, state: .ignored, resolution: trimmed)
            try audit("review ignore \(id): \(trimmed)")
        }
    }

    private func decide(itemID: Int64, transaction: StoredTransaction, choices: [ManualAllocationPlan.Choice],
                        method: String, evidence: String, resolution: String) throws -> ReviewDecisionReport {
        let left = try remainder(of: transaction)
        guard left.minorUnits > 0 else { throw LedgerError.invalidRequest("transaction \(transaction.id) is fully allocated") }
        let configuration = try matchingConfiguration()
        let plan = try ManualAllocationPlan(payment: left, choices: choices,
                                            tolerance: configuration.policy.underpaymentTolerance, method: method,
                                            evidence: evidence)
        // Learn before booking: the context holds only invoices that are still open.
        let run = try MatchingRun(store: self, configuration: configuration)
        let payment = transaction.payment(amount: left)
        let facts = LearnedFacts.derive(payment: payment, invoiceIDs: choices.map { String($0.invoice.id) },
                                        context: run.currentContext, policy: configuration.policy)
        let booker = try Booker(database: database, clock: clock, commandLine: commandLine)
        let result = try booker.book(transactionID: transaction.id, remainder: left, lines: plan.lines)
        var report = ReviewDecisionReport(allocationIDs: result.allocationIDs, creditIDs: result.creditIDs)
        let numbers = Dictionary(choices.map { ($0.invoice.id, $0.invoice.invoiceNumber) }, uniquingKeysWith: { first, _ in first })
        report.paid = plan.lines.compactMap { line in
            guard line.kind == .invoice, let id = line.invoiceID, let number = numbers[id] else { return nil }
            return ReviewDecisionReport.PaidInvoice(invoiceNumber: number, amount: line.amount)
        }
        if let facts, !facts.isEmpty {
            if let iban = facts.iban { try learnIBAN(customerID: facts.customerID, iban: iban) }
            if let alias = facts.nameAlias { try learnAlias(customerID: facts.customerID, alias: alias) }
            report.learned = facts
        }
        let after = try remainder(of: try self.transaction(id: transaction.id) ?? transaction)
        report.leftOver = after
        try resolveReviewItem(id: itemID, state: .resolved, resolution: resolution)
        var summary = "review \(itemID) of transaction \(transaction.id): \(resolution); "
            + "\(result.allocationIDs.count) allocation(s), \(result.creditIDs.count) customer credit(s)"
        if let learned = report.learned {
            summary += "; learned for \(learned.customerID):"
            if let iban = learned.iban { summary += " IBAN \(iban)" }
            if let alias = learned.nameAlias { summary += " alias '\(alias)'" }
        }
        try audit(summary)
        return report
    }

    private func acceptReturn(itemID: Int64, returned: StoredTransaction, original: Int64) throws -> ReviewDecisionReport {
        guard try database.integer("SELECT count(*) FROM transaction_returns WHERE original_transaction_id = ?",
                                   [.integer(original)]) == 0 else {
            throw LedgerError.invalidRequest("transaction \(original) was already returned")
        }
        let reason = "returned by transaction \(returned.id) (confirmed in review \(itemID))"
        try undoTransaction(original, reason: reason)
        try database.execute("""
            INSERT INTO transaction_returns (return_transaction_id, original_transaction_id, evidence, created_at)
            VALUES (?, ?, ?, ?)
            """, [.integer(returned.id), .integer(original), .text(reason), .text(clock.now())])
        try database.execute("""
            UPDATE review_items SET state = 'resolved', resolution = ?, resolved_at = ? WHERE transaction_id = ? AND state = 'open'
            """, [.text(reason), .text(clock.now()), .integer(original)])
        try resolveReviewItem(id: itemID, state: .resolved, resolution: "return of transaction \(original)")
        try audit("review \(itemID): transaction \(returned.id) returns transaction \(original); its allocations undone")
        var report = ReviewDecisionReport()
        report.returnedTransactionID = original
        return report
    }

    private func invoicesByID(_ ids: [Int64]) throws -> [InvoiceBalance] {
        let all = try invoices(ids: ids)
        return try ids.map { id in
            guard let invoice = all.first(where: { $0.id == id }) else {
                throw LedgerError.invalidRequest("the suggested invoice \(id) no longer exists")
            }
            return invoice
        }
    }

    /// The invoice numbered `number`, with its balance.
    public func invoices(number: String) throws -> InvoiceBalance? {
        guard let id = try database.firstRow("SELECT id FROM invoices WHERE invoice_number = ?", [.text(number)], { $0.int64(0) })
        else { return nil }
        return try invoices(ids: [id]).first
    }
}
