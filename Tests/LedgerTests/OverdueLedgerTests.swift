import BankStatements
import Reconciliation
import Testing
@testable import Ledger

/// The overdue query against a real database: payments, reversals, arrangements, review items.
@Suite struct OverdueLedgerTests {
    typealias F = StatementFixtures

    static let header = "invoice_number,customer_id,customer_name,customer_iban,issue_date,due_date,amount,customer_email,customer_phone,customer_type\n"

    /// RE-1 (1,000.00, due 1 Nov) and RE-2 (200.00, due 1 Nov) of C1, who pays from the fixtures' payer
    /// IBAN; RE-3 (500.00, due 1 Dec) of consumer C2.
    private func seeded() throws -> (TemporaryDatabase, LedgerStore) {
        let temporary = try TemporaryDatabase()
        let store = try temporary.open()
        let csv = Self.header
            + "RE-1,C1,Muster GmbH,DE02120300000000202051,2026-10-01,2026-11-01,1000.00,ap@muster.example,+49 30 1,\n"
            + "RE-2,C1,Muster GmbH,,2026-10-01,2026-11-01,200.00,,,\n"
            + "RE-3,C2,Eva Privat,,2026-11-01,2026-12-01,500.00,,,consumer\n"
        _ = try store.importInvoices(bytes: Array(csv.utf8), file: "inv.csv")
        return (temporary, store)
    }

    private func invoiceID(_ store: LedgerStore, _ number: String) throws -> Int64 {
        try #require(try store.invoices().first { $0.invoiceNumber == number }).id
    }

    private func overdue(_ store: LedgerStore, _ asOf: String, customer: String? = nil, minimumDays: Int = 1) throws -> [String: OverdueItem] {
        let report = try store.overdue(OverdueQuery(asOf: F.date(asOf), customerID: customer, minimumDays: minimumDays))
        return Dictionary(uniqueKeysWithValues: report.items.map { ($0.invoiceNumber, $0) })
    }

    @Test func contactDetailsAndCustomerTypeAreStored() throws {
        let (_, store) = try seeded()
        let customers = try store.customers()
        #expect(customers.first { $0.id == "C1" }?.email == "ap@muster.example")
        #expect(customers.first { $0.id == "C1" }?.phone == "+49 30 1")
        #expect(customers.first { $0.id == "C1" }?.type == .business)
        #expect(customers.first { $0.id == "C2" }?.type == .consumer)
    }

    @Test func partialPaymentsCountOnlyUnreversedPaymentsBookedByTheAsOfDate() throws {
        let (_, store) = try seeded()
        _ = try store.importStatements([F.file("s", [
            F.statement(day: "2026-11-05", entries: [F.credit(30_000, on: "2026-11-05", reference: "P1")]),
            F.statement(day: "2026-11-12", entries: [F.credit(20_000, on: "2026-11-12", reference: "P2"),
                                                     F.credit(10_000, on: "2026-11-12", reference: "P3")]),
        ])])
        let credits = try store.unallocatedCredits()
        #expect(credits.count == 3)
        let re1 = try invoiceID(store, "RE-1")
        for credit in credits {
            try store.recordAllocation(transactionID: credit.id, invoiceID: re1, amount: credit.amount, method: "test",
                                       confidence: 100, evidence: "")
        }
        // P3 was allocated by mistake and reversed: it neither counts as a payment nor reduces the open amount.
        let mistaken = try #require(try store.allocations().first { $0.transactionID == credits[2].id })
        try store.reverseAllocation(id: mistaken.id, reason: "wrong invoice")

        let later = try #require(try overdue(store, "2026-11-20")["RE-1"])
        #expect(later.partialPayments == 2)
        #expect(later.lastPaymentDate == F.date("2026-11-12"))
        #expect(later.assessment.openAmount == F.money(50_000))
        #expect(later.email == "ap@muster.example")

        // As of 10 November only the first payment had been booked.
        let earlier = try #require(try overdue(store, "2026-11-10")["RE-1"])
        #expect(earlier.partialPayments == 1)
        #expect(earlier.lastPaymentDate == F.date("2026-11-05"))
        #expect(earlier.assessment.openAmount == F.money(70_000))
        #expect(earlier.assessment.stage == .reminder)
    }

