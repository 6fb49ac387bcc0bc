import BankStatements
import Testing
@testable import Ledger

/// Review decisions, learning from them, forgetting, and undoing single allocations.
@Suite struct ReviewDecisionTests {
    static let unknownIBAN = "NL91ABNA0417164300"
    static let invoices = [
        "G-1,C3,Gamma Logistics BV,,2026-01-01,2026-01-31,EUR,75.00,",
        "G-2,C3,Gamma Logistics BV,,2026-01-05,2026-02-04,EUR,120.00,",
        "H-1,C4,Hotel Zonneveld,,2026-01-01,2026-01-31,EUR,75.00,",
    ]

    @Test func acceptTeachesThePayerSoTheNextPaymentIsAutomaticUntilForgotten() throws {
        let ledger = try MatchingLedger(Self.invoices)
        // Unknown IBAN, a name that is not the customer's, no reference: review, two 75.00 invoices.
        try ledger.book("2026-02-01", [Pay.credit(7_500, payer: "J. de Vries", iban: Self.unknownIBAN, text: "payment")])
        #expect(try ledger.status("G-1") == .open && ledger.status("H-1") == .open)
        let item = try #require(try ledger.reviewItem(forAmount: 7_500))
        let index = try #require(item.candidates.firstIndex { $0.invoiceNumbers == ["G-1"] })
        let decision = try ledger.store.acceptReview(id: item.id, suggestion: index + 1)
        #expect(decision.learned?.customerID == "C3")
        #expect(decision.learned?.iban == Self.unknownIBAN)
        #expect(try ledger.status("G-1") == .paid)
        let learned = try ledger.store.learnedFacts(customerID: "C3")
        #expect(learned.ibans == [Self.unknownIBAN] && learned.aliases == ["J. de Vries"])
        #expect(try ledger.store.allocationRecords().first?.allocation.method == "manual")

        // The next payment from that IBAN equals exactly one open invoice of C3: automatic.
        let report = try ledger.book("2026-02-10", [Pay.credit(12_000, payer: "J. de Vries", iban: Self.unknownIBAN)])
        #expect(report.autoAllocated == 1)
        #expect(try ledger.status("G-2") == .paid)
        #expect(try ledger.liveAllocations("G-2").first?.allocation.method == "iban-amount")

        // Forgotten: the same kind of payment goes to review again.
        #expect(try ledger.store.forgetLearned(customerID: "C3") == 2)
        #expect(try ledger.store.learnedFacts(customerID: "C3").ibans.isEmpty)
        try ledger.addInvoices(["G-3,C3,Gamma Logistics BV,,2026-02-01,2026-03-01,EUR,99.00,"])
        let after = try ledger.book("2026-02-20", [Pay.credit(9_900, payer: "J. de Vries", iban: Self.unknownIBAN)])
        #expect(after.autoAllocated == 0)
        #expect(try ledger.status("G-3") == .open)
        #expect(try ledger.reviewItem(forAmount: 9_900) != nil)
    }

    @Test func forgetOneIBANKeepsTheAliasAndRefusesInvoiceFileFacts() throws {
        let ledger = try MatchingLedger(["K-1,C5,Kappa AG,DE02120300000000202051,2026-01-01,2026-01-31,EUR,10.00,"])
        try ledger.store.learnIBAN(customerID: "C5", iban: Self.unknownIBAN)
        try ledger.store.learnAlias(customerID: "C5", alias: "K. Meyer")
        #expect(try ledger.store.forgetLearned(customerID: "C5", iban: Self.unknownIBAN) == 1)
        #expect(try ledger.store.learnedFacts(customerID: "C5").aliases == ["K. Meyer"])
        #expect(throws: LedgerError.self) { try ledger.store.forgetLearned(customerID: "C5", iban: "DE02120300000000202051") }
        #expect(try ledger.store.customers().first?.ibans == ["DE02120300000000202051"])
    }

