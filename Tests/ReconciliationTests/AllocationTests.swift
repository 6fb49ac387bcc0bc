import BankStatements
@testable import Reconciliation
import Testing

/// Each allocation case, with amounts worked out by hand.
@Suite struct AllocationTests {
    typealias F = Fixtures
    let customer = CustomerProfile(id: "C1", name: "Bakkerij Jansen B.V.", knownIBANs: [Fixtures.ibanA])

    private func lines(_ decision: MatchDecision) -> [String] {
        (decision.automaticAllocations ?? []).map { "\($0.kind.rawValue) \($0.invoiceID ?? "-") \($0.amount.minorUnits) \($0.method.rawValue)" }
    }

    @Test func fullPaymentByReference() {
        let m = F.matcher([F.invoice("I1", customer: "C1", cents: 12_100, reference: "RF18539007547034")], [customer])
        let d = m.decide(F.payment(12_100, references: ["RF18 5390 0754 7034"]))
        #expect(lines(d) == ["invoice I1 12100 reference"])
        #expect(d.automaticAllocations?.first?.evidence.contains { $0.contains("check digit valid") } == true)
    }

    @Test func partialPaymentWithCheckedReferenceLeavesInvoicePartial() {
        let m = F.matcher([F.invoice("I1", customer: "C1", cents: 100_000, reference: "RF18539007547034")], [customer])
        #expect(lines(m.decide(F.payment(40_000, references: ["RF18539007547034"]))) == ["invoice I1 40000 reference"])
    }

    @Test func partialPaymentByInvoiceNumberGoesToReview() {
        let m = F.matcher([F.invoice("I1", number: "INV-0042", customer: "C1", cents: 100_000)], [customer])
        let d = m.decide(F.payment(40_000, text: "INV-0042"))
        #expect(d.automaticAllocations == nil)
        #expect(d.reviewCandidates?.first?.invoiceIDs == ["I1"])
    }

    @Test func severalInvoicesFromOnePaymentByNumbers() {
        let m = F.matcher([
            F.invoice("I1", number: "INV-7", customer: "C1", cents: 10_000, due: "2024-02-01"),
            F.invoice("I2", number: "INV-9", customer: "C1", cents: 5_050, due: "2024-01-01"),
        ], [customer])
        #expect(lines(m.decide(F.payment(15_050, text: "INV-7 INV-9"))) == ["invoice I2 5050 invoice-number", "invoice I1 10000 invoice-number"])
    }

    @Test func overpaymentLeavesCustomerCredit() {
        let m = F.matcher([F.invoice("I1", number: "INV-0042", customer: "C1", cents: 10_000)], [customer])
        #expect(lines(m.decide(F.payment(11_000, text: "Factuur 42"))) == ["invoice I1 10000 invoice-number", "customerCredit - 1000 customer-credit"])
    }

    @Test func largeOverpaymentGoesToReview() {
        let m = F.matcher([F.invoice("I1", number: "INV-0042", customer: "C1", cents: 10_000)], [customer])
        #expect(m.decide(F.payment(30_000, text: "Factuur 42")).automaticAllocations == nil)
    }

    @Test func underpaymentWithinToleranceIsWrittenOff() {
        let m = F.matcher([F.invoice("I1", number: "INV-0042", customer: "C1", cents: 10_000)], [customer])
        #expect(lines(m.decide(F.payment(9_650, text: "INV 42"))) == ["invoice I1 9650 invoice-number", "writeOff I1 350 write-off"])
        // 6.00 short is beyond the default 5.00: partial by invoice number → review.
        #expect(m.decide(F.payment(9_400, text: "INV 42")).automaticAllocations == nil)
    }

    @Test func underpaymentToleranceIsConfigurable() {
        var policy = MatchingPolicy()
        policy.underpaymentTolerance = .init(absoluteMinorUnits: 0, basisPoints: 200)
        let m = F.matcher([F.invoice("I1", number: "INV-0042", customer: "C1", cents: 10_000)], [customer], policy: policy)
        #expect(lines(m.decide(F.payment(9_800, text: "INV 42"))) == ["invoice I1 9800 invoice-number", "writeOff I1 200 write-off"])
        #expect(m.decide(F.payment(9_799, text: "INV 42")).automaticAllocations == nil)
    }

    @Test func creditNoteNetsAgainstReferencedInvoice() {
        let m = F.matcher([
            F.invoice("I1", customer: "C1", cents: 100_000, reference: "RF712348231"),
            F.invoice("CN1", customer: "C1", cents: -20_000),
            F.invoice("CN2", customer: "C1", cents: -5_000),
        ], [customer])
        #expect(lines(m.decide(F.payment(80_000, references: ["RF71 2348 231"]))) == ["invoice CN1 -20000 credit-note", "invoice I1 100000 reference"])
    }

    @Test func knownIBANAndUniqueAmount() {
        let m = F.matcher([
            F.invoice("I1", customer: "C1", cents: 10_000), F.invoice("I2", customer: "C1", cents: 25_000),
        ], [customer])
        #expect(lines(m.decide(F.payment(25_000, iban: F.ibanA))) == ["invoice I2 25000 iban-amount"])
    }

    @Test func knownIBANAndUniqueSubset() {
        let m = F.matcher([
            F.invoice("I1", customer: "C1", cents: 10_000, due: "2024-01-01"), F.invoice("I2", customer: "C1", cents: 25_000),
            F.invoice("I3", customer: "C1", cents: 40_000),
        ], [customer])
        #expect(lines(m.decide(F.payment(35_000, iban: F.ibanA))) == ["invoice I1 10000 subset-sum", "invoice I2 25000 subset-sum"])
        // 35,000 is only 10,000 + 25,000 (no single invoice, no other pair or triple).
        let ambiguous = F.matcher([
            F.invoice("I1", customer: "C1", cents: 10_000), F.invoice("I2", customer: "C1", cents: 20_000),
            F.invoice("I3", customer: "C1", cents: 30_000),
        ], [customer])
        // 30,000 is I3 alone or I1 + I2: two readings → review.
        #expect(ambiguous.decide(F.payment(30_000, iban: F.ibanA)).automaticAllocations == nil)
    }

    @Test func endToEndIdNamesTheInvoice() {
        let m = F.matcher([F.invoice("I1", number: "INV-2024-0042", customer: "C1", cents: 10_000)], [customer])
        #expect(lines(m.decide(F.payment(10_000, endToEndId: "INV20240042"))) == ["invoice I1 10000 end-to-end-id"])
    }

    @Test func debitsAreNotPayments() {
        let m = F.matcher([F.invoice("I1", customer: "C1", cents: 10_000, reference: "RF712348231")], [customer])
        #expect(m.decide(F.payment(10_000, references: ["RF712348231"], direction: .debit)) == .notAPayment(.debit))
        var returned = F.payment(10_000, direction: .debit)
        returned.returnReason = "MD06"
        #expect(m.decide(returned) == .notAPayment(.returnOrReversal))
    }
}
