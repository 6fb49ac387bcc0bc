import Foundation

/// One decision a person took on what they had just listed, and what they had seen: the facts a
/// refusal must be explained by when another process changed the database in between.
struct ReviewDecision: Sendable {
    enum Action: Sendable, Equatable {
        case accept(item: Int64, suggestion: Int)
        case assign(item: Int64)
        case ignore(item: Int64)
        case undo(allocation: Int64)
    }

    let action: Action
    /// How many suggestions the listing showed for the item (0 for an undo).
    let suggestionsSeen: Int
    /// The invoices the decision named: the chosen suggestion's or the assigned ones.
    let invoicesNamed: [String]
    let run: RecordedRun

    var itemID: Int64? {
        switch action {
        case .accept(let item, _), .assign(let item), .ignore(let item): return item
        case .undo: return nil
        }
    }
}

/// A refusal that is the right answer when what the person saw is out of date: another process
/// decided first or changed what the decision was based on (or, for a settled invoice, the stored
/// suggestion was already out of date when listed). Anything else a decision fails with is a bug.
enum ReviewRaceOutcome: Equatable, CustomStringConvertible {
    /// "review item N is already resolved|ignored": someone else decided it first.
    case alreadyDecided(item: Int64)
    /// "review item N has suggestions 1…K, not M" or "has no suggestions": an undo or a
    /// re-match refreshed the item's suggestions after it was listed.
    case suggestionsChanged(item: Int64, now: Int)
    /// "suggestion M is out of date: INV is already paid|overpaid": another decision or an
    /// import paid the invoice after it was listed.
    case invoiceSettled(invoice: String)
    /// "allocation N is already reversed": another undo, or a return, reversed it first.
    case alreadyReversed(allocation: Int64)
    /// "transaction T was already returned": another return decision named the same payment.
    case alreadyReturned(transaction: Int64)

    var description: String {
        switch self {
        case .alreadyDecided(let item): return "item \(item) already decided"
        case .suggestionsChanged(let item, let now): return "item \(item) now has \(now) suggestion(s)"
        case .invoiceSettled(let invoice): return "\(invoice) already settled"
        case .alreadyReversed(let allocation): return "allocation \(allocation) already reversed"
        case .alreadyReturned(let transaction): return "transaction \(transaction) already returned"
        }
    }

    /// The outcome a failed run's standard error names, `nil` for any other message.
    init?(stderr: String) {
        let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.contains("\n") else { return nil }
        if let match = text.wholeMatch(of: /recon review: review item (\d+) is already (resolved|ignored)/),
           let item = Int64(match.1) {
            self = .alreadyDecided(item: item)
        } else if let match = text.wholeMatch(of: /recon review: review item (\d+) has suggestions 1…(\d+), not \d+/),
                  let item = Int64(match.1), let count = Int(match.2) {
            self = .suggestionsChanged(item: item, now: count)
        } else if let match = text.wholeMatch(of: /recon review: review item (\d+) has no suggestions; use 'recon review assign'/),
                  let item = Int64(match.1) {
            self = .suggestionsChanged(item: item, now: 0)
        } else if let match = text.wholeMatch(
            of: /recon review: suggestion \d+ is out of date: (\S+) is already (paid|overpaid); run 'recon match' for fresh suggestions/) {
            self = .invoiceSettled(invoice: String(match.1))
        } else if let match = text.wholeMatch(of: /recon undo: allocation (\d+) is already reversed/),
                  let allocation = Int64(match.1) {
            self = .alreadyReversed(allocation: allocation)
        } else if let match = text.wholeMatch(of: /recon review: transaction (\d+) was already returned/),
                  let transaction = Int64(match.1) {
            self = .alreadyReturned(transaction: transaction)
        } else {
            return nil
        }
    }

    /// Why this outcome does not explain `decision` in the final `database`; `nil` when it does.
    func contradiction(for decision: ReviewDecision, database: String) throws -> String? {
        switch self {
        case .alreadyDecided(let item):
            guard item == decision.itemID else { return "names item \(item), the decision was on another" }
            let state = try Robustness.sqlite(database, "SELECT state FROM review_items WHERE id = \(item)")
            return state.contains("'open'") || state.isEmpty ? "item \(item) is \(state.isEmpty ? "missing" : "open")" : nil
        case .suggestionsChanged(let item, let now):
            guard item == decision.itemID else { return "names item \(item), the decision was on another" }
            return now == decision.suggestionsSeen ? "the listing showed the same \(now) suggestion(s)" : nil
        case .invoiceSettled(let invoice):
            guard decision.invoicesNamed.contains(invoice) else { return "\(invoice) was not among the invoices decided on" }
            let allocations = try Robustness.sqlite(database, """
                SELECT count(*) FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE i.invoice_number = '\(invoice)'
                """).trimmingCharacters(in: .whitespacesAndNewlines)
            return allocations == "0" ? "nothing was ever allocated to \(invoice)" : nil
        case .alreadyReversed(let allocation):
            guard case .undo(allocation) = decision.action else { return "names allocation \(allocation), the undo was of another" }
            let reversals = try Robustness.sqlite(database, "SELECT count(*) FROM allocations WHERE reverses_allocation_id = \(allocation)")
            return reversals.trimmingCharacters(in: .whitespacesAndNewlines) == "1" ? nil : "allocation \(allocation) is not reversed"
        case .alreadyReturned(let transaction):
            let returns = try Robustness.sqlite(database,
                                                "SELECT count(*) FROM transaction_returns WHERE original_transaction_id = \(transaction)")
            return returns.trimmingCharacters(in: .whitespacesAndNewlines) == "1" ? nil : "transaction \(transaction) is not returned"
        }
    }
}
