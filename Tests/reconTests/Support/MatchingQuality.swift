import Foundation

/// How well recon's automatic matching did on one generated scenario, counted against truth.csv.
///
/// The unit is the bank transaction recon stores: a camt batch whose `TxDtls` name one invoice each
/// is one credit per collection (its truth share is found by end-to-end id = invoice number); an
/// MT940 batch that only says `TOTAAL n POSTEN` is one credit owing the whole batch.
struct MatchingQuality {
    /// Automatic payment allocations (method other than `manual`), reversed ones included: a
    /// return undoes the money, not the decision.
    var automatic = 0
    /// … of which the invoice and the amount agree with truth for that transaction.
    var correct = 0
    /// Automatic allocations of credits that pay no invoice (truth `none`): must stay 0.
    var unrelatedAllocated = 0
    /// Credits whose truth names invoices.
    var matchable = 0
    /// … fully and correctly allocated automatically (exactly truth's invoices and amounts).
    var recalled = 0
    /// … left in the review queue.
    var inReview = 0
    /// … of those, the truth's invoice set is the first suggestion / among the first three.
    var top1 = 0
    var top3 = 0
    /// … not allocated and out of the queue because truth returns it: its direct debit came back
    /// before anyone allocated it, and the two cancel out.
    var closedByReturn = 0
    /// … neither fully allocated nor in review for any other reason (only partly allocated, say).
    var elsewhere = 0
    /// Credits that pay no invoice.
    var unrelated = 0
    /// Returned direct debits in truth, and how each ended.
    var returns = 0
    var returnsUndone = 0
    var returnsInReview = 0
    /// Returns whose payment was never allocated: nothing to undo, the two cancel out.
    var returnsNetted = 0
    /// Reversals of invoices truth never saw returned: must stay 0.
    var wrongReversals = 0
    /// Write-offs of small shortfalls, and how many of them sit on a truth `underpayment`.
    var writeOffs = 0
    var writeOffsOnUnderpayments = 0
    /// Matchable credits recon did not allocate fully, by truth case; and of those, the ones whose
    /// right invoices are among the first three review suggestions.
    var missedByCase: [String: Int] = [:]
    var top3ByCase: [String: Int] = [:]
    /// One line per wrong automatic allocation or unexplained outcome, for the report.
    var problems: [String] = []

    var precision: Double { automatic == 0 ? 1 : Double(correct) / Double(automatic) }
    var recall: Double { matchable == 0 ? 1 : Double(recalled) / Double(matchable) }
    var top1Rate: Double { inReview == 0 ? 1 : Double(top1) / Double(inReview) }
    var top3Rate: Double { inReview == 0 ? 1 : Double(top3) / Double(inReview) }

    init() {}

