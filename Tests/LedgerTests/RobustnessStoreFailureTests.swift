import Foundation
import Testing
import BankStatements
@testable import Ledger

/// A database that cannot be written, or fills up, fails with a clear error and keeps exactly what
/// it held before: every write is one transaction.
///
/// Both are simulated in a way that works as root (CI runs as root, where `chmod 444` stops
/// nothing): `PRAGMA query_only` makes the connection refuse writes, `PRAGMA max_page_count`
/// caps the file's size as a full disk would. Both are per connection and reached through the
/// store's internal `database`.
@Suite("Store: read-only and full databases")
struct RobustnessStoreFailureTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    static func sampleFiles() throws -> [StatementFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.path)
            .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".sta") }.sorted()
        return try names.map { try StatementFile.read(path: samples.appendingPathComponent($0).path) }
    }

    @Test("a read-only connection: the import fails with SQLite's read-only error and changes nothing")
    func readOnly() throws {
        let files = try Self.sampleFiles()
        #expect(files.count >= 20)
        let database = try TemporaryDatabase()
        let store = try database.open()
        _ = try store.importStatements(Array(files.prefix(2)))
        _ = try store.importInvoices(path: Self.samples.appendingPathComponent("invoices.csv").path)
        let before = try store.dump()

        try store.database.execute("PRAGMA query_only = ON")
        let error = try #require(throws: DatabaseError.self) { try store.importStatements(Array(files.dropFirst(2))) }
        #expect(error.primaryCode == 8, "\(error)")  // SQLITE_READONLY
        #expect(error.description.contains("readonly database"), "\(error)")
        #expect(throws: DatabaseError.self) {
            try store.importInvoices(path: Self.samples.appendingPathComponent("invoices-later.csv").path)
        }
        #expect(try store.dump() == before)
        #expect(!store.database.isInTransaction)

        // Writable again: the same import now succeeds.
        try store.database.execute("PRAGMA query_only = OFF")
        let report = try store.importStatements(Array(files.dropFirst(2)))
        #expect(report.transactionsAdded > 0)
    }

    @Test("a full disk in the middle of an import: SQLITE_FULL, nothing half-written, and a retry gives the uninterrupted result")
    func diskFull() throws {
        let files = try Self.sampleFiles()

        let reference = try TemporaryDatabase()
        let referenceStore = try reference.open()
        _ = try referenceStore.importStatements(Array(files.prefix(2)))
        _ = try referenceStore.importStatements(Array(files.dropFirst(2)))
        let expected = try referenceStore.dump()

        let database = try TemporaryDatabase()
        let store = try database.open()
        _ = try store.importStatements(Array(files.prefix(2)))
        let before = try store.dump()
        let pages = try store.database.integer("PRAGMA page_count")
        // Room for a page or two more: the rest of the samples need many more.
        _ = try store.database.integer("PRAGMA max_page_count = \(pages + 2)")
        let error = try #require(throws: DatabaseError.self) { try store.importStatements(Array(files.dropFirst(2))) }
        #expect(error.primaryCode == 13, "\(error)")  // SQLITE_FULL
        #expect(error.description.contains("database or disk is full"), "\(error)")
        #expect(try store.dump() == before)
        #expect(try store.database.firstRow("PRAGMA integrity_check") { $0.text(0) } == "ok")

        _ = try store.database.integer("PRAGMA max_page_count = 1073741823")
        _ = try store.importStatements(Array(files.dropFirst(2)))
        #expect(try store.dump() == expected)
    }

    @Test("a full disk while importing invoices: nothing written, the error names the cause")
    func diskFullInvoices() throws {
        let database = try TemporaryDatabase()
        let store = try database.open()
        let before = try store.dump()
        // 3,000 invoices need many more pages than the empty tables have.
        var csv = "invoice_number,customer_id,customer_name,issue_date,due_date,amount\n"
        for number in 1...3_000 {
            csv += "INV-\(number),C\(number % 300),Customer \(number % 300),2026-01-01,2026-02-01,\(number).50\n"
        }
        let pages = try store.database.integer("PRAGMA page_count")
        _ = try store.database.integer("PRAGMA max_page_count = \(pages + 1)")
        let error = try #require(throws: DatabaseError.self) {
            try store.importInvoices(bytes: Array(csv.utf8), file: "many.csv")
        }
        #expect(error.primaryCode == 13, "\(error)")
        #expect(try store.dump() == before)
    }
}
