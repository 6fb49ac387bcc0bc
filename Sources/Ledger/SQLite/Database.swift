import CSQLite

/// One SQLite connection: owns the `sqlite3*` and closes it when it goes away.
///
/// Not `Sendable`: a connection belongs to the one task that opened it. Two processes (or two
/// threads) each open their own and SQLite's file locks serialise them; see `immediateTransaction`.
final class Database {
    let handle: OpaquePointer
    let path: String
    /// How long a statement waits for a lock another connection holds.
    var busyTimeoutMilliseconds: Int32 { lockWait.limitMilliseconds }
    private let lockWait: LockWait

    /// Opens (creating if needed) the database at `path`.
    ///
    /// The corresponding C function is `sqlite3_open_v2`, with `SQLITE_OPEN_EXRESCODE` so errors carry
    /// extended codes. Related SQLite documentation: https://sqlite.org/c3ref/open.html
    /// - Parameter waitNotice: called once, when a statement has waited a second for another
    ///   connection's lock.
    init(path: String, busyTimeoutMilliseconds: Int32 = 10_000, waitNotice: (() -> Void)? = nil) throws(DatabaseError) {
        var raw: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &raw, flags, nil)
        guard code == SQLITE_OK, let opened = raw else {
            // SQLite allocates a handle even when opening fails; read its message, then free it.
            let message = raw.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "cannot open database"
            if let raw { sqlite3_close_v2(raw) }
            throw DatabaseError(extendedCode: code, message: "\(message): \(path)")
        }
        self.handle = opened
        self.path = path
        lockWait = LockWait(limitMilliseconds: busyTimeoutMilliseconds, notice: waitNotice)
        // The handler replaces `sqlite3_busy_timeout`; the connection keeps `lockWait` alive.
        sqlite3_busy_handler(opened, { context, attempt in
            guard let context else { return 0 }
            return Unmanaged<LockWait>.fromOpaque(context).takeUnretainedValue().shouldRetry(attempt: attempt) ? 1 : 0
        }, Unmanaged.passUnretained(lockWait).toOpaque())
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs SQL that returns no rows (several statements separated by `;` are allowed).
    func execute(_ sql: String) throws(DatabaseError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(message)
            throw DatabaseError(extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Runs one statement with `arguments` bound by position, returning no rows.
    func execute(_ sql: String, _ arguments: [SQLValue]) throws(DatabaseError) {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        while try statement.step() {}
    }

    /// Prepares one statement.
    func prepare(_ sql: String) throws(DatabaseError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// All rows of a query, each read by `row`.
    func rows<T>(_ sql: String, _ arguments: [SQLValue] = [], _ row: (Statement) throws(DatabaseError) -> T) throws(DatabaseError) -> [T] {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        var result: [T] = []
        while try statement.step() { result.append(try row(statement)) }
        return result
    }

    /// The first row of a query, or `nil` when there is none.
    func firstRow<T>(_ sql: String, _ arguments: [SQLValue] = [], _ row: (Statement) throws(DatabaseError) -> T) throws(DatabaseError) -> T? {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        return try statement.step() ? try row(statement) : nil
    }

    /// The integer in the first column of the first row (`SELECT count(*)…`), 0 when there is no row.
    func integer(_ sql: String, _ arguments: [SQLValue] = []) throws(DatabaseError) -> Int64 {
        try firstRow(sql, arguments) { $0.int64(0) } ?? 0
    }

    /// The rowid of the last successful `INSERT` on this connection.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last `INSERT`/`UPDATE`/`DELETE`.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    ///
    /// `IMMEDIATE` takes the write lock at the start, so a second writer waits (up to the busy
    /// timeout) at `BEGIN` instead of failing later with "database is locked" when a read
    /// transaction tries to upgrade (which the busy handler cannot resolve in WAL mode).
    ///
    /// When the wait runs out the error says so, rather than SQLite's "database is locked", which
    /// reads like damage.
    func immediateTransaction<T>(_ body: () throws -> T) throws -> T {
        try beginImmediate()
        return try transaction(body)
    }

    private func beginImmediate() throws(DatabaseError) {
        do {
            try execute("BEGIN IMMEDIATE")
        } catch {
            guard error.isBusy else { throw error }
            let wait = busyTimeoutMilliseconds % 1000 == 0 ? "\(busyTimeoutMilliseconds / 1000) s" : "\(busyTimeoutMilliseconds) ms"
            throw DatabaseError(extendedCode: error.extendedCode, message: "the database is busy: another process has been "
                                + "writing to it for longer than the \(wait) recon waits for its turn; try again when it has finished")
        }
    }

    /// Runs `body` inside `BEGIN … COMMIT` without taking the write lock.
    ///
    /// In WAL mode the first query fixes the snapshot and the later ones read that snapshot too,
    /// so a result assembled from several queries never mixes the states before and after
    /// another process's commit; writers are not held up meanwhile.
    func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        return try transaction(body)
    }

    /// Runs `body` in the transaction just begun: commits when it returns, rolls back when it throws.
    private func transaction<T>(_ body: () throws -> T) throws -> T {
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// `true` inside `BEGIN … COMMIT`. The corresponding C function is `sqlite3_get_autocommit`.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func error(sql: String?) -> DatabaseError {
        DatabaseError(extendedCode: sqlite3_extended_errcode(handle), message: lastMessage, sql: sql)
    }
}
