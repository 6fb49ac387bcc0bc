import Testing
@testable import Ledger

/// Commands take turns on the write lock; one that has waited as long as it may says why it gives up.
@Suite("Store: waiting for the write lock")
struct WriteLockWaitTests {
    @Test("a write that outwaits its busy timeout fails saying the database is busy, and writes nothing")
    func busyTimeoutRunsOut() throws {
        let temporary = try TemporaryDatabase()
        let store = try LedgerStore(path: temporary.path, commandLine: "recon test", clock: .fixed("2026-04-28T10:00:00Z"),
                                    busyTimeoutMilliseconds: 200)
        let before = try store.dump()
        let other = try Database(path: temporary.path)
        try other.execute("BEGIN IMMEDIATE")
        let error = try #require(throws: DatabaseError.self) { try store.inTransaction(summary: "never written") {} }
        try other.execute("COMMIT")
        #expect(error.isBusy)
        #expect(error.description.contains("the database is busy") && error.description.contains("200 ms")
                    && !error.description.contains("locked"), "\(error)")
        #expect(try store.dump() == before)

        // Once the other transaction has ended, the same write goes through.
        try store.inTransaction(summary: "written") {}
        #expect(try store.dump().count == before.count + 1)
    }
}
