import BankStatements
@testable import Reconciliation
import Testing

@Suite struct ReturnAndLearningTests {
    typealias F = Fixtures

    private func returned(_ cents: Int64, e2e: String? = nil, mandate: String? = nil, bank: String? = nil) -> Payment {
        Payment(id: "R", amount: F.eur(cents), direction: .debit, returnReason: "MD06", endToEndId: e2e,
                mandateId: mandate, bankReference: bank)
    }

    let history: [PriorAllocation] = [
        PriorAllocation(allocationID: "A1", paymentID: "P1", invoiceID: "I1", amount: Fixtures.eur(3_000),
                        paymentAmount: Fixtures.eur(5_000), endToEndId: "E2E-1", mandateId: "M-7"),
        PriorAllocation(allocationID: "A2", paymentID: "P1", invoiceID: "I2", amount: Fixtures.eur(2_000),
                        paymentAmount: Fixtures.eur(5_000), endToEndId: "E2E-1", mandateId: "M-7"),
        PriorAllocation(allocationID: "A3", paymentID: "P2", invoiceID: "I3", amount: Fixtures.eur(5_000),
                        paymentAmount: Fixtures.eur(5_000), endToEndId: "E2E-2", mandateId: "M-7", bankReference: "BR-2"),
        PriorAllocation(allocationID: "A4", paymentID: "P3", invoiceID: "I4", amount: Fixtures.eur(4_000),
                        paymentAmount: Fixtures.eur(4_000), endToEndId: "E2E-3", mandateId: "M-9", bankReference: "BR-3"),
    ]

    @Test func endToEndIdUndoesAllAllocationsOfThatPayment() {
        let decision = ReturnMatcher.identify(returned(5_000, e2e: "E2E-1"), priorAllocations: history)
        guard case .undo(let payment, let allocations, _) = decision else {
            Issue.record("expected undo, got \(decision)")
            return
        }
        #expect(payment == "P1")
        #expect(allocations.map(\.allocationID) == ["A1", "A2"])
    }

    @Test func mandateSharedByTwoPaymentsOfTheSameAmountIsAmbiguous() {
        let decision = ReturnMatcher.identify(returned(5_000, mandate: "M-7"), priorAllocations: history)
        #expect(decision == .review(candidatePaymentIDs: ["P1", "P2"], reason: "mandate id matches 2 earlier payments"))
    }

    @Test func mandateWithAUniqueAmountIsEnough() {
        guard case .undo(let payment, _, _) = ReturnMatcher.identify(returned(4_000, mandate: "M-9"), priorAllocations: history)
        else {
            Issue.record("expected undo")
            return
        }
        #expect(payment == "P3")
    }

    @Test func bankReferenceAndAmountMismatch() {
        guard case .undo(let payment, _, _) = ReturnMatcher.identify(returned(4_000, bank: "BR 3"), priorAllocations: history)
        else {
            Issue.record("expected undo")
            return
        }
        #expect(payment == "P3")
        guard case .review(let ids, _) = ReturnMatcher.identify(returned(3_999, e2e: "E2E-3"), priorAllocations: history)
        else {
            Issue.record("expected review for a different amount")
            return
        }
        #expect(ids == ["P3"])
    }

    @Test func nothingMatchesOrNotAReturn() {
        #expect(ReturnMatcher.identify(returned(1_000, e2e: "E2E-404"), priorAllocations: history)
            == .review(candidatePaymentIDs: [], reason: "no earlier payment carries the return's identifiers"))
        let plainDebit = Payment(id: "D", amount: F.eur(5_000), direction: .debit, endToEndId: "E2E-1")
        #expect(ReturnMatcher.identify(plainDebit, priorAllocations: history) == .notAReturn)
    }

    @Test func learnedIBANMakesTheNextPaymentAutomatic() {
        let customers = [CustomerProfile(id: "C1", name: "Bakkerij Jansen B.V.")]
        let invoices = [
            F.invoice("I1", customer: "C1", cents: 10_000), F.invoice("I2", customer: "C1", cents: 20_000),
        ]
        var matcher = F.matcher(invoices, customers)
        let first = F.payment(10_000, name: "J. Jansen", iban: F.ibanB)
        #expect(matcher.decide(first).automaticAllocations == nil)
        let facts = LearnedFacts.derive(payment: first, invoiceIDs: ["I1"], context: matcher.context)
        #expect(facts == LearnedFacts(customerID: "C1", iban: F.ibanB, nameAlias: "J. Jansen"))
        if let facts { matcher.context.learn(facts) }
        #expect(matcher.decide(F.payment(20_000, name: "J. Jansen", iban: F.ibanB)).autoInvoiceIDs == ["I2"])
        // Nothing new to learn the second time.
        #expect(LearnedFacts.derive(payment: first, invoiceIDs: ["I2"], context: matcher.context)?.isEmpty == true)
    }

    @Test func noFactsAcrossCustomersAndSharedIBANsStopIdentifying() {
        let customers = [CustomerProfile(id: "C1", name: "A", knownIBANs: [F.ibanA]), CustomerProfile(id: "C2", name: "B")]
        let invoices = [F.invoice("I1", customer: "C1", cents: 100), F.invoice("I2", customer: "C2", cents: 200)]
        var context = MatchingContext(invoices: invoices, customers: customers)
        let payment = F.payment(200, iban: F.ibanA)
        #expect(LearnedFacts.derive(payment: payment, invoiceIDs: ["I1", "I2"], context: context) == nil)
        let facts = LearnedFacts.derive(payment: payment, invoiceIDs: ["I2"], context: context)
        #expect(facts?.ibanAlsoKnownFor == ["C1"])
        if let facts { context.learn(facts) }
        // The IBAN now belongs to two customers and identifies neither.
        #expect(Matcher(context: context).decide(F.payment(100, iban: F.ibanA)).automaticAllocations == nil)
    }
}
