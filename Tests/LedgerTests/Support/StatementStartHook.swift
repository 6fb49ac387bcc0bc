import CSQLite
@testable import Ledger

/// Runs an action when a store's connection starts a statement whose SQL contains a given text:
/// a way to let another connection commit between two queries of one read, deterministically.
///
/// Uses SQLite's statement trace (`sqlite3_trace_v2` with `SQLITE_TRACE_STMT`), which fires when
/// a statement begins to run. The action must not use the traced connection.
final class StatementStartHook {
    private let marker: String
    private let action: () throws -> Void
    private let handle: OpaquePointer
    private(set) var fired = 0
    private(set) var error: (any Error)?

    init(_ store: LedgerStore, whenSQLContains marker: String, _ action: @escaping () throws -> Void) {
        self.marker = marker
        self.action = action
        handle = store.database.handle
        sqlite3_trace_v2(handle, UInt32(SQLITE_TRACE_STMT), { _, context, statement, _ in
            guard let context, let statement, let sql = sqlite3_sql(OpaquePointer(statement)) else { return 0 }
            Unmanaged<StatementStartHook>.fromOpaque(context).takeUnretainedValue().started(String(cString: sql))
            return 0
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit { remove() }

    /// Stops tracing; the hook fires no more.
    func remove() { sqlite3_trace_v2(handle, 0, nil, nil) }

    private func started(_ sql: String) {
        guard sql.contains(marker) else { return }
        fired += 1
        do { try action() } catch { self.error = error }
    }
}
