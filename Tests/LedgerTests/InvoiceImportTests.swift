import BankStatements
import Testing
@testable import Ledger

@Suite struct InvoiceImportTests {
    static let header = "invoice_number,customer_id,customer_name,customer_iban,issue_date,due_date,currency,amount,payment_reference\n"

    private func importing(_ csv: String, skipInvalid: Bool = false) throws -> (TemporaryDatabase, LedgerStore, InvoiceImportReport) {
        let temporary = try TemporaryDatabase()
        let store = try temporary.open()
        let report = try store.importInvoices(bytes: Array(csv.utf8), file: "inv.csv", skipInvalid: skipInvalid)
        return (temporary, store, report)
    }

    /// The issues of a rejected import, after checking that nothing was written.
    private func rejection(_ csv: String) throws -> [InvoiceIssue] {
        let temporary = try TemporaryDatabase()
        let store = try temporary.open()
        var issues: [InvoiceIssue] = []
        do {
            _ = try store.importInvoices(bytes: Array(csv.utf8), file: "inv.csv")
            Issue.record("import was accepted")
        } catch let error as InvoiceFileError {
            issues = error.issues
        }
        #expect(try store.rowCounts().values.allSatisfy { $0 == 0 })
        return issues
    }

    @Test func importsQuotedNamesAndColumnsInAnyOrder() throws {
        let csv = "\u{FEFF}amount,due_date,issue_date,customer_name,customer_id,invoice_number,customer_iban\r\n"
            + "1190.00,2026-05-15,2026-04-15,\"Muster, \"\"Die Firma\"\" GmbH\",C1,RE-1,DE89 3704 0044 0532 0130 00|DE02120300000000202051\r\n"
            + "-50.5,2026-05-20,2026-04-20,\"Zweite\nZeile AG\",C2,GS-1,\r\n"
        let (_, store, report) = try importing(csv)
        #expect(report.inserted == 2 && report.customersAdded == 2)
        let invoices = try store.invoices()
        #expect(invoices.map(\.invoiceNumber) == ["RE-1", "GS-1"])
        #expect(invoices[0].amount == Money(minorUnits: 119_000, currency: .euro))
        #expect(invoices[0].customerName == "Muster, \"Die Firma\" GmbH")
        #expect(invoices[1].amount.minorUnits == -5050)
        #expect(invoices[1].customerName == "Zweite\nZeile AG")
        #expect(invoices.allSatisfy { $0.status == .open })
        let customers = try store.customers()
        #expect(customers.first { $0.id == "C1" }?.ibans == ["DE02120300000000202051", "DE89370400440532013000"])
        #expect(customers.first { $0.id == "C1" }?.aliases.map(\.source) == [.invoiceFile])
    }

    @Test func missingColumnRejectsTheFile() throws {
        let issues = try rejection("invoice_number,customer_id,issue_date,due_date,amount\nRE-1,C1,2026-01-01,2026-01-31,10\n")
        #expect(issues.map(\.description) == ["inv.csv:1: customer_name: missing column"])
    }

