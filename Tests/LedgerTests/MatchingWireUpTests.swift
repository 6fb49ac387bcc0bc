import BankStatements
import Testing
@testable import Ledger

/// Each allocation case through the ledger: import a statement, let matching run, read statuses.
@Suite struct MatchingWireUpTests {
    // Valid references and IBANs (check digits verified by hand with mod 97).
    static let rf = "RF18539007547034"
    static let ibanC1 = "DE02120300000000202051"
    static let ibanC2 = "GB29NWBK60161331926819"
    static let unknownIBAN = "NL91ABNA0417164300"

    @Test func fullPaymentByCheckedReference() throws {
        let ledger = try MatchingLedger(["INV-1001,C1,Alpha GmbH,\(Self.ibanC1),2026-01-01,2026-01-31,EUR,100.00,\(Self.rf)"])
        let report = try ledger.book("2026-02-01", [Pay.credit(10_000, payer: "Alpha GmbH", rf: Self.rf)])
        #expect(report.autoAllocated == 1)
        #expect(try ledger.status("INV-1001") == .paid)
        let allocation = try #require(try ledger.liveAllocations("INV-1001").first)
        #expect(allocation.allocation.method == "reference")
        #expect(allocation.allocation.evidence.contains(Self.rf))
        #expect(try ledger.store.reviewQueue().isEmpty)
    }

    @Test func severalPaymentsToOneInvoiceAcrossAndWithinImports() throws {
        let ledger = try MatchingLedger(["INV-1002,C1,Alpha GmbH,,2026-01-01,2026-01-31,EUR,100.00,\(Self.rf)"])
        try ledger.book("2026-02-01", [Pay.credit(3_000, payer: "Alpha GmbH", rf: Self.rf)])
        #expect(try ledger.status("INV-1002") == .partial)
        #expect(try ledger.open("INV-1002") == 7_000)
        // Two payments in one import: the second must see the 10.00 the first left open, so it
        // pays that and keeps 5.00 as credit (an overpayment within the 50 % limit) instead of being
        // taken as a partial payment of the 70.00 open before the import.
        try ledger.book("2026-02-02", [Pay.credit(6_000, payer: "Alpha GmbH", rf: Self.rf),
                                       Pay.credit(1_500, payer: "Alpha GmbH", rf: Self.rf)])
        #expect(try ledger.status("INV-1002") == .paid)
        #expect(try ledger.liveAllocations("INV-1002").map(\.allocation.amount.minorUnits) == [3_000, 6_000, 1_000])
        #expect(try ledger.store.customerCredits().map(\.amount.minorUnits) == [500])
    }

    @Test func onePaymentForSeveralInvoices() throws {
        let ledger = try MatchingLedger([
            "INV-2001,C1,Alpha GmbH,,2026-01-01,2026-01-31,EUR,100.00,",
            "INV-2002,C1,Alpha GmbH,,2026-01-05,2026-02-04,EUR,50.00,",
        ])
        try ledger.book("2026-02-01", [Pay.credit(15_000, payer: "Alpha GmbH", text: "Invoices INV-2001 and INV-2002")])
        #expect(try ledger.status("INV-2001") == .paid)
        #expect(try ledger.status("INV-2002") == .paid)
        #expect(try ledger.transaction(amount: 15_000)?.unallocated.minorUnits == 0)
    }

    @Test func overpaymentKeepsTheExcessAsCustomerCredit() throws {
        let ledger = try MatchingLedger(["INV-3001,C1,Alpha GmbH,,2026-01-01,2026-01-31,EUR,100.00,"])
        try ledger.book("2026-02-01", [Pay.credit(12_000, payer: "Alpha GmbH", text: "INV-3001")])
        #expect(try ledger.status("INV-3001") == .paid)
        let credits = try ledger.store.customerCredits()
        #expect(credits.count == 1)
        #expect(credits.first?.customerID == "C1" && credits.first?.amount.minorUnits == 2_000)
        // Visible as unmatched money, but not queued: it is explained.
        #expect(try ledger.store.transactions(unallocatedOnly: true).map(\.unallocated.minorUnits) == [2_000])
        #expect(try ledger.store.reviewQueue().isEmpty)
        let again = try ledger.store.matchUnallocated()
        #expect(again.examined == 0)
    }

