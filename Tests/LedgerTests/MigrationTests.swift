import Foundation
import Testing
@testable import Ledger

@Suite struct MigrationTests {
    @Test func migratesAnEmptyFile() throws {
        let temporary = try TemporaryDatabase()
        _ = FileManager.default.createFile(atPath: temporary.path, contents: Data())
        let store = try temporary.open()
        #expect(try store.schemaVersion() == Migrator.latestVersion)
        let counts = try store.rowCounts()
        #expect(counts.count == LedgerStore.tables.count)
        #expect(counts.values.allSatisfy { $0 == 0 })
        let mode = try store.database.firstRow("PRAGMA journal_mode") { $0.text(0) }
        #expect(mode == "wal")
        #expect(try store.database.integer("PRAGMA foreign_keys") == 1)
        let strict = try store.database.integer("SELECT count(*) FROM pragma_table_list WHERE strict = 1 AND schema = 'main'")
        #expect(strict == Int64(LedgerStore.tables.count))
    }

    @Test func reopeningKeepsData() throws {
        let temporary = try TemporaryDatabase()
        do {
            let store = try temporary.open()
            try store.setConfigValue("30", for: "dunning.days")
        }
        let reopened = try temporary.open()
        #expect(try reopened.configValue("dunning.days") == "30")
        #expect(try reopened.schemaVersion() == Migrator.latestVersion)
    }

    @Test func refusesANewerSchema() throws {
        let temporary = try TemporaryDatabase()
        do {
            let database = try Database(path: temporary.path)
            try database.execute("PRAGMA user_version = \(Migrator.latestVersion + 1)")
        }
        #expect(throws: LedgerError.schemaTooNew(found: Migrator.latestVersion + 1, known: Migrator.latestVersion)) {
            _ = try temporary.open()
        }
        let error = LedgerError.schemaTooNew(found: 9, known: 1)
        #expect(error.description.contains("newer than this recon"))
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let temporary = try TemporaryDatabase()
        _ = FileManager.default.createFile(atPath: temporary.path, contents: Data(String(repeating: "not sqlite ", count: 20).utf8))
        #expect(throws: DatabaseError.self) { _ = try temporary.open() }
    }

    @Test func databaseErrorsLeaveBoundValuesOut() throws {
        let temporary = try TemporaryDatabase()
        let store = try temporary.open()
        try store.database.execute("INSERT INTO customers (id, name) VALUES (?, ?)", [.text("C1"), .text("Secret Name")])
        do {
            try store.database.execute("INSERT INTO customers (id, name) VALUES (?, ?)", [.text("C1"), .text("DE89370400440532013000")])
            Issue.record("duplicate key was accepted")
        } catch {
            #expect(error.extendedCode == 1555) // SQLITE_CONSTRAINT_PRIMARYKEY
            #expect(!error.description.contains("DE89370400440532013000"))
            #expect(error.description.contains("INSERT INTO customers"))
        }
    }
}
