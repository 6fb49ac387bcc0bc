import BankStatements
import Testing
@testable import Ledger

/// Migration 4 gives `invoice_totals` the due date the overdue list selects its candidates by.
@Suite struct OverdueDueDateMigrationTests {
    typealias F = StatementFixtures

    /// A ledger written with plain SQL so the same rows can go into a schema-3 file and a new one:
    /// a partial payment, a mistaken allocation reversed, a payment booked after some as-of days, a
    /// write-off without a transaction, a plan whose installments fall due before the invoice's own
    /// due date, a hold, an extension, an open review item naming an invoice, and a rate.
    static let rows = """
        INSERT INTO accounts (id, account_key, iban, currency) VALUES (1, 'NL91ABNA0417164300 EUR', 'NL91ABNA0417164300', 'EUR');
        INSERT INTO imported_files (id, sha256, path, size, imported_at, statements, transactions_added)
        VALUES (1, 'f1', 's.xml', 1, '2026-12-20T00:00:00Z', 1, 4);
        INSERT INTO statements (id, account_id, statement_key, format, intraday, period_start, period_end, entry_count, balances_ok,
            verification, file_id, file_sha256, source_line)
        VALUES (1, 1, 'S1', 'camt.053', 0, '2026-11-01', '2026-12-19', 4, 1, 'ok', 1, 'f1', 1);
        INSERT INTO customers (id, name, email, type) VALUES ('C1', 'Muster GmbH', 'ap@muster.example', 'business'),
            ('C2', 'Eva Privat', NULL, 'consumer');
        INSERT INTO customer_ibans (customer_id, iban) VALUES ('C2', 'DE02120300000000202051');
        INSERT INTO invoices (id, invoice_number, customer_id, issue_date, due_date, currency, amount_minor, created_at, updated_at) VALUES
            (1, 'RE-1', 'C1', '2026-10-01', '2026-11-01', 'EUR', 100000, 'x', 'x'),
            (2, 'RE-2', 'C1', '2026-10-01', '2026-11-01', 'EUR', 20000, 'x', 'x'),
            (3, 'RE-3', 'C2', '2026-11-01', '2026-12-01', 'EUR', 50000, 'x', 'x'),
            (4, 'RE-4', 'C1', '2026-10-15', '2027-02-01', 'EUR', 30000, 'x', 'x'),
            (5, 'RE-5', 'C1', '2026-09-01', '2026-10-01', 'EUR', 10000, 'x', 'x'),
            (6, 'RE-6', 'C1', '2026-09-15', '2026-10-15', 'EUR', 40000, 'x', 'x'),
            (7, 'RE-7', 'C2', '2026-10-10', '2026-11-10', 'EUR', 5000, 'x', 'x'),
            (8, 'RE-8', 'C2', '2026-10-10', '2026-11-10', 'EUR', 7000, 'x', 'x');
        INSERT INTO transactions (id, account_id, statement_id, fingerprint, booking_date, value_date, amount_minor, currency, direction,
            reversal, status, counterparty_iban, entry_position) VALUES
            (1, 1, 1, 'a', '2026-11-05', '2026-11-05', 30000, 'EUR', 'CRDT', 0, 'BOOK', NULL, 1),
            (2, 1, 1, 'b', '2026-12-10', '2026-12-10', 20000, 'EUR', 'CRDT', 0, 'BOOK', NULL, 2),
            (3, 1, 1, 'c', '2026-11-06', '2026-11-06', 5000, 'EUR', 'CRDT', 0, 'BOOK', NULL, 3),
            (4, 1, 1, 'd', '2026-11-07', '2026-11-07', 6000, 'EUR', 'CRDT', 0, 'BOOK', 'NL02ABNA0123456789', 4);
        INSERT INTO allocations (id, transaction_id, invoice_id, amount_minor, currency, kind, method, confidence,
            reverses_allocation_id, created_at, created_by_command) VALUES
            (1, 1, 1, 30000, 'EUR', 'payment', 'reference', 100, NULL, '2026-11-05T09:00:00Z', 'recon import'),
            (2, 2, 2, 20000, 'EUR', 'payment', 'reference', 100, NULL, '2026-12-10T09:00:00Z', 'recon import'),
            (3, 3, 1, 5000, 'EUR', 'payment', 'name', 80, NULL, '2026-11-06T09:00:00Z', 'recon import'),
            (4, 3, 1, -5000, 'EUR', 'reversal', 'manual', 100, 3, '2026-11-08T09:00:00Z', 'recon undo'),
            (5, NULL, 5, 10000, 'EUR', 'write-off', 'manual', 100, NULL, '2026-10-20T09:00:00Z', 'recon write-off');
        INSERT INTO review_items (transaction_id, state, reason, candidates, created_at)
        VALUES (4, 'open', 'no match', '[{"invoices":"RE-8","customer":"C2"}]', '2026-11-07T09:00:00Z');
        INSERT INTO invoice_arrangements (invoice_id, kind, due_date, installments, plan_interval, reason, created_at, created_by_command) VALUES
            (4, 'plan', '2026-11-15', 3, '1m', '', 'x', 'x'),
            (6, 'hold', NULL, NULL, NULL, 'disputed', 'x', 'x'),
            (7, 'extension', '2026-12-20', NULL, NULL, '', 'x', 'x');
        INSERT INTO interest_rates (kind, effective_from, annual_percent, entered_at) VALUES ('commercial', '2026-01-01', '10.15', 'x');
        """

