import BankStatements
import Reconciliation

/// One pass of the matcher over stored transactions inside the caller's write transaction.
///
/// Everything the matcher needs is read once (open invoices, customers, open review items) and
/// the `MatchingContext` is built once. Allocations made during the run change open amounts; the
/// context is rebuilt only when a decision involves an invoice touched earlier in the run (or after
/// a return re-opened invoices), so a payment is never matched against a stale open amount.
final class MatchingRun {
    private struct OpenReview {
        var id: Int64
        var autoAllowed: Bool
    }

    private let store: LedgerStore
    private let configuration: MatchingConfiguration
    private let booker: Booker
    private var invoices: [Int64: MatchingInvoice] = [:]
    /// Every invoice id, ascending: the order the context is built in.
    private let invoiceIDs: [Int64]
    private let customers: [CustomerProfile]
    private var context: MatchingContext
    private var needsRebuild = false
    private var openReviews: [Int64: OpenReview] = [:]
    private var credits: [Int64: Int64] = [:]
    private var priors: PriorAllocationIndex?
    private let insertReview: Statement
    private let updateReview: Statement
    private let resolveReview: Statement
    private(set) var report = MatchReport()

    init(store: LedgerStore, configuration: MatchingConfiguration) throws {
        self.store = store
        self.configuration = configuration
        let database = store.database
        booker = try Booker(database: database, clock: store.clock, commandLine: store.commandLine)
        let all = try store.matchingInvoices()
        invoices.reserveCapacity(all.count)
        for invoice in all { invoices[invoice.id] = invoice }
        invoiceIDs = all.map(\.id)
        customers = try store.customers().map(MatchingRun.profile)
        context = MatchingContext(invoices: [], customers: [])
        for (transaction, id, auto) in try database.rows(
            "SELECT transaction_id, id, auto_allowed FROM review_items WHERE state = 'open'", [], {
                ($0.int64(0), $0.int64(1), $0.int(2) != 0)
            }) {
            openReviews[transaction] = OpenReview(id: id, autoAllowed: auto)
        }
        for (transaction, amount) in try database.rows(
            "SELECT transaction_id, SUM(amount_minor) FROM customer_credits WHERE released_at IS NULL GROUP BY 1", [], {
                ($0.int64(0), $0.int64(1))
            }) {
            credits[transaction] = amount
        }
        insertReview = try database.prepare("""
            INSERT INTO review_items (transaction_id, state, reason, candidates, created_at, kind, auto_allowed)
            VALUES (?, 'open', ?, ?, ?, ?, 1)
            """)
        updateReview = try database.prepare("UPDATE review_items SET reason = ?, candidates = ? WHERE id = ?")
        resolveReview = try database.prepare("""
            UPDATE review_items SET state = 'resolved', resolution = ?, resolved_at = ? WHERE id = ? AND state = 'open'
            """)
        rebuild()
    }

    static func profile(_ customer: Customer) -> CustomerProfile {
        CustomerProfile(id: customer.id, name: customer.name,
                        aliases: customer.aliases.map(\.name).filter { $0 != customer.name }, knownIBANs: customer.ibans)
    }

    /// The matching context over the invoices as they stand now.
    var currentContext: MatchingContext {
        if needsRebuild { rebuild() }
        return context
    }

    private func rebuild() {
        // In id order: the matcher breaks ties between equally scored candidates by their position
        // in the context, so a dictionary's per-process order would reorder review suggestions.
        var open: [OpenInvoice] = []
        for id in invoiceIDs {
            if let invoice = invoices[id], invoice.isOpen { open.append(MatchingRun.openInvoice(invoice)) }
        }
        context = MatchingContext(invoices: open, customers: customers)
        needsRebuild = false
    }

    /// The invoice as the context should hold it: with no open amount unless it is open or partial,
    /// as `rebuild` leaves the others out.
    static func contextEntry(_ invoice: MatchingInvoice) -> OpenInvoice {
        var entry = openInvoice(invoice)
        if !invoice.isOpen { entry.openAmount.minorUnits = 0 }
        return entry
    }

