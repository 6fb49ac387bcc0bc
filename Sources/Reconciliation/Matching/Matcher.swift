import BankStatements

/// Decides, for one incoming payment, whether it can be allocated automatically, which candidates a
/// person should review, or that it is not an invoice payment at all.
///
/// **Precision first.** A wrong automatic allocation is far worse than none, so a payment is
/// allocated automatically only by one of two rules, and only when nothing contradicts it and the
/// best candidate leads every competing one by ``MatchingPolicy/autoMargin`` points:
///
/// - **(a) Identified and fitting.** Every invoice of the candidate is named by a structured
///   reference with a valid check digit, by the end-to-end or mandate id, or by its invoice number
///   (written with its letters, after a prefix word, or with enough digits); and the amount fits:
///   equal to the open total, short within ``MatchingPolicy/underpaymentTolerance`` (the rest is
///   written off), over by at most ``MatchingPolicy/overpaymentLimitBasisPoints`` (the rest stays as
///   customer credit), or netting exactly with exactly one set of the customer's credit notes. A
///   partial payment qualifies when every invoice is named by a checked reference, or (unless
///   ``MatchingPolicy/partialPaymentByInvoiceNumberFromKnownPayer`` is off) when one invoice is
///   named by its number, nothing else is named, the payer IBAN is known for its customer alone,
///   and no other set of that customer's invoices takes the whole amount.
/// - **(b) Known payer, unique amount.** The payer IBAN is known for exactly one customer, and the
///   amount equals the open amount of exactly one of that customer's invoices or the sum of exactly
///   one set of them (bounded search; counting singles and sets together), and no invoice anywhere is
///   named by the payment's identifiers.
///
/// **Contradictions** block automatic allocation: a payer IBAN known for a different customer, or
/// a payer name matching a different customer while not resembling this one, or identifiers naming
/// invoices of more than one customer. Amount alone and name alone never allocate automatically.
///
/// Scores add the ``MatchingPolicy/ScoreWeights`` of each piece of evidence and are shown clamped
/// to 0…100; each piece is listed in words.
public struct Matcher: Sendable {
    public var context: MatchingContext
    public var policy: MatchingPolicy

    public init(context: MatchingContext, policy: MatchingPolicy = .standard) {
        self.context = context
        self.policy = policy
    }

    /// The decision for `payment`.
    public func decide(_ payment: Payment) -> MatchDecision {
        if payment.isReturnOrReversal { return .notAPayment(.returnOrReversal) }
        guard payment.direction == .credit else { return .notAPayment(.debit) }
        guard payment.amount.minorUnits > 0 else { return .notAPayment(.zeroAmount) }

        let evidence = PaymentEvidence(payment: payment, context: context, policy: policy)
        var drafts = DraftSet()
        addIdentifiedDrafts(payment, evidence, &drafts)
        for customer in evidence.ibanCustomers.sorted().prefix(3) {
            addAmountDrafts(payment, customer: customer, viaIBAN: evidence.ibanCustomers.count == 1, &drafts)
        }
        let named = evidence.nameSimilarity.filter { $0.value >= policy.nameResemblanceThreshold }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
        for (customer, _) in named where !evidence.ibanCustomers.contains(customer) {
            addAmountDrafts(payment, customer: customer, viaIBAN: false, &drafts)
        }
        let sameAmount = context.amountIndex[MatchingContext.AmountKey(
            currency: payment.amount.currency.code, minorUnits: payment.amount.minorUnits)] ?? []
        if sameAmount.count <= policy.maximumAmountOnlyCandidates {
            for invoice in sameAmount { drafts.add([invoice]) }
        }

        let identified = evidence.identified(atLeast: .invoiceNumber)
        let identifiedCustomers = Set(identified.map { context.invoices[$0].customerID })
        let identifiedInvoices = Set(identified)
        var scored = drafts.all.compactMap {
            evaluate($0, payment: payment, evidence: evidence, identifiedCustomers: identifiedCustomers,
                     identifiedInvoices: identifiedInvoices)
        }
        scored.sort { a, b in
            if a.rawScore != b.rawScore { return a.rawScore > b.rawScore }
            if a.draft.invoices.count != b.draft.invoices.count { return a.draft.invoices.count < b.draft.invoices.count }
            return a.draft.invoices.lexicographicallyPrecedes(b.draft.invoices)
        }
        if let best = scored.first, best.autoEligible, best.rawScore >= policy.minimumAutoScore,
           !(best.partialByInvoiceNumber && hasExactRival(best, among: scored)) {
            let bestSet = Set(best.draft.invoices)
            // Candidates that are part of the best set are partial views of it, not rivals.
            let rival = scored.dropFirst().first { !Set($0.draft.invoices).isSubset(of: bestSet) }
            if rival.map({ best.rawScore - $0.rawScore >= policy.autoMargin }) ?? true {
                return .autoAllocate(best.candidate.allocations)
            }
        }
        var candidates = scored.prefix(policy.maximumReviewCandidates).map(\.candidate)
        if !evidence.unmatchedReferences.isEmpty {
            let note = "valid reference \(evidence.unmatchedReferences.joined(separator: ", ")) matches no open invoice"
            for index in candidates.indices { candidates[index].evidence.append(note) }
        }
        return .review(Array(candidates))
    }