    init(_ run: ScenarioRun) {
        var truthByReference: [String: TruthRow] = [:]
        for row in run.truth { truthByReference[row.bankReference] = row }
        var creditsPerReference: [String: Int] = [:]
        for transaction in run.transactions where transaction["direction"] as? String == "CRDT" {
            creditsPerReference[transaction["bankReference"] as? String ?? "", default: 0] += 1
        }

        // What each stored transaction should have been allocated to.
        var expected: [Int: [String: Int64]] = [:]
        var rowOfTransaction: [Int: TruthRow] = [:]
        for transaction in run.transactions {
            guard let id = transaction["id"] as? Int else { continue }
            let reference = transaction["bankReference"] as? String ?? ""
            guard let row = truthByReference[reference] else {
                problems.append("transaction \(id) (\(reference)) has no truth row")
                continue
            }
            rowOfTransaction[id] = row
            var share = row.invoices
            if share.count > 1, creditsPerReference[reference, default: 0] > 1,
               let endToEnd = transaction["endToEndId"] as? String, let amount = share[endToEnd] {
                share = [endToEnd: amount]
            }
            expected[id] = share
        }

        var allocated: [Int: [String: Int64]] = [:]
        var reversedInvoices: [String: Int] = [:]
        for allocation in run.allocations {
            let kind = allocation["kind"] as? String
            let invoice = allocation["invoice"] as? String ?? "?"
            let transaction = allocation["transactionId"] as? Int ?? -1
            let amount = (allocation["amount"] as? String).flatMap(GroundTruth.cents) ?? 0
            switch kind {
            case "payment" where allocation["method"] as? String != "manual":
                automatic += 1
                allocated[transaction, default: [:]][invoice, default: 0] += amount
                let row = rowOfTransaction[transaction]
                if expected[transaction]?[invoice] == amount {
                    correct += 1
                } else {
                    if let row, row.isCredit, row.allocation == .none { unrelatedAllocated += 1 }
                    problems.append("wrong: \(allocation["bankReference"] as? String ?? "?") → \(invoice) \(allocation["amount"] as? String ?? "?")"
                        + " (\(allocation["method"] as? String ?? "?")); truth: \(row?.caseName ?? "no row") \(Self.describe(row?.allocation))")
                }
            case "reversal":
                reversedInvoices[invoice, default: 0] += 1
            case "write-off":
                writeOffs += 1
                if rowOfTransaction[transaction]?.caseName == "underpayment" { writeOffsOnUnderpayments += 1 }
            default:
                break
            }
        }

        var reviewByTransaction: [Int: [String: Any]] = [:]
        var reviewedReturns = Set<String>()
        for item in run.review {
            if item["kind"] as? String == "return" {
                reviewedReturns.insert(item["bankReference"] as? String ?? "")
            } else if let transaction = item["transactionId"] as? Int {
                reviewByTransaction[transaction] = item
            }
        }

        var truthReturned = Set<String>()
        for row in run.truth {
            if case .returnOf(let invoice) = row.allocation { truthReturned.insert(invoice) }
        }
        for transaction in run.transactions where transaction["direction"] as? String == "CRDT" {
            guard let id = transaction["id"] as? Int, let row = rowOfTransaction[id], let want = expected[id] else { continue }
            if want.isEmpty {
                if row.allocation == .none { unrelated += 1 }
                continue
            }
            matchable += 1
            if allocated[id] == want {
                recalled += 1
                continue
            }
            missedByCase[row.caseName, default: 0] += 1
            guard let item = reviewByTransaction[id] else {
                if allocated[id] == nil, want.keys.allSatisfy(truthReturned.contains) {
                    closedByReturn += 1
                    continue
                }
                elsewhere += 1
                problems.append("neither allocated nor in review: \(row.bankReference) (\(row.caseName)), truth \(Self.describe(row.allocation)),"
                    + " allocated \(allocated[id].map { $0.keys.sorted().joined(separator: ";") } ?? "nothing")")
                continue
            }
            inReview += 1
            let suggestions = (item["candidates"] as? [[String: Any]] ?? []).map { Set($0["invoices"] as? [String] ?? []) }
            let target = Set(want.keys)
            if suggestions.first == target { top1 += 1 }
            if suggestions.prefix(3).contains(target) {
                top3 += 1
                top3ByCase[row.caseName, default: 0] += 1
            }
        }

        for row in run.truth {
            guard case .returnOf(let invoice) = row.allocation else { continue }
            returns += 1
            if reversedInvoices[invoice, default: 0] > 0 {
                reversedInvoices[invoice, default: 0] -= 1
                returnsUndone += 1
            } else if reviewedReturns.contains(row.bankReference) {
                returnsInReview += 1
            } else {
                returnsNetted += 1
            }
        }
        for (invoice, count) in reversedInvoices where count > 0 {
            wrongReversals += count
            problems.append("reversed \(count)× without a return in truth: \(invoice)")
        }
    }

    /// Sums the counts of several scenarios.
    static func + (left: MatchingQuality, right: MatchingQuality) -> MatchingQuality {
        var sum = left
        sum.automatic += right.automatic
        sum.correct += right.correct
        sum.unrelatedAllocated += right.unrelatedAllocated
        sum.matchable += right.matchable
        sum.recalled += right.recalled
        sum.inReview += right.inReview
        sum.top1 += right.top1
        sum.top3 += right.top3
        sum.closedByReturn += right.closedByReturn
        sum.elsewhere += right.elsewhere
        sum.unrelated += right.unrelated
        sum.returns += right.returns
        sum.returnsUndone += right.returnsUndone
        sum.returnsInReview += right.returnsInReview
        sum.returnsNetted += right.returnsNetted
        sum.wrongReversals += right.wrongReversals
        sum.writeOffs += right.writeOffs
        sum.writeOffsOnUnderpayments += right.writeOffsOnUnderpayments
        sum.missedByCase.merge(right.missedByCase, uniquingKeysWith: +)
        sum.top3ByCase.merge(right.top3ByCase, uniquingKeysWith: +)
        sum.problems += right.problems
        return sum
    }

    private static func describe(_ allocation: TruthRow.Allocation?) -> String {
        switch allocation {
        case .invoices(let parts)?: return parts.keys.sorted().joined(separator: ";")
        case .none?: return "none"
        case .returnOf(let invoice)?: return "return-of:\(invoice)"
        case nil: return "?"
        }
    }
}