    static func openInvoice(_ invoice: MatchingInvoice) -> OpenInvoice {
        OpenInvoice(id: String(invoice.id), number: invoice.invoiceNumber, customerID: invoice.customerID,
                    amount: invoice.amount, openAmount: invoice.openAmount, issueDate: invoice.issueDate,
                    dueDate: invoice.dueDate, paymentReference: invoice.paymentReference)
    }

    /// Processes transactions in booking order: credits are matched, returns undo what they return.
    func process(_ transactions: [StoredTransaction]) throws {
        for transaction in transactions {
            if transaction.amount.minorUnits < 0 {
                if transaction.isReturnOrReversal {
                    try processReturn(transaction)
                } else {
                    report.debitsSkipped += 1
                }
            } else if transaction.amount.minorUnits > 0 && !transaction.reversal {
                try processCredit(transaction)
            }
        }
    }

    // MARK: - Credits

    private func processCredit(_ transaction: StoredTransaction) throws {
        let remainderMinor = transaction.unallocated.minorUnits - (credits[transaction.id] ?? 0)
        guard remainderMinor > 0 else { return }
        report.examined += 1
        let remainder = Money(minorUnits: remainderMinor, currency: transaction.amount.currency)
        let payment = transaction.payment(amount: remainder)
        if needsRebuild { rebuild() }
        let decision = Matcher(context: context, policy: configuration.policy).decide(payment)
        let review = openReviews[transaction.id]
        switch decision {
        case .autoAllocate(let proposed):
            if configuration.autoApply && review?.autoAllowed ?? true,
               let lines = bookingLines(proposed), linesFitOpenAmounts(lines) {
                try book(transaction: transaction, remainder: remainder, lines: lines)
                report.autoAllocated += 1
                if let review {
                    try resolveReview.run([.text("allocated automatically: " + describe(lines)), .text(store.clock.now()),
                                           .integer(review.id)])
                    openReviews[transaction.id] = nil
                    report.reviewClosed += 1
                }
            } else {
                let reason = configuration.autoApply ? "allocated automatically before; undone by a person"
                    : "automatic allocation is switched off (matching.auto-apply)"
                try queue(transaction, reason: reason, candidates: [candidate(fromProposal: proposed)])
            }
        case .review(let candidates):
            // Suggestions naming an invoice settled earlier in this run are out of date.
            let current = candidates.map(candidate).filter { suggestion in
                suggestion.invoiceIDs.allSatisfy { invoices[$0]?.isOpen ?? false }
            }
            let reason = current.isEmpty ? "no open invoice fits" : "\(current.count) suggestion(s), none certain"
            try queue(transaction, reason: reason, candidates: current)
        case .notAPayment:
            break
        }
    }

    /// Only an automatic decision is re-made on fresh data: a review decision that saw a stale
    /// invoice errs on the safe side, and its suggestions are cleaned in `queue`. Rebuilding for
    /// every review would cost a full context build per payment in a large import.
    private func bookingLines(_ proposed: [ProposedAllocation]) -> [BookingLine]? {
        var lines: [BookingLine] = []
        for line in proposed {
            let kind: BookingLine.Kind
            switch line.kind {
            case .invoice: kind = .invoice
            case .writeOff: kind = .writeOff
            case .customerCredit: kind = .customerCredit
            }
            var invoiceID: Int64?
            if let id = line.invoiceID {
                guard let parsed = Int64(id) else { return nil }
                invoiceID = parsed
            }
            lines.append(BookingLine(kind: kind, invoiceID: invoiceID, customerID: line.customerID, amount: line.amount,
                                     method: line.method.rawValue, confidence: line.confidence,
                                     evidence: line.evidence.joined(separator: "; ")))
        }
        return lines
    }

    /// A last guard: no automatic line may take an invoice beyond its open amount.
    private func linesFitOpenAmounts(_ lines: [BookingLine]) -> Bool {
        var taken: [Int64: Int64] = [:]
        for line in lines where line.kind != .customerCredit {
            guard let id = line.invoiceID, let invoice = invoices[id] else { return false }
            taken[id, default: 0] += line.amount.minorUnits
            let open = invoice.openAmount.minorUnits
            let total = taken[id] ?? 0
            if open >= 0 ? total > open : total < open { return false }
        }
        return true
    }