    @Test func paidAndNotYetDueInvoicesAreLeftOut() throws {
        let (_, store) = try seeded()
        _ = try store.importStatements([F.file("s", [F.statement(day: "2026-11-03", entries: [F.credit(20_000, on: "2026-11-03", reference: "P1")])])])
        let credit = try #require(try store.unallocatedCredits().first)
        try store.recordAllocation(transactionID: credit.id, invoiceID: try invoiceID(store, "RE-2"), amount: credit.amount,
                                   method: "test", confidence: 100, evidence: "")
        let items = try overdue(store, "2026-11-20")
        #expect(Set(items.keys) == ["RE-1"])
        #expect(try overdue(store, "2026-11-01").isEmpty)
        // RE-2 was paid on 3 November: still overdue as of 2 November.
        #expect(Set(try overdue(store, "2026-11-02").keys) == ["RE-1", "RE-2"])
        #expect(Set(try overdue(store, "2026-12-02").keys) == ["RE-1", "RE-3"])
        #expect(Set(try overdue(store, "2026-12-02", customer: "C2").keys) == ["RE-3"])
        #expect(Set(try overdue(store, "2026-12-02", minimumDays: 2).keys) == ["RE-1"])
    }

    @Test func extensionsPlansAndHoldsWithTheirHistory() throws {
        let (_, store) = try seeded()
        try store.extendInvoice("RE-1", to: F.date("2026-12-15"), reason: "customer asked")
        #expect(try overdue(store, "2026-11-20")["RE-1"] == nil)
        #expect(try overdue(store, "2026-12-16")["RE-1"]?.assessment.daysOverdue == 1)
        #expect(throws: LedgerError.self) { try store.extendInvoice("RE-1", to: F.date("2026-10-01"), reason: "earlier") }
        #expect(throws: LedgerError.self) { try store.extendInvoice("NOPE", to: F.date("2027-01-01"), reason: "x") }

        let plan = InstallmentPlan(count: 2, interval: .months(1), firstDueDate: F.date("2026-12-01"))
        try store.planInvoice("RE-2", plan: plan, reason: "cash flow")
        #expect(try overdue(store, "2026-11-20")["RE-2"] == nil)
        let late = try #require(try overdue(store, "2026-12-05")["RE-2"])
        #expect(late.assessment.overdueAmount == F.money(10_000))
        #expect(late.assessment.installment?.number == 1)
        #expect(throws: LedgerError.self) { try store.extendInvoice("RE-2", to: F.date("2027-03-01"), reason: "with a plan") }
        try store.cancelPlan("RE-2")
        #expect(try overdue(store, "2026-11-20")["RE-2"]?.assessment.overdueAmount == F.money(20_000))

        try store.holdInvoice("RE-3", reason: "goods damaged")
        #expect(throws: LedgerError.self) { try store.holdInvoice("RE-3", reason: "again") }
        let held = try #require(try overdue(store, "2027-01-20")["RE-3"])
        #expect(held.hold && held.assessment.stage == nil && held.holdReason == "goods damaged" && held.claims == nil)
        try store.releaseInvoice("RE-3", reason: "credit note agreed")
        #expect(throws: LedgerError.self) { try store.releaseInvoice("RE-3") }
        let released = try #require(try overdue(store, "2027-01-20")["RE-3"])
        #expect(!released.hold && released.assessment.stage == .collection)

        #expect(try store.arrangementHistory(invoiceNumber: "RE-2").map(\.kind) == [.plan, .planCancel])
        #expect(try store.arrangementHistory(invoiceNumber: "RE-2").first?.plan == plan)
        let history = try store.arrangementHistory(invoiceNumber: "RE-3")
        #expect(history.map(\.kind) == [.hold, .release])
        #expect(history.map(\.reason) == ["goods damaged", "credit note agreed"])
        #expect(history.allSatisfy { $0.createdAt == "2026-04-28T10:00:00Z" && $0.createdByCommand == "recon test" })
        #expect(try store.arrangementHistory(invoiceNumber: "RE-1").first?.dueDate == F.date("2026-12-15"))
        let audit = try store.database.rows("SELECT summary FROM audit_log ORDER BY id") { $0.text(0) }
        #expect(audit.contains("invoices extend RE-1: due 2026-12-15 (was 2026-11-01); customer asked"))
        #expect(audit.contains("invoices hold RE-3: goods damaged"))
        #expect(audit.contains("invoices release RE-3: credit note agreed"))
        #expect(audit.filter { $0.hasPrefix("invoices plan RE-2") }.count == 2)
        // Append-only, like allocations.
        #expect(throws: DatabaseError.self) { try store.database.execute("DELETE FROM invoice_arrangements") }
    }