    @Test func assignSplitsOverInvoicesAndValidates() throws {
        let ledger = try MatchingLedger(Self.invoices + ["U-1,C6,Ursa Ltd,,2026-01-01,2026-01-31,USD,10.00,"])
        try ledger.book("2026-02-01", [Pay.credit(15_000, payer: "Someone", text: "various")])
        let item = try #require(try ledger.reviewItem(forAmount: 15_000))
        #expect(throws: LedgerError.self) {
            try ledger.store.assignReview(id: item.id, to: [("G-1", "75.00"), ("G-2", "80.00")])
        }
        #expect(throws: LedgerError.self) { try ledger.store.assignReview(id: item.id, to: [("U-1", nil)]) }
        #expect(throws: LedgerError.self) { try ledger.store.assignReview(id: item.id, to: [("NOPE", nil)]) }
        #expect(try ledger.store.allocationRecords().isEmpty)
        // G-2 gets 100.00 explicitly, G-1 takes the remaining 50.00 of its 75.00.
        let decision = try ledger.store.assignReview(id: item.id, to: [("G-1", nil), ("G-2", "100.00")])
        #expect(decision.allocationIDs.count == 2 && decision.leftOver?.minorUnits == 0)
        #expect(try ledger.open("G-1") == 2_500 && ledger.status("G-1") == .partial)
        #expect(try ledger.open("G-2") == 2_000 && ledger.status("G-2") == .partial)
        #expect(try ledger.store.reviewQueue().isEmpty)
        #expect(throws: LedgerError.self) { try ledger.store.assignReview(id: item.id, to: [("G-1", nil)]) }
    }

    @Test func ignoredCreditsLeaveTheQueueForGood() throws {
        let ledger = try MatchingLedger(Self.invoices)
        try ledger.book("2026-02-01", [Pay.credit(7_500, payer: "Tax Office", text: "VAT refund")])
        let item = try #require(try ledger.reviewItem(forAmount: 7_500))
        #expect(throws: LedgerError.self) { try ledger.store.ignoreReview(id: item.id, reason: "  ") }
        try ledger.store.ignoreReview(id: item.id, reason: "VAT refund, not a customer payment")
        #expect(try ledger.store.reviewQueue().isEmpty)
        #expect(try ledger.store.matchUnallocated().examined == 0)
        #expect(try ledger.store.reviewQueue().isEmpty)
    }

    @Test func undoingOneOfTwoAllocationsOfASplitPaymentLeavesTheOtherAlone() throws {
        let ledger = try MatchingLedger([
            "S-1,C7,Sigma GmbH,,2026-01-01,2026-01-31,EUR,100.00,",
            "S-2,C7,Sigma GmbH,,2026-01-02,2026-02-01,EUR,200.00,",
        ])
        try ledger.book("2026-02-01", [Pay.credit(30_000, payer: "Sigma GmbH", text: "S-1 S-2")])
        #expect(try ledger.status("S-1") == .paid && ledger.status("S-2") == .paid)
        let first = try #require(try ledger.liveAllocations("S-1").first)
        let second = try #require(try ledger.liveAllocations("S-2").first)
        let reversals = try ledger.store.undoAllocation(id: first.allocation.id, reason: "S-1 was paid in cash")
        #expect(reversals.count == 1)
        #expect(try ledger.status("S-1") == .open)
        #expect(try ledger.status("S-2") == .paid)
        #expect(try ledger.liveAllocations("S-2").map(\.allocation.id) == [second.allocation.id])
        // The freed 100.00 is back in review and stays there: the matcher may not redo what a person undid.
        let item = try #require(try ledger.store.reviewQueue().first)
        #expect(item.transaction.unallocated.minorUnits == 10_000 && !item.autoAllowed)
        #expect(item.candidates.first?.invoiceNumbers == ["S-1"])
        #expect(try ledger.store.matchUnallocated().autoAllocated == 0)
        #expect(try ledger.status("S-1") == .open)
        #expect(throws: LedgerError.self) { try ledger.store.undoAllocation(id: first.allocation.id, reason: "twice") }
    }

    @Test func undoingAPaymentAlsoUndoesItsWriteOff() throws {
        let ledger = try MatchingLedger(["W-1,C8,Omega BV,,2026-01-01,2026-01-31,EUR,100.00,"])
        try ledger.book("2026-02-01", [Pay.credit(9_800, payer: "Omega BV", text: "W-1")])
        let payment = try #require(try ledger.liveAllocations("W-1").first { $0.allocation.kind == .payment })
        #expect(try ledger.store.undoAllocation(id: payment.allocation.id, reason: "wrong").count == 2)
        #expect(try ledger.status("W-1") == .open && ledger.open("W-1") == 10_000)
    }

    @Test func aNettedCreditNoteIsUndoneOnlyAfterItsInvoice() throws {
        let ledger = try MatchingLedger([
            "N-1,C9,Ny AB,,2026-01-01,2026-01-31,EUR,200.00,",
            "NC-1,C9,Ny AB,,2026-01-02,2026-01-31,EUR,-50.00,",
        ])
        try ledger.book("2026-02-01", [Pay.credit(15_000, payer: "Ny AB", text: "N-1")])
        #expect(try ledger.status("N-1") == .paid && ledger.status("NC-1") == .paid)
        let note = try #require(try ledger.liveAllocations("NC-1").first)
        let invoice = try #require(try ledger.liveAllocations("N-1").first)
        #expect(throws: LedgerError.self) { try ledger.store.undoAllocation(id: note.allocation.id, reason: "x") }
        #expect(try ledger.status("NC-1") == .paid)
        _ = try ledger.store.undoAllocation(id: invoice.allocation.id, reason: "wrong invoice")
        #expect(try ledger.status("N-1") == .open)
        // Now the payment holds 50.00 more than it paid in (the credit note), which undoing the note frees.
        _ = try ledger.store.undoAllocation(id: note.allocation.id, reason: "wrong invoice")
        #expect(try ledger.status("NC-1") == .open)
        #expect(try ledger.transaction(amount: 15_000)?.unallocated.minorUnits == 15_000)
    }

    @Test func ambiguousReturnIsDecidedInReview() throws {
        let ledger = try MatchingLedger(Self.invoices)
        try ledger.book("2026-02-01", [Pay.credit(7_500, payer: "Gamma Logistics BV", text: "G-1", endToEnd: "SAME"),
                                       Pay.credit(7_500, payer: "Hotel Zonneveld", text: "H-1", endToEnd: "SAME")])
        #expect(try ledger.status("G-1") == .paid && ledger.status("H-1") == .paid)
        try ledger.book("2026-02-03", [Pay.returned(7_500, day: "2026-02-03", endToEnd: "SAME")])
        let item = try #require(try ledger.store.reviewQueue().first { $0.kind == "return" })
        #expect(item.candidates.count == 2)
        let hotel = try #require(try ledger.liveAllocations("H-1").first?.transactionID)
        let index = try #require(item.candidates.firstIndex { $0.returnedTransactionID == hotel })
        let decision = try ledger.store.acceptReview(id: item.id, suggestion: index + 1)
        #expect(decision.returnedTransactionID == hotel)
        #expect(try ledger.status("H-1") == .open && ledger.status("G-1") == .paid)
        #expect(try ledger.store.matchUnallocated().examined == 0)
    }

    @Test func explainListsAnInvoicesHistory() throws {
        let ledger = try MatchingLedger(["E-1,C9,Epsilon SA,,2026-01-01,2026-01-31,EUR,50.00,"])
        try ledger.book("2026-02-01", [Pay.credit(5_000, payer: "Epsilon SA", text: "E-1")])
        let allocation = try #require(try ledger.liveAllocations("E-1").first)
        _ = try ledger.store.undoAllocation(id: allocation.allocation.id, reason: "bank error")
        let kinds = try ledger.store.invoiceHistory(number: "E-1").map(\.kind)
        #expect(kinds.first == "imported")
        #expect(kinds.contains("payment") && kinds.contains("reversal") && kinds.contains("review"))
        #expect(throws: LedgerError.self) { try ledger.store.invoiceHistory(number: "E-404") }
    }
}
