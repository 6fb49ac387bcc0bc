import Foundation
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

    /// Holds another connection's write lock on a thread of its own for a while.
    private final class LockHolder: @unchecked Sendable {
        let database: Database
        init(path: String) throws { database = try Database(path: path) }
    }

    @Test("a write kept waiting says so once, after a second, and goes through when the lock is free")
    func waitingIsAnnounced() throws {
        let temporary = try TemporaryDatabase()
        final class Notices: @unchecked Sendable { var count = 0 }
        let notices = Notices()
        let store = try LedgerStore(path: temporary.path, commandLine: "recon test", clock: .fixed("2026-04-28T10:00:00Z"),
                                    busyTimeoutMilliseconds: 20_000, waitNotice: { notices.count += 1 })
        let holder = try LockHolder(path: temporary.path)
        try holder.database.execute("BEGIN IMMEDIATE")
        let released = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 1.6)
            try? holder.database.execute("COMMIT")
            released.signal()
        }
        try store.inTransaction(summary: "after the wait") {}
        released.wait()
        #expect(notices.count == 1)
        // A write that finds the lock free says nothing.
        try store.inTransaction(summary: "no wait") {}
        #expect(notices.count == 1)
    }
}
