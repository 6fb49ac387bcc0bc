import BankStatements
import Testing
@testable import Ledger

@Suite struct AllocationTests {
    typealias F = StatementFixtures

    /// A store with invoice RE-1 over 100.00 EUR, credit note GS-1 over -30.00 and one credit of 100.00.
    private func seeded() throws -> (TemporaryDatabase, LedgerStore, InvoiceBalance, StoredTransaction) {
        let temporary = try TemporaryDatabase()
        let store = try temporary.open()
        let csv = InvoiceImportTests.header + "RE-1,C1,A,,2026-01-01,2026-01-31,EUR,100.00,\nGS-1,C1,A,,2026-01-02,2026-01-31,EUR,-30.00,\n"
        _ = try store.importInvoices(bytes: Array(csv.utf8), file: "inv.csv")
        _ = try store.importStatements([F.file("s", [F.statement(day: "2026-01-10", entries: [F.credit(10_000, on: "2026-01-10", reference: "R1")])])])
        let invoice = try #require(try store.invoices().first { $0.invoiceNumber == "RE-1" })
        let credit = try #require(try store.unallocatedCredits().first)
        return (temporary, store, invoice, credit)
    }

    @Test func reversingAppendsARowAndReopensTheInvoice() throws {
        let (_, store, invoice, credit) = try seeded()
        let id = try store.recordAllocation(transactionID: credit.id, invoiceID: invoice.id, amount: F.money(6_000),
                                            method: "reference", confidence: 95, evidence: "RE-1 in remittance")
        var current = try #require(try store.invoices().first { $0.id == invoice.id })
        #expect(current.status == .partial && current.openAmount == F.money(4_000))
        #expect(try store.unallocatedCredits().first?.unallocated == F.money(4_000))

        let reversal = try store.reverseAllocation(id: id, reason: "wrong customer")
        let journal = try store.allocations()
        #expect(journal.count == 2)
        #expect(journal[1].id == reversal && journal[1].kind == .reversal && journal[1].reversesAllocationID == id)
        #expect(journal[1].amount == F.money(-6_000))
        current = try #require(try store.invoices().first { $0.id == invoice.id })
        #expect(current.status == .open && current.openAmount == F.money(10_000))
        #expect(try store.transactions(unallocatedOnly: true).count == 1)
        #expect(throws: LedgerError.self) { try store.reverseAllocation(id: id, reason: "twice") }
    }

    @Test func allocationsCannotBeChangedOrDeleted() throws {
        let (_, store, invoice, credit) = try seeded()
        let id = try store.recordAllocation(transactionID: credit.id, invoiceID: invoice.id, amount: F.money(10_000),
                                            method: "iban", confidence: 80, evidence: "")
        #expect(throws: DatabaseError.self) { try store.database.execute("DELETE FROM allocations WHERE id = \(id)") }
        #expect(throws: DatabaseError.self) { try store.database.execute("UPDATE allocations SET amount_minor = 1") }
        #expect(try store.invoices().first { $0.id == invoice.id }?.status == .paid)
    }

    @Test func statusesIncludingOverpaidAndCreditNotes() throws {
        let (_, store, invoice, credit) = try seeded()
        let note = try #require(try store.invoices().first { $0.invoiceNumber == "GS-1" })
        #expect(note.status == .open && note.openAmount == F.money(-3_000))
        try store.recordAllocation(transactionID: nil, invoiceID: note.id, amount: F.money(-3_000), kind: .writeOff,
                                   method: "manual", confidence: 100, evidence: "set off")
        #expect(try store.invoices(status: .paid).map(\.invoiceNumber) == ["GS-1"])
        try store.recordAllocation(transactionID: credit.id, invoiceID: invoice.id, amount: F.money(10_000),
                                   method: "manual", confidence: 100, evidence: "")
        try store.recordAllocation(transactionID: nil, invoiceID: invoice.id, amount: F.money(1), kind: .writeOff,
                                   method: "manual", confidence: 100, evidence: "")
        #expect(try store.invoices(status: .overpaid).map(\.invoiceNumber) == ["RE-1"])
        #expect(try store.invoices(customerID: "nobody").isEmpty)
    }

    @Test func refusesOverAllocationAndCurrencyMismatch() throws {
        let (_, store, invoice, credit) = try seeded()
        #expect(throws: LedgerError.self) {
            try store.recordAllocation(transactionID: credit.id, invoiceID: invoice.id, amount: F.money(10_001),
                                       method: "x", confidence: 50, evidence: "")
        }
        #expect(throws: LedgerError.self) {
            try store.recordAllocation(transactionID: credit.id, invoiceID: invoice.id,
                                       amount: Money(minorUnits: 100, currency: Currency(code: "USD", exponent: 2)),
                                       method: "x", confidence: 50, evidence: "")
        }
        #expect(try store.allocations().isEmpty)
    }

    @Test func reviewItemsAliasesAndConfig() throws {
        let (_, store, _, credit) = try seeded()
        let item = try store.addReviewItem(transactionID: credit.id, reason: "two candidates", candidatesJSON: #"[{"invoice":"RE-1"}]"#)
        #expect(throws: DatabaseError.self) { try store.addReviewItem(transactionID: credit.id, reason: "again") }
        #expect(throws: DatabaseError.self) { try store.addReviewItem(transactionID: credit.id, reason: "bad", candidatesJSON: "{oops") }
        try store.resolveReviewItem(id: item, state: .ignored, resolution: "private transfer")
        #expect(try store.reviewItems(state: .open).isEmpty)
        #expect(try store.reviewItems().first?.resolution == "private transfer")
        try store.learnAlias(customerID: "C1", alias: "A. Muster")
        #expect(try store.customers().first?.aliases.map(\.source) == [.invoiceFile, .learned])
        try store.setConfigValue("14", for: "grace-days")
        try store.setConfigValue("21", for: "grace-days")
        #expect(try store.configValue("grace-days") == "21")
    }
}
