import BankStatements

extension Matcher {
    /// A draft with its score, its allocation and whether a rule allows allocating it automatically.
    struct Scored {
        var draft: Draft
        var rawScore: Int
        var autoEligible: Bool
        var candidate: Candidate
        /// The amount pays the draft's invoices exactly (or within the tolerances).
        var amountFitsExactly = false
        /// Eligible only as a part payment named by invoice number (see `evaluate`): a rival set of
        /// the same customer's invoices that the amount pays exactly makes it ambiguous.
        var partialByInvoiceNumber = false
    }

    /// Scores one draft; `nil` when it mixes customers or currencies (such sets are never proposed).
    /// `identifiedInvoices` are the invoices the payment names at least by number, and
    /// `identifiedCustomers` their customers (the same for every draft of a payment).
    func evaluate(_ draft: Draft, payment: Payment, evidence: PaymentEvidence,
                  identifiedCustomers: Set<String>, identifiedInvoices: Set<Int>) -> Scored? {
        let invoices = context.invoices
        guard let customer = draft.invoices.first.map({ invoices[$0].customerID }),
              draft.invoices.allSatisfy({ invoices[$0].customerID == customer && invoices[$0].currency == payment.amount.currency })
        else { return nil }
        let ordered = draft.invoices.sorted { a, b in
            if invoices[a].isCreditNote != invoices[b].isCreditNote { return invoices[a].isCreditNote }
            return MatchingContext.dueOrder(invoices[a], invoices[b])
        }
        let items = ordered.map { invoices[$0] }
        let plan = AllocationPlan(payment: payment.amount.minorUnits, items: items, tolerance: policy.underpaymentTolerance)
        let weights = policy.weights
        let currency = payment.amount.currency
        var words: [String] = []
        var score = 0
        var contradicted = false

        let positives = ordered.filter { !invoices[$0].isCreditNote }
        let weakest = positives.map { evidence.invoices[$0]?.level ?? .none }.min() ?? .none
        score += points(for: weakest)
        for index in ordered { words.append(contentsOf: evidence.invoices[index]?.words ?? []) }

        if evidence.ibanCustomers.contains(customer) {
            score += weights.knownIBAN
            words.append("payer IBAN known for customer \(customer)")
        } else if !evidence.ibanCustomers.isEmpty {
            score -= weights.foreignIBANPenalty
            contradicted = true
            words.append("CONTRADICTION: payer IBAN is known for customer \(evidence.ibanCustomers.sorted().joined(separator: ", "))")
        }

        let similarity = evidence.nameSimilarity[customer]
            ?? evidence.payerQueries.map { context.names.similarity(of: $0, to: customer) }.max() ?? 0
        let customerName = context.customer(id: customer)?.name ?? customer
        if similarity >= policy.nameMatchThreshold {
            score += weights.matchingName
            words.append("payer name matches \(customerName) (\(percent(similarity)))")
        } else if similarity >= policy.nameResemblanceThreshold {
            score += weights.resemblingName
            words.append("payer name resembles \(customerName) (\(percent(similarity)))")
        } else if let other = evidence.nameSimilarity
            // The closest other customer is named, the same one every run (dictionary order is not).
            .filter({ $0.key != customer && $0.value >= policy.nameMatchThreshold })
            .min(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            score -= weights.foreignNamePenalty
            contradicted = true
            words.append("CONTRADICTION: payer name matches customer \(other.key)")
        }

        let totalOpen = items.reduce(Int64(0)) { $0 + max(0, $1.openAmount.minorUnits) }
        var amountFits = false
        var partialByInvoiceNumber = false
        switch plan.fit {
        case .exact:
            amountFits = true
            if draft.netting || items.contains(where: \.isCreditNote) {
                score += weights.amountNettedWithCreditNotes
                words.append("amount equals the invoices net of credit notes")
            } else if positives.count > 1 {
                score += weights.amountEqual
                words.append("amount equals the sum of \(positives.count) open invoices")
            } else {
                score += weights.amountEqual
                words.append("amount equal to the open amount")
            }
        case .underpaidWithinTolerance(let shortfall):
            amountFits = true
            score += weights.amountWithinTolerance
            words.append("amount \(money(shortfall, currency)) short, within tolerance: written off")
        case .overpaid(let excess):
            let (limit, overflow) = totalOpen.multipliedReportingOverflow(by: policy.overpaymentLimitBasisPoints)
            amountFits = !overflow && excess.multipliedReportingOverflow(by: 10_000).partialValue <= limit
            score += weights.overpayment
            words.append("overpaid by \(money(excess, currency)): kept as customer credit")
        case .partial(let shortfall):
            // A part payment is trusted when a checked reference names the invoice, or when its
            // invoice number does, it is the only invoice the payment names, and the payer's IBAN
            // is known for its customer alone: the payer says which invoice, and is who owes it.
            partialByInvoiceNumber = weakest < .checkedReference && policy.partialPaymentByInvoiceNumberFromKnownPayer
                && weakest >= .invoiceNumber && positives.count == 1 && evidence.ibanCustomers == [customer]
                && Set(evidence.identified(atLeast: .invoiceNumber)).isSubset(of: Set(draft.invoices))
            amountFits = weakest == .checkedReference || partialByInvoiceNumber
            score += weights.partialPayment
            words.append("partial payment: \(money(shortfall, currency)) stays open")
        }

        let onlyThisCustomerNamed = identifiedCustomers.isSubset(of: [customer])
        let ruleA = weakest >= .invoiceNumber && amountFits && !contradicted && onlyThisCustomerNamed
        let namedElsewhere = !identifiedInvoices.isSubset(of: Set(draft.invoices))
        let ruleB = draft.uniqueAmountFit && plan.fit == .exact && !contradicted && evidence.ibanCustomers.count == 1
            && !namedElsewhere
        if draft.uniqueAmountFit && evidence.ibanCustomers.count == 1 {
            words.append(draft.subsetSum ? "the only set of the customer's open invoices with this sum"
                                         : "the only open invoice of the customer with this amount")
        }

        let confidence = max(0, min(100, score))
        let allocations = allocationLines(plan: plan, ordered: ordered, customer: customer, currency: currency,
                                          weakest: weakest, byAmount: ruleB && !ruleA, draft: draft,
                                          evidence: evidence, confidence: confidence, words: words)
        let candidate = Candidate(invoiceIDs: ordered.map { invoices[$0].id }, customerID: customer,
                                  allocations: allocations, score: confidence, evidence: words)
        var fits: Bool {
            switch plan.fit {
            case .exact, .underpaidWithinTolerance: true
            case .overpaid, .partial: false
            }
        }
        return Scored(draft: draft, rawScore: score, autoEligible: ruleA || ruleB, candidate: candidate,
                      amountFitsExactly: fits, partialByInvoiceNumber: partialByInvoiceNumber && ruleA)
    }