    static let days = ["2026-10-10", "2026-11-20", "2026-12-01", "2026-12-15", "2027-03-01"]

    private func reports(_ store: LedgerStore) throws -> [OverdueReport] {
        try Self.days.map { try store.overdue(OverdueQuery(asOf: F.date($0))) }
    }

    @Test func aMigratedSchemaThreeFileListsWhatANewFileLists() throws {
        let old = try TemporaryDatabase()
        do {
            let database = try Database(path: old.path)
            try database.execute(Migration1.sql + Migration2.sql + Migration3.sql + Self.rows + "PRAGMA user_version = 3;")
            #expect(try database.integer("SELECT count(*) FROM pragma_table_info('invoice_totals') WHERE name = 'due_date'") == 0)
        }
        let migrated = try old.open()
        #expect(try migrated.schemaVersion() == 4)
        #expect(try migrated.database.integer("""
            SELECT count(*) FROM invoices i JOIN invoice_totals t ON t.invoice_id = i.id WHERE t.due_date IS i.due_date
            """) == 8)

        let new = try TemporaryDatabase()
        let fresh = try new.open()
        try fresh.database.execute(Self.rows)

        let listed = try reports(migrated)
        #expect(listed == (try reports(fresh)))
        // The comparison means something only if the list holds each kind of candidate.
        let onFirstOfDecember = listed[2].items.map(\.invoiceNumber)
        #expect(Set(onFirstOfDecember) == ["RE-1", "RE-2", "RE-4", "RE-6", "RE-8"])
        #expect(listed[2].items.first { $0.invoiceNumber == "RE-8" }?.pendingReview == true)
        #expect(listed[0].items.map(\.invoiceNumber).contains("RE-5"))
        #expect(!listed[3].items.map(\.invoiceNumber).contains("RE-2"))
    }

    @Test func aChangedDueDateMovesTheInvoiceInOrOutOfTheList() throws {
        let temporary = try TemporaryDatabase()
        let store = try temporary.open()
        let header = "invoice_number,customer_id,customer_name,customer_iban,issue_date,due_date,amount,customer_email,customer_phone,customer_type\n"
        _ = try store.importInvoices(bytes: Array((header + "RE-1,C1,Muster GmbH,,2026-10-01,2026-12-31,100.00,,,\n").utf8), file: "a.csv")
        #expect(try store.overdue(OverdueQuery(asOf: F.date("2026-12-01"))).items.isEmpty)
        _ = try store.importInvoices(bytes: Array((header + "RE-1,C1,Muster GmbH,,2026-10-01,2026-11-01,100.00,,,\n").utf8), file: "b.csv")
        #expect(try store.database.integer("SELECT count(*) FROM invoice_totals WHERE due_date = '2026-11-01'") == 1)
        #expect(try store.overdue(OverdueQuery(asOf: F.date("2026-12-01"))).items.map(\.invoiceNumber) == ["RE-1"])
        _ = try store.importInvoices(bytes: Array((header + "RE-1,C1,Muster GmbH,,2026-10-01,2027-01-15,100.00,,,\n").utf8), file: "c.csv")
        #expect(try store.overdue(OverdueQuery(asOf: F.date("2026-12-01"))).items.isEmpty)
    }
}
