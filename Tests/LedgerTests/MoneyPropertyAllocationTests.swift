import BankStatements
import Testing
@testable import Ledger

/// Allocation arithmetic at the 64-bit edge: refused with an error, never an overflow trap.
@Suite("Money: allocations at the 64-bit edge")
struct MoneyPropertyAllocationTests {
    typealias F = StatementFixtures

    @Test("allocating beyond a transaction of Int64.max cents is refused, not a crash")
    func allocationSumOverflow() throws {
        let temporary = try TemporaryDatabase()
        let store = try temporary.open()
        let csv = InvoiceImportTests.header
            + "BIG-1,C1,A,,2026-01-01,2026-01-31,EUR,92233720368547758.07,\nBIG-2,C1,A,,2026-01-01,2026-01-31,EUR,1.00,\n"
        _ = try store.importInvoices(bytes: Array(csv.utf8), file: "inv.csv")
        _ = try store.importStatements([F.file("s", [F.statement(day: "2026-01-10", entries: [
            F.credit(.max, on: "2026-01-10", reference: "R1"),
        ])])])
        let credit = try #require(try store.unallocatedCredits().first)
        let invoices = try store.invoices()
        let first = try #require(invoices.first { $0.invoiceNumber == "BIG-1" })
        let second = try #require(invoices.first { $0.invoiceNumber == "BIG-2" })
        try store.recordAllocation(transactionID: credit.id, invoiceID: first.id, amount: F.money(.max),
                                   method: "test", confidence: 100, evidence: "whole amount")
        // Int64.max already allocated: one more cent would overflow the running total.
        #expect(throws: LedgerError.self) {
            try store.recordAllocation(transactionID: credit.id, invoiceID: second.id, amount: F.money(1),
                                       method: "test", confidence: 100, evidence: "one cent too many")
        }
        #expect(try store.allocations().count == 1)
    }
}