    /// Books `lines` and keeps the in-memory open amounts, priors and credits in step.
    private func book(transaction: StoredTransaction, remainder: Money, lines: [BookingLine]) throws {
        let result = try booker.book(transactionID: transaction.id, remainder: remainder, lines: lines)
        report.allocationsBooked += result.allocationIDs.count
        report.customerCredits += result.creditIDs.count
        for (line, allocationID) in zip(lines.filter { $0.kind != .customerCredit }, result.allocationIDs) {
            guard let id = line.invoiceID, var invoice = invoices[id] else { continue }
            invoice.allocate(line.amount.minorUnits)
            invoices[id] = invoice
            // Kept current in place: rebuilding 100,000 invoices after every allocation made a
            // large import quadratic.
            if !context.update(MatchingRun.contextEntry(invoice)) { needsRebuild = true }
            if line.kind == .invoice {
                priors?.add(PriorAllocation(
                    allocationID: String(allocationID), paymentID: String(transaction.id), invoiceID: String(id),
                    amount: line.amount, paymentAmount: transaction.amount, endToEndId: transaction.endToEndId,
                    mandateId: transaction.mandateId, bankReference: transaction.bankReference))
            }
        }
        for line in lines where line.kind == .customerCredit {
            credits[transaction.id, default: 0] += line.amount.minorUnits
        }
    }

    private func queue(_ transaction: StoredTransaction, reason: String, candidates: [ReviewCandidate],
                       kind: String = "payment") throws {
        let json = ReviewCandidate.encode(candidates)
        if let review = openReviews[transaction.id] {
            try updateReview.run([.text(reason), .text(json), .integer(review.id)])
            report.reviewRefreshed += 1
        } else {
            try insertReview.run([.integer(transaction.id), .text(reason), .text(json), .text(store.clock.now()), .text(kind)])
            openReviews[transaction.id] = OpenReview(id: store.database.lastInsertRowID, autoAllowed: true)
            report.reviewOpened += 1
        }
    }

    private func candidate(_ candidate: Candidate) -> ReviewCandidate {
        let ids = candidate.invoiceIDs.compactMap { Int64($0) }
        let total = ids.reduce(Int64(0)) { $0 + (invoices[$1]?.openAmount.minorUnits ?? 0) }
        let currency = candidate.allocations.first?.amount.currency ?? invoices[ids.first ?? 0]?.amount.currency ?? .euro
        return ReviewCandidate(
            invoiceNumbers: ids.map { invoices[$0]?.invoiceNumber ?? String($0) }, invoiceIDs: ids,
            customerID: candidate.customerID, amount: Money(minorUnits: total, currency: currency), score: candidate.score,
            evidence: candidate.evidence.joined(separator: "; "),
            method: candidate.allocations.first?.method.rawValue ?? AllocationMethod.suggestion.rawValue)
    }

    private func candidate(fromProposal proposed: [ProposedAllocation]) -> ReviewCandidate {
        var ids: [Int64] = []
        for line in proposed where line.kind == .invoice {
            if let id = line.invoiceID.flatMap({ Int64($0) }), !ids.contains(id) { ids.append(id) }
        }
        return candidate(Candidate(invoiceIDs: ids.map(String.init), customerID: proposed.first?.customerID ?? "",
                                   allocations: proposed, score: proposed.first?.confidence ?? 0,
                                   evidence: proposed.first?.evidence ?? []))
    }

    private func describe(_ lines: [BookingLine]) -> String {
        lines.map { line in
            switch line.kind {
            case .invoice: return "\(line.amount) to \(invoices[line.invoiceID ?? 0]?.invoiceNumber ?? "?")"
            case .writeOff: return "\(line.amount) written off on \(invoices[line.invoiceID ?? 0]?.invoiceNumber ?? "?")"
            case .customerCredit: return "\(line.amount) credit for customer \(line.customerID)"
            }
        }.joined(separator: ", ")
    }

    // MARK: - Returns