    @Test func underpaymentWithinToleranceIsWrittenOff() throws {
        let ledger = try MatchingLedger(["INV-3002,C1,Alpha GmbH,,2026-01-01,2026-01-31,EUR,100.00,"])
        try ledger.book("2026-02-01", [Pay.credit(9_700, payer: "Alpha GmbH", text: "INV-3002")])
        #expect(try ledger.status("INV-3002") == .paid)
        let rows = try ledger.liveAllocations("INV-3002")
        #expect(rows.map(\.allocation.kind) == [.payment, .writeOff])
        #expect(rows.map(\.allocation.amount.minorUnits) == [9_700, 300])
        // The write-off carries no money of the payment, which is fully used.
        #expect(try ledger.transaction(amount: 9_700)?.unallocated.minorUnits == 0)
        #expect(rows.last?.transactionID == rows.first?.transactionID)
    }

    @Test func underpaymentBeyondToleranceStaysPartialOrGoesToReview() throws {
        let ledger = try MatchingLedger(["INV-3003,C1,Alpha GmbH,,2026-01-01,2026-01-31,EUR,100.00,"])
        try ledger.book("2026-02-01", [Pay.credit(9_000, payer: "Alpha GmbH", text: "INV-3003")])
        // Named by number only (no checked reference): a partial payment is not automatic.
        #expect(try ledger.status("INV-3003") == .open)
        #expect(try ledger.reviewItem(forAmount: 9_000)?.candidates.first?.invoiceNumbers == ["INV-3003"])
    }

    @Test func creditNoteNetsAgainstTheInvoice() throws {
        let ledger = try MatchingLedger([
            "INV-4001,C1,Alpha GmbH,,2026-01-01,2026-01-31,EUR,100.00,",
            "CN-4001,C1,Alpha GmbH,,2026-01-10,2026-01-31,EUR,-30.00,",
        ])
        try ledger.book("2026-02-01", [Pay.credit(7_000, payer: "Alpha GmbH", text: "INV-4001 minus credit note")])
        #expect(try ledger.status("INV-4001") == .paid)
        #expect(try ledger.status("CN-4001") == .paid)
        #expect(try ledger.store.invoices(customerID: "C1").reduce(0) { $0 + $1.openAmount.minorUnits } == 0)
        #expect(try ledger.transaction(amount: 7_000)?.unallocated.minorUnits == 0)
    }

    @Test func unrelatedCreditWithAnEqualAmountIsNotAllocated() throws {
        let ledger = try MatchingLedger(["INV-5001,C1,Alpha GmbH,\(Self.ibanC1),2026-01-01,2026-01-31,EUR,123.45,"])
        try ledger.book("2026-02-01", [Pay.credit(12_345, payer: "Zeta Holding", iban: Self.unknownIBAN, text: "Refund deposit")])
        #expect(try ledger.status("INV-5001") == .open)
        #expect(try ledger.store.allocationRecords().isEmpty)
        let item = try #require(try ledger.reviewItem(forAmount: 12_345))
        #expect(item.candidates.allSatisfy { $0.score < 50 })
    }

    @Test func mistypedReferenceOfAnotherCustomerIsNotAllocated() throws {
        let ledger = try MatchingLedger([
            "INV-6001,C1,Alpha GmbH,\(Self.ibanC1),2026-01-01,2026-01-31,EUR,250.00,",
            "INV-6002,C2,Beta Trading BV,\(Self.ibanC2),2026-01-01,2026-01-31,EUR,180.00,",
        ])
        // Beta pays its 180.00 but types Alpha's invoice number.
        try ledger.book("2026-02-01", [Pay.credit(18_000, payer: "Beta Trading BV", iban: Self.ibanC2, text: "INV-6001")])
        #expect(try ledger.status("INV-6001") == .open)
        #expect(try ledger.status("INV-6002") == .open)
        #expect(try ledger.store.allocationRecords().isEmpty)
        #expect(try ledger.reviewItem(forAmount: 18_000) != nil)
    }