    @Test func everyBadRowIsReportedWithLineAndColumn() throws {
        let csv = Self.header
            + "RE-1,C1,A,,2026-02-30,2026-03-01,EUR,10.00,\n"     // line 2: bad date
            + "RE-2,C1,A,,2026-01-01,2026-01-31,EUR,12.345,\n"    // line 3: too many decimals
            + "RE-3,C1,A,,2026-01-01,2026-01-31,EUR,1O.00,\n"     // line 4: bad amount
            + "RE-4,C1,A,,2026-01-01,2026-01-31,EUO,10.00,\n"     // line 5: unknown currency
            + "RE-5,,A,,2026-01-01,2026-01-31,EUR,10.00,\n"       // line 6: empty required field
            + "RE-6,C1,A,,2026-01-01,2026-01-31,EUR,10.00,\n"     // line 7: fine, but duplicated below
            + "RE-6,C1,A,,2026-01-01,2026-01-31,EUR,11.00,\n"     // line 8: duplicate
            + "RE-7,C1,A,DE00123,2026-01-01,2026-01-31,EUR,1,\n"  // line 9: bad IBAN
            + "RE-8,C1,A,,2026-01-01,2026-01-31,JPY,100.5,\n"     // line 10: JPY has no decimals
        let issues = try rejection(csv)
        let located = issues.map { "\($0.line) \($0.column ?? "-")" }
        #expect(located == ["2 issue_date", "3 amount", "4 amount", "5 currency", "6 customer_id", "7 invoice_number",
                            "8 invoice_number", "9 customer_iban", "10 amount"])
        #expect(issues[1].message.contains("too many decimals"))
        #expect(issues[4].message == "empty required field")
        #expect(issues[6].description.hasPrefix("inv.csv:8: invoice_number: invoice number 'RE-6' already appears on line 7"))
    }

    @Test func skipInvalidImportsTheGoodRowsAndListsTheBad() throws {
        let csv = Self.header
            + "RE-1,C1,A,,2026-01-01,2026-01-31,EUR,10.00,\n"
            + "RE-2,C1,A,,2026-13-01,2026-01-31,EUR,10.00,\n"
            + "RE-3,C2,B,,2026-01-01,2026-01-31,,7,RF18539007547034\n"
        let (_, store, report) = try importing(csv, skipInvalid: true)
        #expect(report.inserted == 2)
        #expect(report.skipped.map(\.line) == [3])
        let invoices = try store.invoices()
        #expect(invoices.map(\.invoiceNumber) == ["RE-1", "RE-3"])
        #expect(invoices[1].paymentReference == "RF18539007547034")
        #expect(invoices[1].amount == Money(minorUnits: 700, currency: .euro))
    }

    @Test func upsertChangingTheAmountKeepsAllocations() throws {
        let temporary = try TemporaryDatabase()
        let store = try temporary.open()
        _ = try store.importInvoices(bytes: Array((Self.header + "RE-1,C1,A,,2026-01-01,2026-01-31,EUR,100.00,\n").utf8), file: "a.csv")
        let invoice = try #require(try store.invoices().first)
        try store.inTransaction {
            _ = try store.importStatements([StatementFixtures.file("s", [StatementFixtures.statement(day: "2026-01-10",
                entries: [StatementFixtures.credit(10_000, on: "2026-01-10", reference: "R1")])])])
        }
        let credit = try #require(try store.unallocatedCredits().first)
        try store.recordAllocation(transactionID: credit.id, invoiceID: invoice.id, amount: credit.amount, method: "test",
                                   confidence: 100, evidence: "")
        #expect(try store.invoices().first?.status == .paid)

        let again = try store.importInvoices(bytes: Array((Self.header + "RE-1,C1,A,,2026-01-01,2026-01-31,EUR,120.00,\n").utf8), file: "b.csv")
        #expect(again.updated == 1 && again.inserted == 0)
        let updated = try #require(try store.invoices().first)
        #expect(updated.status == .partial)
        #expect(updated.openAmount == Money(minorUnits: 2000, currency: .euro))
        #expect(try store.allocations().count == 1)

        let unchanged = try store.importInvoices(bytes: Array((Self.header + "RE-1,C1,A,,2026-01-01,2026-01-31,EUR,120.00,\n").utf8), file: "c.csv")
        #expect(unchanged.unchanged == 1 && unchanged.updated == 0)
    }

    @Test func invoiceFileFromDisk() throws {
        let temporary = try TemporaryDatabase()
        let path = try temporary.write("invoices.csv", Self.header + "RE-1,C1,A,,2026-01-01,2026-01-31,EUR,100.00,\n")
        let store = try temporary.open()
        #expect(try store.importInvoices(path: path).inserted == 1)
        #expect(throws: StatementParseError.self) { try store.importInvoices(path: temporary.folder.path + "/missing.csv") }
    }
}