    private func processReturn(_ transaction: StoredTransaction) throws {
        let payment = transaction.payment(amount: transaction.amount)
        let decision = ReturnMatcher.identify(payment, priorAllocations: try loadPriors().candidates(for: payment))
        switch decision {
        case .undo(let paymentID, _, let evidence):
            guard let original = Int64(paymentID) else { return }
            try undoReturned(original: original, by: transaction, evidence: evidence.joined(separator: "; "))
        case .review(let candidateIDs, let reason):
            let ids = candidateIDs.compactMap { Int64($0) }
            var candidates: [ReviewCandidate] = []
            for id in ids.prefix(configuration.policy.maximumReviewCandidates) {
                guard let original = try store.transaction(id: id) else { continue }
                candidates.append(ReviewCandidate(
                    invoiceNumbers: [], invoiceIDs: [], customerID: nil, amount: original.amount, score: 0,
                    evidence: "earlier payment \(id) of \(original.bookingDate?.description ?? "?") from "
                        + "\(original.counterpartyName ?? original.counterpartyIBAN ?? "unknown payer")",
                    method: "return", returnedTransactionID: id))
            }
            try queue(transaction, reason: "return: " + reason, candidates: candidates, kind: "return")
            report.returnsToReview += 1
        case .notAReturn:
            report.debitsSkipped += 1
        }
    }

    /// Every credit not yet returned, with its live allocations (a placeholder when it has none, so
    /// a return of a payment still in review is recognised too).
    private func loadPriors() throws -> PriorAllocationIndex {
        if let priors { return priors }
        let database = store.database
        var live: [Int64: [(id: Int64, invoice: Int64, amount: Int64)]] = [:]
        for row in try database.rows("""
            SELECT a.id, a.transaction_id, a.invoice_id, a.amount_minor FROM allocations a
            WHERE a.kind = 'payment' AND a.transaction_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM allocations r WHERE r.reverses_allocation_id = a.id)
            """, [], { ($0.int64(0), $0.int64(1), $0.int64(2), $0.int64(3)) }) {
            live[row.1, default: []].append((row.0, row.2, row.3))
        }
        var result: [PriorAllocation] = []
        for row in try database.rows("""
            SELECT id, amount_minor, currency, end_to_end_id, mandate_id, bank_reference FROM transactions
            WHERE amount_minor > 0 AND reversal = 0
              AND id NOT IN (SELECT original_transaction_id FROM transaction_returns)
            """, [], { ($0.int64(0), $0.int64(1), $0.text(2), $0.optionalText(3), $0.optionalText(4), $0.optionalText(5)) }) {
            let currency = LedgerStore.currency(row.2)
            let paymentAmount = Money(minorUnits: row.1, currency: currency)
            let allocations = live[row.0] ?? []
            if allocations.isEmpty {
                result.append(PriorAllocation(allocationID: "t\(row.0)", paymentID: String(row.0), invoiceID: nil,
                                              amount: Money(minorUnits: 0, currency: currency), paymentAmount: paymentAmount,
                                              endToEndId: row.3, mandateId: row.4, bankReference: row.5))
            }
            for allocation in allocations {
                result.append(PriorAllocation(allocationID: String(allocation.id), paymentID: String(row.0),
                                              invoiceID: String(allocation.invoice),
                                              amount: Money(minorUnits: allocation.amount, currency: currency),
                                              paymentAmount: paymentAmount, endToEndId: row.3, mandateId: row.4,
                                              bankReference: row.5))
            }
        }
        let index = PriorAllocationIndex(result)
        priors = index
        return index
    }

    private func undoReturned(original: Int64, by returned: StoredTransaction, evidence: String) throws {
        let reason = "returned by transaction \(returned.id)"
            + (returned.returnReason.map { " (reason \($0))" } ?? "") + ": " + evidence
        for reversed in try store.undoTransaction(original, reason: reason) {
            guard var invoice = invoices[reversed.invoiceID] else { continue }
            invoice.allocate(reversed.amount.minorUnits)
            invoices[reversed.invoiceID] = invoice
            if !context.update(MatchingRun.contextEntry(invoice)) { needsRebuild = true }
        }
        credits[original] = nil
        try store.database.execute("""
            INSERT INTO transaction_returns (return_transaction_id, original_transaction_id, evidence, created_at)
            VALUES (?, ?, ?, ?)
            """, [.integer(returned.id), .integer(original), .text(reason), .text(store.clock.now())])
        if let review = openReviews[original] {
            try resolveReview.run([.text(reason), .text(store.clock.now()), .integer(review.id)])
            openReviews[original] = nil
            report.reviewClosed += 1
        }
        priors?.removePayment(String(original))
        report.returnsUndone += 1
    }
}
