import BankStatements
@testable import Reconciliation
import Testing

/// A part payment is allocated automatically when a checked reference names the invoice, or when
/// its invoice number does and everything else agrees; every way it could be something else sends
/// it to review.
@Suite struct PartialPaymentTests {
    typealias F = Fixtures
    let customers = [
        CustomerProfile(id: "C1", name: "Bakkerij Jansen B.V.", knownIBANs: [Fixtures.ibanA]),
        CustomerProfile(id: "C2", name: "De Vries Installatietechniek", knownIBANs: [Fixtures.ibanB]),
    ]

    @Test func invoiceNumberFromTheCustomersKnownIBANIsAllocatedAsAPartPayment() throws {
        let m = F.matcher([F.invoice("I1", number: "INV-2024-0042", customer: "C1", cents: 100_000)], customers)
        let decision = m.decide(F.payment(40_000, iban: F.ibanA, text: "deelbetaling INV-2024-0042"))
        let lines = try #require(decision.automaticAllocations)
        #expect(lines.map(\.invoiceID) == ["I1"])
        #expect(lines.first?.amount == F.eur(40_000))
        #expect(lines.first?.method == .invoiceNumber)
        #expect(lines.first?.evidence.contains { $0.hasPrefix("partial payment: 600.00") } == true)
    }

    @Test func withoutTheKnownIBANItIsReviewed() {
        let m = F.matcher([F.invoice("I1", number: "INV-2024-0042", customer: "C1", cents: 100_000)], customers)
        let unknown = m.decide(F.payment(40_000, name: "Bakkerij Jansen", iban: F.ibanC, text: "INV-2024-0042"))
        #expect(unknown.automaticAllocations == nil)
        #expect(unknown.reviewCandidates?.first?.invoiceIDs == ["I1"])
        let none = m.decide(F.payment(40_000, name: "Bakkerij Jansen", text: "INV-2024-0042"))
        #expect(none.automaticAllocations == nil)
    }

    @Test func anIBANOfAnotherCustomerIsAContradiction() {
        let m = F.matcher([F.invoice("I1", number: "INV-2024-0042", customer: "C1", cents: 100_000)], customers)
        #expect(m.decide(F.payment(40_000, iban: F.ibanB, text: "INV-2024-0042")).automaticAllocations == nil)
    }

    @Test func anIBANKnownForTwoCustomersIdentifiesNeither() {
        let shared = [
            CustomerProfile(id: "C1", name: "Bakkerij Jansen B.V.", knownIBANs: [Fixtures.ibanA]),
            CustomerProfile(id: "C3", name: "Jansen Holding", knownIBANs: [Fixtures.ibanA]),
        ]
        let m = F.matcher([F.invoice("I1", number: "INV-2024-0042", customer: "C1", cents: 100_000)], shared)
        #expect(m.decide(F.payment(40_000, iban: F.ibanA, text: "INV-2024-0042")).automaticAllocations == nil)
    }

    @Test func twoInvoicesNamedForLessThanOneOfThemIsReviewed() {
        let m = F.matcher([
            F.invoice("I1", number: "INV-2024-0042", customer: "C1", cents: 100_000),
            F.invoice("I2", number: "INV-2024-0043", customer: "C1", cents: 80_000),
        ], customers)
        #expect(m.decide(F.payment(40_000, iban: F.ibanA, text: "INV-2024-0042 INV-2024-0043")).automaticAllocations == nil)
    }

    @Test func anotherInvoiceOfTheCustomerWithExactlyTheAmountMakesItAmbiguous() {
        let m = F.matcher([
            F.invoice("I1", number: "INV-2024-0042", customer: "C1", cents: 100_000),
            F.invoice("I2", number: "INV-2024-0050", customer: "C1", cents: 40_000),
        ], customers)
        let decision = m.decide(F.payment(40_000, iban: F.ibanA, text: "INV-2024-0042"))
        #expect(decision.automaticAllocations == nil)
        #expect(Set(decision.reviewCandidates?.prefix(2).map(\.invoiceIDs) ?? []) == [["I1"], ["I2"]])
    }

    @Test func theRuleCanBeSwitchedOff() {
        var policy = MatchingPolicy.standard
        policy.partialPaymentByInvoiceNumberFromKnownPayer = false
        let m = F.matcher([F.invoice("I1", number: "INV-2024-0042", customer: "C1", cents: 100_000)], customers,
                          policy: policy)
        #expect(m.decide(F.payment(40_000, iban: F.ibanA, text: "INV-2024-0042")).automaticAllocations == nil)
    }
}
