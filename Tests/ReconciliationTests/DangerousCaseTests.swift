import BankStatements
@testable import Reconciliation
import Testing

/// The payments that must never be allocated automatically, because a wrong allocation is worse
/// than none.
@Suite struct DangerousCaseTests {
    typealias F = Fixtures
    let customers = [
        CustomerProfile(id: "C1", name: "Bakkerij Jansen B.V.", knownIBANs: [Fixtures.ibanA]),
        CustomerProfile(id: "C2", name: "De Vries Installatietechniek", knownIBANs: [Fixtures.ibanB]),
    ]

    @Test(arguments: [
        ("Rabobank", "Rente 1e kwartaal"), ("Leverancier Smit", "Creditnota retour"), ("P. Onbekend", "gift"),
    ])
    func unrelatedCreditWithAnOpenInvoicesAmount(name: String, text: String) {
        let m = F.matcher([F.invoice("I1", customer: "C1", cents: 12_345)], customers)
        let decision = m.decide(F.payment(12_345, name: name, iban: F.ibanC, text: text))
        #expect(decision.automaticAllocations == nil)
        #expect(decision.reviewCandidates?.first?.invoiceIDs == ["I1"], "still suggested for review")
    }

    @Test func mistypedReferenceEqualToAnotherCustomersInvoice() {
        // The payer is C1 (IBAN and name), paying C1's invoice I1 by amount, but typed a reference
        // that happens to be C2's invoice.
        let m = F.matcher([
            F.invoice("I1", customer: "C1", cents: 50_000, reference: "RF18539007547034"),
            F.invoice("I2", customer: "C2", cents: 48_000, reference: "RF712348231"),
        ], customers)
        let decision = m.decide(F.payment(50_000, name: "Bakkerij Jansen", iban: F.ibanA, references: ["RF71 2348 231"]))
        #expect(decision.automaticAllocations == nil)
        let candidates = decision.reviewCandidates ?? []
        #expect(candidates.first?.invoiceIDs == ["I1"])
        #expect(candidates.contains { $0.invoiceIDs == ["I2"] && $0.evidence.contains { $0.hasPrefix("CONTRADICTION") } })
    }

    @Test func sameAmountTwiceWithoutReference() {
        let m = F.matcher([
            F.invoice("I1", customer: "C1", cents: 9_900, due: "2024-01-01"), F.invoice("I2", customer: "C1", cents: 9_900),
        ], customers)
        let decision = m.decide(F.payment(9_900, name: "Bakkerij Jansen", iban: F.ibanA))
        #expect(decision.automaticAllocations == nil)
        #expect(Set(decision.reviewCandidates?.prefix(2).map(\.invoiceIDs) ?? []) == [["I1"], ["I2"]])
    }

    @Test func amountAloneNeverAutoApplies() {
        let m = F.matcher([F.invoice("I1", customer: "C1", cents: 7_777)], customers)
        #expect(m.decide(F.payment(7_777)).automaticAllocations == nil)
    }

    @Test func nameAloneNeverAutoApplies() {
        let m = F.matcher([F.invoice("I1", customer: "C1", cents: 7_777)], customers)
        // Exact name and exact amount, unknown IBAN: still review.
        let decision = m.decide(F.payment(7_777, name: "Bakkerij Jansen B.V.", iban: F.ibanC))
        #expect(decision.automaticAllocations == nil)
        #expect(decision.reviewCandidates?.first?.invoiceIDs == ["I1"])
    }

    @Test func referenceContradictedByPayerIBAN() {
        let m = F.matcher([F.invoice("I2", customer: "C2", cents: 48_000, reference: "RF712348231")], customers)
        // Right amount and valid reference, but paid from C1's account: review.
        #expect(m.decide(F.payment(48_000, iban: F.ibanA, references: ["RF712348231"])).automaticAllocations == nil)
        // From C2's own account it is allocated.
        #expect(m.decide(F.payment(48_000, iban: F.ibanB, references: ["RF712348231"])).autoInvoiceIDs == ["I2"])
    }

    @Test func identifiersNamingTwoCustomersGoToReview() {
        let m = F.matcher([
            F.invoice("I1", number: "INV-100", customer: "C1", cents: 10_000),
            F.invoice("I2", number: "INV-200", customer: "C2", cents: 10_000),
        ], customers)
        #expect(m.decide(F.payment(10_000, text: "INV-100 INV-200")).automaticAllocations == nil)
    }

    @Test func referenceWithBadCheckDigitIsWeak() {
        // The invoice's reference has no valid check digit under any scheme: equality is only a hint.
        let m = F.matcher([F.invoice("I1", customer: "C1", cents: 10_000, reference: "ABC-778899-X")], customers)
        let decision = m.decide(F.payment(10_000, references: ["ABC778899X"]))
        #expect(decision.automaticAllocations == nil)
        #expect(decision.reviewCandidates?.first?.evidence.contains { $0.contains("no valid check digit") } == true)
    }

    @Test func rivalCloseInScoreBlocksAutomaticAllocation() {
        // Rule (b) holds for I1 through the IBAN, but another invoice is named by number in the text.
        let m = F.matcher([
            F.invoice("I1", number: "INV-1", customer: "C1", cents: 10_000),
            F.invoice("I3", number: "INV-3", customer: "C1", cents: 20_000),
        ], customers)
        #expect(m.decide(F.payment(10_000, iban: F.ibanA, text: "INV-3")).automaticAllocations == nil)
    }
}