    /// Whether another set of the same customer's invoices takes the whole amount: then a part
    /// payment of the invoice the text names is one reading among two (a wrong number in the text,
    /// or the amount of another invoice by chance), and a person decides.
    private func hasExactRival(_ best: Scored, among scored: [Scored]) -> Bool {
        let customer = best.candidate.customerID
        let bestSet = Set(best.draft.invoices)
        return scored.contains { other in
            other.amountFitsExactly && other.candidate.customerID == customer && Set(other.draft.invoices) != bestSet
        }
    }

    // MARK: - Drafts

    /// A set of invoices to evaluate, with how it was found.
    struct Draft {
        var invoices: [Int]
        /// Found as the only amount fit of the customer the payer IBAN belongs to (rule (b)).
        var uniqueAmountFit = false
        var subsetSum = false
        var netting = false
    }

    struct DraftSet {
        private var order: [[Int]] = []
        private var drafts: [[Int]: Draft] = [:]

        mutating func add(_ invoices: [Int], uniqueAmountFit: Bool = false, subsetSum: Bool = false,
                          netting: Bool = false) {
            let key = invoices.sorted()
            if var existing = drafts[key] {
                existing.uniqueAmountFit = existing.uniqueAmountFit || uniqueAmountFit
                existing.subsetSum = existing.subsetSum || subsetSum
                existing.netting = existing.netting || netting
                drafts[key] = existing
            } else {
                order.append(key)
                drafts[key] = Draft(invoices: invoices, uniqueAmountFit: uniqueAmountFit, subsetSum: subsetSum,
                                    netting: netting)
            }
        }

        var all: [Draft] { order.compactMap { drafts[$0] } }
    }

    /// Invoices the payment names, grouped per customer: the group, each member, and the group
    /// netted with the customer's credit notes when that is the only way the amount fits.
    private func addIdentifiedDrafts(_ payment: Payment, _ evidence: PaymentEvidence, _ drafts: inout DraftSet) {
        let named = evidence.identified(atLeast: .uncheckedReference)
            .filter { context.invoices[$0].currency == payment.amount.currency && !context.invoices[$0].isCreditNote }
        let groups = Dictionary(grouping: named) { context.invoices[$0].customerID }
        for (customer, group) in groups.sorted(by: { $0.key < $1.key }) {
            let ordered = group.sorted { MatchingContext.dueOrder(context.invoices[$0], context.invoices[$1]) }
            drafts.add(ordered)
            if ordered.count > 1 { for invoice in ordered.prefix(8) { drafts.add([invoice]) } }
            let total = ordered.reduce(Int64(0)) { $0 + context.invoices[$1].openAmount.minorUnits }
            let shortfall = total - payment.amount.minorUnits
            guard shortfall > 0 else { continue }
            let credits = (context.invoicesByCustomer[customer] ?? [])
                .filter { context.invoices[$0].isCreditNote && context.invoices[$0].currency == payment.amount.currency }
                .prefix(policy.subsetMaximumInvoices)
            guard !credits.isEmpty else { continue }
            let search = SubsetSearch(sizes: 1...policy.subsetMaximumSize, budget: policy.subsetMaximumCombinations)
            let result = search.solutions(amounts: credits.map { -context.invoices[$0].openAmount.minorUnits },
                                          target: shortfall)
            if let unique = result.unique {
                let creditArray = Array(credits)
                drafts.add(unique.map { creditArray[$0] } + ordered, netting: true)
            }
        }
    }

    /// The customer's invoices whose open amount, alone or as one set, equals the payment.
    private func addAmountDrafts(_ payment: Payment, customer: String, viaIBAN: Bool, _ drafts: inout DraftSet) {
        let open = (context.invoicesByCustomer[customer] ?? []).filter {
            context.invoices[$0].currency == payment.amount.currency && !context.invoices[$0].isCreditNote
        }
        let target = payment.amount.minorUnits
        let singles = open.filter { context.invoices[$0].openAmount.minorUnits == target }
        let pool = Array(open.prefix(policy.subsetMaximumInvoices))
        let search = SubsetSearch(sizes: 2...max(2, policy.subsetMaximumSize), budget: policy.subsetMaximumCombinations)
        let sets = search.solutions(amounts: pool.map { context.invoices[$0].openAmount.minorUnits }, target: target)
        let unique = viaIBAN && !sets.exhausted && singles.count + sets.solutions.count == 1
            && open.count <= policy.subsetMaximumInvoices
        for invoice in singles.prefix(5) { drafts.add([invoice], uniqueAmountFit: unique) }
        for solution in sets.solutions {
            drafts.add(solution.map { pool[$0] }, uniqueAmountFit: unique, subsetSum: true)
        }
        if singles.isEmpty && sets.solutions.isEmpty {
            // Nothing fits: offer the oldest open invoices of the recognised payer for review.
            for invoice in open.prefix(2) { drafts.add([invoice]) }
        }
    }
}
