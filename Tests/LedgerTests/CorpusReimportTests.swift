import Foundation
import Testing
import BankStatements
import ReconTestSupport
@testable import Ledger

/// Every statement file of the shared corpus, imported again, changes nothing.
@Suite(.enabled(if: Corpus.isAvailable, Corpus.skipReason))
struct CorpusReimportTests {
    static let files = Corpus.files(under: "camt") + Corpus.files(under: "mt940").filter { !$0.contains("_oracle") }

    /// The tables that hold bank data; `imported_files` and `audit_log` legitimately grow when a
    /// file with other bytes is imported.
    static let bankTables = ["accounts", "statements", "statement_balances", "transactions"]

    @Test(arguments: files)
    func reimportChangesNothing(file: String) throws {
        let path = Corpus.path(file)
        let first: StatementFile
        do {
            first = try StatementFile.read(path: path)
        } catch is StatementParseError {
            return  // Rejected on purpose; the parser tests check that rejection.
        }
        let database = try TemporaryDatabase()
        let store = try database.open()
        _ = try store.importStatements([first])
        let dump = try store.dump()
        let counts = try store.rowCounts()

        // The same bytes: recognised as the same file.
        _ = try store.importStatements([try StatementFile.read(path: path)])
        #expect(try store.dump() == dump, "\(file): importing the same file twice changed the database")

        // Other bytes with the same statements: every transaction must be recognised on its own.
        var bytes = try FileReading.readAll(path: path, maximumBytes: 1 << 26)
        bytes.append(contentsOf: Array("\n".utf8))
        let copy = try database.write("copy-" + URL(fileURLWithPath: file).lastPathComponent, bytes: bytes)
        _ = try store.importStatements([try StatementFile.read(path: copy)])
        let after = try store.rowCounts()
        for table in Self.bankTables {
            #expect(after[table] == counts[table], "\(file): \(table) grew from \(counts[table] ?? 0) to \(after[table] ?? 0) on re-import")
        }
    }
}