    private func allocationLines(plan: AllocationPlan, ordered: [Int], customer: String, currency: Currency,
                                 weakest: PaymentEvidence.Identification, byAmount: Bool, draft: Draft,
                                 evidence: PaymentEvidence, confidence: Int, words: [String]) -> [ProposedAllocation] {
        let invoices = context.invoices
        var lines: [ProposedAllocation] = []
        for line in plan.lines {
            let index = ordered[line.item]
            let method: AllocationMethod
            if invoices[index].isCreditNote {
                method = .creditNoteNetting
            } else if byAmount {
                method = draft.subsetSum ? .subsetSum : .payerIBANAndAmount
            } else {
                method = Matcher.method(for: evidence.invoices[index]?.level ?? .none)
            }
            lines.append(ProposedAllocation(kind: .invoice, invoiceID: invoices[index].id, customerID: customer,
                                            amount: Money(minorUnits: line.minorUnits, currency: currency),
                                            method: method, confidence: confidence, evidence: words))
        }
        if let writeOff = plan.writeOff {
            lines.append(ProposedAllocation(kind: .writeOff, invoiceID: invoices[ordered[writeOff.item]].id,
                                            customerID: customer,
                                            amount: Money(minorUnits: writeOff.minorUnits, currency: currency),
                                            method: .writeOff, confidence: confidence, evidence: words))
        }
        if plan.excess > 0 {
            lines.append(ProposedAllocation(kind: .customerCredit, invoiceID: nil, customerID: customer,
                                            amount: Money(minorUnits: plan.excess, currency: currency),
                                            method: .customerCredit, confidence: confidence, evidence: words))
        }
        return lines
    }

    static func method(for level: PaymentEvidence.Identification) -> AllocationMethod {
        switch level {
        case .checkedReference: return .structuredReference
        case .endToEnd: return .endToEndId
        case .invoiceNumber: return .invoiceNumber
        case .uncheckedReference, .none: return .suggestion
        }
    }

    private func points(for level: PaymentEvidence.Identification) -> Int {
        switch level {
        case .checkedReference: return policy.weights.checkedReference
        case .endToEnd: return policy.weights.endToEndOrMandate
        case .invoiceNumber: return policy.weights.invoiceNumber
        case .uncheckedReference: return policy.weights.uncheckedReference
        case .none: return 0
        }
    }

    private func percent(_ similarity: Double) -> String {
        "\(Int((similarity * 100).rounded()))%"
    }

    private func money(_ minorUnits: Int64, _ currency: Currency) -> String {
        Money(minorUnits: minorUnits, currency: currency).description
    }
}
