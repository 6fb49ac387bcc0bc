import CSQLite

/// A prepared SQL statement; finalized when it goes away.
///
/// Holds a strong reference to its `Database` so the connection outlives its statements.
final class Statement {
    private let database: Database
    private let handle: OpaquePointer
    let sql: String

    /// The corresponding C function is `sqlite3_prepare_v2`.
    /// Related SQLite documentation: https://sqlite.org/c3ref/prepare.html
    init(database: Database, sql: String) throws(DatabaseError) {
        var raw: OpaquePointer?
        let code = sqlite3_prepare_v2(database.handle, sql, -1, &raw, nil)
        guard code == SQLITE_OK, let prepared = raw else {
            let error = database.error(sql: sql)
            if let raw { sqlite3_finalize(raw) }
            throw error
        }
        self.database = database
        self.handle = prepared
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `values` to parameters 1…n, after clearing any earlier run.
    func bind(_ values: [SQLValue]) throws(DatabaseError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value to the 1-based parameter `index`.
    func bind(_ value: SQLValue, at index: Int32) throws(DatabaseError) {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
        case .text(let text): code = sqlite3_bind_text(handle, index, text, -1, csqlite_transient())
        }
        if code != SQLITE_OK { throw database.error(sql: sql) }
    }

    /// Advances to the next row: `true` when a row is available, `false` when done.
    ///
    /// The corresponding C function is `sqlite3_step`. Related SQLite documentation:
    /// https://sqlite.org/c3ref/step.html
    func step() throws(DatabaseError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = database.error(sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Ends the current run, so a statement kept for reuse holds no read open between uses.
    func reset() { sqlite3_reset(handle) }

    /// Runs the statement once with `values`, for `INSERT`/`UPDATE`.
    func run(_ values: [SQLValue]) throws(DatabaseError) {
        try bind(values)
        while try step() {}
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    func text(_ column: Int32) -> String { optionalText(column) ?? "" }

    func optionalText(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Calls `body` with the column's text as SQLite holds it (empty for `NULL`), without copying it
    /// into a `String`; the bytes are valid only inside `body`.
    func withTextBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        guard let pointer = sqlite3_column_text(handle, column) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column))))
    }

    var columnCount: Int32 { sqlite3_column_count(handle) }

    /// The column's value in its own storage class (`REAL` and `BLOB` are rendered as text).
    func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(int64(column))
        default: return .text(text(column))
        }
    }
}