    @Test func pendingReviewByIBANNameOrCandidate() throws {
        let (_, store) = try seeded()
        _ = try store.importStatements([F.file("s", [F.statement(day: "2026-11-05", entries: [
            F.credit(5_000, on: "2026-11-05", reference: "A", payerIBAN: "DE02120300000000202051", payer: "Someone"),
            F.credit(6_000, on: "2026-11-05", reference: "B", payerIBAN: nil, payer: "EVA PRIVAT"),
            F.credit(7_000, on: "2026-11-05", reference: "C", payerIBAN: nil, payer: "Unknown"),
        ])])])
        let credits = try store.unallocatedCredits()
        #expect(try store.customersWithPendingReview().isEmpty)
        let byIBAN = try store.addReviewItem(transactionID: credits[0].id, reason: "amount differs")
        #expect(try store.customersWithPendingReview() == ["C1"])
        let byName = try store.addReviewItem(transactionID: credits[1].id, reason: "no reference")
        #expect(try store.customersWithPendingReview() == ["C1", "C2"])
        try store.resolveReviewItem(id: byIBAN, state: .ignored, resolution: "x")
        try store.resolveReviewItem(id: byName, state: .resolved, resolution: "x")
        #expect(try store.customersWithPendingReview().isEmpty)
        try store.addReviewItem(transactionID: credits[2].id, reason: "two candidates",
                                candidatesJSON: #"[{"invoice":"RE-3","score":60},{"invoice":"RE-999","score":40}]"#)
        #expect(try store.customersWithPendingReview() == ["C2"])
        let item = try #require(try overdue(store, "2026-12-10")["RE-3"])
        #expect(item.pendingReview && item.hold && item.holdReason == "pending review")
        #expect(item.assessment.stage == .reminder)
        #expect(try overdue(store, "2026-12-10")["RE-1"]?.pendingReview == false)
    }

    /// Candidates with escapes are read by SQLite's `json_tree`, the rest by `CandidateTexts`; texts
    /// outside the range of stored invoice numbers are never looked up, and never match.
    @Test func pendingReviewFromEscapedCandidatesAndTextsOutsideTheNumbers() throws {
        let (_, store) = try seeded()
        _ = try store.importStatements([F.file("s", [F.statement(day: "2026-11-05", entries: [
            F.credit(7_000, on: "2026-11-05", reference: "C", payerIBAN: nil, payer: "Unknown"),
            F.credit(8_000, on: "2026-11-05", reference: "D", payerIBAN: nil, payer: "Nobody"),
            F.credit(9_000, on: "2026-11-05", reference: "E", payerIBAN: nil, payer: "Nobody either"),
        ])])])
        let credits = try store.unallocatedCredits()
        let escapedNumber = try store.addReviewItem(transactionID: credits[0].id, reason: "x",
                                                    candidatesJSON: #"[{"note":"RE\u002D3"}]"#)
        #expect(try store.customersWithPendingReview() == ["C2"])
        try store.resolveReviewItem(id: escapedNumber, state: .ignored, resolution: "x")
        let escapedCustomer = try store.addReviewItem(transactionID: credits[1].id, reason: "x",
                                                      candidatesJSON: #"[{"customerId":"C\u0031"}]"#)
        #expect(try store.customersWithPendingReview() == ["C1"])
        try store.resolveReviewItem(id: escapedCustomer, state: .ignored, resolution: "x")
        try store.addReviewItem(transactionID: credits[2].id, reason: "x",
                                candidatesJSON: #"["RE-0", "RE-4", "RE-1x", {"customer":"C2"}, {"customer":"C9"}]"#)
        #expect(try store.customersWithPendingReview() == ["C2"])
    }

    @Test func staleStatementsAreReported() throws {
        let (_, store) = try seeded()
        var report = try store.overdue(OverdueQuery(asOf: F.date("2026-11-24")))
        #expect(!report.hasStatements && report.staleAccounts.isEmpty)
        _ = try store.importStatements([F.file("s", [F.statement(day: "2026-11-20", entries: [])])])
        report = try store.overdue(OverdueQuery(asOf: F.date("2026-11-24")))
        #expect(report.hasStatements)
        #expect(report.staleAccounts == [StaleAccount(account: F.iban, lastDay: F.date("2026-11-20"))])
        #expect(try store.overdue(OverdueQuery(asOf: F.date("2026-11-20"))).staleAccounts.isEmpty)
        try store.setSetting("overdue.stale-after-days", to: "4")
        #expect(try store.overdue(OverdueQuery(asOf: F.date("2026-11-24"))).staleAccounts.isEmpty)
        #expect(try store.overdue(OverdueQuery(asOf: F.date("2026-11-25"))).staleAccounts.count == 1)
    }

    @Test func claimsUseTheCustomerTypeAndTheEnteredRates() throws {
        let (_, store) = try seeded()
        try store.setInterestRate(InterestRate(kind: .commercial, effectiveFrom: F.date("2026-07-01"),
                                               annualPercent: try #require(DecimalNumber("10.15"))))
        var items = try overdue(store, "2026-12-31")
        // RE-1: 1,000.00 from 2 Nov to 31 Dec = 60 days at 10.15 %: 100000 × 1015 × 60 / 3650000 = 1668.49 cents.
        let business = try #require(items["RE-1"]?.claims)
        #expect(business.interest == .amount(F.money(1_668)))
        #expect(business.collectionCosts == F.money(15_000))
        // RE-3 belongs to a consumer and no consumer rate was entered: no number, but the day it is missing from.
        let consumer = try #require(try overdue(store, "2026-12-20")["RE-3"])
        #expect(consumer.assessment.stage == .call)
        #expect(consumer.claims == nil)
        items = try overdue(store, "2027-01-15")
        #expect(items["RE-3"]?.claims?.interest == .missingRate(from: F.date("2026-12-02")))
        #expect(items["RE-3"]?.claims?.collectionCosts == F.money(7_500))
        try store.setInterestRate(InterestRate(kind: .consumer, effectiveFrom: F.date("2026-07-01"),
                                               annualPercent: try #require(DecimalNumber("4"))))
        // 500.00 × 4 % × 45 days (2 Dec – 15 Jan) / 365 = 246.58 cents.
        #expect(try overdue(store, "2027-01-15")["RE-3"]?.claims?.interest == .amount(F.money(247)))
        #expect(try store.interestRates().count == 2)
        #expect(throws: LedgerError.self) {
            try store.setInterestRate(InterestRate(kind: .consumer, effectiveFrom: F.date("2027-01-01"),
                                                   annualPercent: try #require(DecimalNumber("100.5"))))
        }
    }

    @Test func configKeysAreCheckedAndAudited() throws {
        let (_, store) = try seeded()
        #expect(try store.setting("dunning.reminder-days") == "1")
        #expect(try store.setSetting("dunning.reminder-days", to: "003") == "3")
        #expect(try store.dunningPolicy().reminderAfterDays == 3)
        #expect(throws: ConfigError.self) { try store.setting("dunning.reminder") }
        #expect(throws: ConfigError.self) { try store.setSetting("no.such-key", to: "1") }
        for bad in ["", "-1", "1.5", "ten", "99999"] {
            #expect(throws: ConfigError.self) { try store.setSetting("dunning.call-days", to: bad) }
        }
        // Thresholds must keep increasing: a call before the reminder is refused and nothing is stored.
        #expect(throws: ConfigError.self) { try store.setSetting("dunning.call-days", to: "2") }
        #expect(try store.setting("dunning.call-days") == "14")
        try store.setSetting("dunning.collection-days", to: "60")
        #expect(try overdue(store, "2026-12-30")["RE-1"]?.assessment.stage == .finalNotice)
        try store.resetSetting("dunning.collection-days")
        #expect(try store.settings().first { $0.name == "dunning.collection-days" }?.isDefault == true)
        let audit = try store.database.rows("SELECT summary FROM audit_log WHERE summary LIKE 'config%' ORDER BY id") { $0.text(0) }
        #expect(audit == ["config set dunning.reminder-days = 3", "config set dunning.collection-days = 60",
                          "config unset dunning.collection-days"])
    }

    @Test func statementOfAccount() throws {
        let (_, store) = try seeded()
        _ = try store.importStatements([F.file("s", [F.statement(day: "2026-11-05", entries: [
            F.credit(25_000, on: "2026-11-05", reference: "A"),
            F.credit(1_500, on: "2026-11-06", reference: "B"),
            F.credit(9_000, on: "2026-11-07", reference: "C", payerIBAN: nil, payer: "Other"),
        ])])])
        let credits = try store.unallocatedCredits()
        // 250.00 from C1's IBAN: 200.00 settles RE-2, 50.00 stays on account; 15.00 is not allocated at all.
        try store.recordAllocation(transactionID: credits[0].id, invoiceID: try invoiceID(store, "RE-2"), amount: F.money(20_000),
                                   method: "test", confidence: 100, evidence: "")
        let account = try #require(try store.customerAccount(id: "C1"))
        #expect(account.openItems.map(\.invoice.invoiceNumber) == ["RE-1"])
        #expect(account.payments.map(\.amount) == [F.money(25_000), F.money(1_500)])
        #expect(account.payments[0].allocations.map(\.invoice) == ["RE-2"])
        #expect(account.creditOnAccount == [F.money(6_500)])
        #expect(account.customer.ibans == ["DE02120300000000202051"])
        #expect(try store.customerAccount(id: "C2")?.payments.isEmpty == true)
        #expect(try store.customerAccount(id: "nobody") == nil)
        let summaries = try store.customerSummaries()
        #expect(summaries.map(\.openInvoices) == [1, 1])
        #expect(summaries.first?.openTotals == [F.money(100_000)])
    }

    @Test func runningTotalsAlwaysAgreeWithTheBalancesView() throws {
        let (temporary, store) = try seeded()
        _ = try store.importStatements([F.file("s", [F.statement(day: "2026-11-05", entries: [
            F.credit(30_000, on: "2026-11-05", reference: "A"), F.credit(20_000, on: "2026-11-06", reference: "B"),
        ])])])
        let credits = try store.unallocatedCredits()
        let first = try store.recordAllocation(transactionID: credits[0].id, invoiceID: try invoiceID(store, "RE-1"),
                                               amount: F.money(30_000), method: "t", confidence: 100, evidence: "")
        try store.recordAllocation(transactionID: credits[1].id, invoiceID: try invoiceID(store, "RE-2"),
                                   amount: F.money(20_000), method: "t", confidence: 100, evidence: "")
        try store.reverseAllocation(id: first, reason: "wrong")
        try store.recordAllocation(transactionID: nil, invoiceID: try invoiceID(store, "RE-3"), amount: F.money(1_000),
                                   kind: .writeOff, method: "t", confidence: 100, evidence: "")
        // An amount changed by a later import, and a new invoice.
        let csv = Self.header + "RE-3,C2,Eva Privat,,2026-11-01,2026-12-01,450.00,,,consumer\nRE-4,C2,Eva Privat,,2026-11-01,2026-12-01,10.00,,,\n"
        _ = try store.importInvoices(bytes: Array(csv.utf8), file: "inv2.csv")
        let mismatches = try store.database.integer("""
            SELECT count(*) FROM invoice_balances b LEFT JOIN invoice_totals o ON o.invoice_id = b.invoice_id
            WHERE o.invoice_id IS NULL OR o.amount_minor <> b.amount_minor OR o.allocated_minor <> b.allocated_minor
            """)
        #expect(mismatches == 0)
        #expect(try store.database.integer("SELECT count(*) FROM invoice_totals") == 4)
        #expect(try store.database.integer("SELECT count(*) FROM invoice_totals WHERE amount_minor > allocated_minor") == 3)
        let reopened = try temporary.open()
        #expect(try reopened.overdue(OverdueQuery(asOf: F.date("2026-12-10"))).items.map(\.invoiceNumber) == ["RE-1", "RE-3", "RE-4"])
    }

    @Test func migratingASchemaOneFileFillsInTheTotals() throws {
        let temporary = try TemporaryDatabase()
        do {
            let database = try Database(path: temporary.path)
            try database.execute(Migration1.sql)
            try database.execute("""
                INSERT INTO customers (id, name) VALUES ('C1', 'A');
                INSERT INTO invoices (id, invoice_number, customer_id, issue_date, due_date, currency, amount_minor, created_at, updated_at)
                VALUES (1, 'RE-1', 'C1', '2026-01-01', '2026-02-01', 'EUR', 10000, 'x', 'x'),
                       (2, 'RE-2', 'C1', '2026-01-01', '2026-02-01', 'EUR', 5000, 'x', 'x');
                INSERT INTO allocations (invoice_id, amount_minor, currency, kind, method, confidence, created_at, created_by_command)
                VALUES (2, 5000, 'EUR', 'write-off', 'm', 100, '2026-01-05T00:00:00Z', 'x');
                PRAGMA user_version = 1;
                """)
        }
        let store = try temporary.open()
        #expect(try store.schemaVersion() == Migrator.migrations.count)
        #expect(try store.database.integer("SELECT allocated_minor FROM invoice_totals WHERE invoice_id = 2") == 5000)
        #expect(try store.overdue(OverdueQuery(asOf: F.date("2026-03-01"))).items.map(\.invoiceNumber) == ["RE-1"])
    }
}