    @Test func paymentBeforeItsInvoiceIsMatchedByRecheck() throws {
        let ledger = try MatchingLedger([])
        try ledger.book("2026-02-01", [Pay.credit(4_200, payer: "Alpha GmbH", text: "Invoice INV-7001")])
        #expect(try ledger.reviewItem(forAmount: 4_200)?.candidates.isEmpty == true)
        try ledger.addInvoices(["INV-7001,C1,Alpha GmbH,,2026-01-01,2026-01-31,EUR,42.00,"])
        let report = try ledger.store.matchUnallocated()
        #expect(report.autoAllocated == 1 && report.reviewClosed == 1)
        #expect(try ledger.status("INV-7001") == .paid)
        #expect(try ledger.store.reviewQueue().isEmpty)
        #expect(try ledger.store.reviewItems(state: .resolved).count == 1)
    }

    @Test func returnedDirectDebitReopensTheInvoice() throws {
        let ledger = try MatchingLedger(["INV-8001,C1,Alpha GmbH,,2026-01-01,2026-01-31,EUR,80.00,\(Self.rf)"])
        try ledger.book("2026-02-01", [Pay.credit(8_000, payer: "Alpha GmbH", rf: Self.rf, endToEnd: "DD-2026-0042")])
        #expect(try ledger.status("INV-8001") == .paid)
        let report = try ledger.book("2026-02-05", [Pay.returned(8_000, day: "2026-02-05", endToEnd: "DD-2026-0042")])
        #expect(report.returnsUndone == 1)
        #expect(try ledger.status("INV-8001") == .open)
        #expect(try ledger.store.allocationRecords().map(\.allocation.kind) == [.payment, .reversal])
        // The returned credit is settled: re-matching leaves it alone and nothing is queued.
        #expect(try ledger.store.matchUnallocated().examined == 0)
        #expect(try ledger.store.reviewQueue().isEmpty)
    }

    @Test func unidentifiedReturnGoesToReviewAndPlainDebitsDoNot() throws {
        let ledger = try MatchingLedger(["INV-8002,C1,Alpha GmbH,,2026-01-01,2026-01-31,EUR,80.00,\(Self.rf)"])
        try ledger.book("2026-02-01", [Pay.credit(8_000, payer: "Alpha GmbH", rf: Self.rf, endToEnd: "E2E-A")])
        try ledger.book("2026-02-05", [Pay.returned(8_000, day: "2026-02-05", endToEnd: "E2E-UNKNOWN"),
                                       Pay.debit(5_000, day: "2026-02-05")])
        #expect(try ledger.status("INV-8002") == .paid)
        let queue = try ledger.store.reviewQueue()
        #expect(queue.map(\.kind) == ["return"])
        #expect(queue.first?.transaction.amount.minorUnits == -8_000)
    }

    @Test func autoApplySwitchedOffSendsEverythingToReview() throws {
        let ledger = try MatchingLedger(["INV-9001,C1,Alpha GmbH,,2026-01-01,2026-01-31,EUR,100.00,\(Self.rf)"])
        try ledger.store.setConfigValue("false", for: "matching.auto-apply")
        try ledger.book("2026-02-01", [Pay.credit(10_000, payer: "Alpha GmbH", rf: Self.rf)])
        #expect(try ledger.status("INV-9001") == .open)
        let item = try #require(try ledger.reviewItem(forAmount: 10_000))
        #expect(item.candidates.first?.invoiceNumbers == ["INV-9001"])
        _ = try ledger.store.acceptReview(id: item.id)
        #expect(try ledger.status("INV-9001") == .paid)
    }

    @Test func badConfigurationIsReportedNotGuessed() throws {
        let ledger = try MatchingLedger([])
        try ledger.store.setConfigValue("lots", for: "matching.auto-margin")
        #expect(throws: LedgerError.self) { try ledger.store.matchingConfiguration() }
    }
}
