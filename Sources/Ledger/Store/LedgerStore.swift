#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The recon database: the one place that knows SQL.
///
/// Commands and the matching step talk to this type only; it hands out Swift values and takes
/// Swift values, never SQL or C types. Every method that writes runs in one `BEGIN IMMEDIATE`
/// transaction, so two recon processes on one file take turns instead of failing.
public final class LedgerStore {
    let database: Database
    let clock: Clock
    /// What goes into `audit_log.command` and `allocations.created_by_command`.
    public var commandLine: String

    /// The default file when neither `--db` nor `RECON_DB` is given.
    public static let defaultPath = "./recon.sqlite"

    /// How long a command waits for the write lock while another command holds it.
    ///
    /// Commands take turns, and some turns are long: importing 100,000 invoices takes about 15 s,
    /// 60,000 credits against 100,000 invoices about a minute (`Benchmarks/BENCHMARKS.md`). A
    /// review decision made meanwhile has to wait for them, not fail with "database is locked";
    /// the bound still ends the wait behind a process that hangs.
    public static let defaultBusyTimeoutMilliseconds: Int32 = 600_000

    /// Opens the database at `path`, creating and migrating it when needed.
    ///
    /// - Throws: `DatabaseError` when the file cannot be opened or is not a database,
    ///   `LedgerError.schemaTooNew` when a newer recon wrote it.
    /// - Parameter waitNotice: called once, when the store has waited a second for another
    ///   process's lock (the command line says so, rather than seem to hang).
    public init(path: String, commandLine: String = "recon", clock: Clock = .system,
                busyTimeoutMilliseconds: Int32 = LedgerStore.defaultBusyTimeoutMilliseconds,
                waitNotice: (() -> Void)? = nil) throws {
        let database = try Database(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds, waitNotice: waitNotice)
        try database.execute("PRAGMA foreign_keys = ON")
        // WAL lets readers (a listing) run while another process imports.
        let mode = try LedgerStore.switchToWAL(database, waitingUpTo: busyTimeoutMilliseconds)
        if mode.lowercased() != "wal" && mode.lowercased() != "memory" {
            throw DatabaseError(extendedCode: 1, message: "cannot switch to WAL journal mode (got '\(mode)')", sql: nil)
        }
        try Migrator.migrate(database)
        self.database = database
        self.clock = clock
        self.commandLine = commandLine
    }

    /// The schema version of the open file.
    public func schemaVersion() throws -> Int { try Migrator.version(of: database) }

    /// Runs `body` in one write transaction; nothing it wrote survives when it throws.
    ///
    /// Inside `inTransaction` the outer transaction is reused, so a caller can group many writes.
    func write<T>(_ body: () throws -> T) throws -> T {
        if database.isInTransaction { return try body() }
        return try database.immediateTransaction(body)
    }

    /// Runs the queries of `body` on one snapshot of the database (inside a write transaction, on
    /// that transaction). Only for reading: a write in `body` could not take the lock it needs.
    func read<T>(_ body: () throws -> T) throws -> T {
        if database.isInTransaction { return try body() }
        return try database.readTransaction(body)
    }

    /// Groups several writes (allocations, review items…) into one transaction that commits only
    /// when `body` returns, with one audit-log line when `summary` is given.
    public func inTransaction<T>(summary: String? = nil, _ body: () throws -> T) throws -> T {
        try write {
            let result = try body()
            if let summary { try audit(summary) }
            return result
        }
    }

    /// Lets SQLite keep up to 64 MiB of pages for a bulk write (an invoice file, a statement import).
    ///
    /// Such a write touches index pages all over a large database; with the default 2 MB cache they
    /// are written out to the WAL and read back again many times before the commit (for 100,000
    /// invoices a quarter of the import's CPU was that system time). Memory is taken only as pages
    /// are used, so small imports stay small.
    func useBulkWriteCache() throws {
        try database.execute("PRAGMA cache_size = -65536")
    }

    /// Records a data-changing command; call inside the same write transaction as the change.
    func audit(_ summary: String) throws {
        try database.execute("INSERT INTO audit_log (at, command, summary) VALUES (?, ?, ?)",
                             [.text(clock.now()), .text(commandLine), .text(summary)])
    }

    /// Row counts of every table, for summaries and tests.
    public func rowCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in LedgerStore.tables {
            counts[table] = Int(try database.integer("SELECT count(*) FROM \(table)"))
        }
        return counts
    }

    /// Every row of every table as text, in a stable order: a full picture of the stored data.
    public func dump() throws -> [String] {
        var lines: [String] = []
        for table in LedgerStore.tables {
            let rows = try database.rows("SELECT * FROM \(table) ORDER BY 1, 2") { row in
                var fields: [String] = []
                for column in 0..<row.columnCount {
                    switch row.value(column) {
                    case .null: fields.append("NULL")
                    case .integer(let value): fields.append(String(value))
                    case .text(let value): fields.append("'\(value)'")
                    }
                }
                return "\(table): " + fields.joined(separator: "|")
            }
            lines.append(contentsOf: rows)
        }
        return lines
    }

    /// The tables in dependency order.
    public static let tables = [
        "accounts", "imported_files", "statements", "statement_balances", "transactions", "customers",
        "customer_ibans", "customer_aliases", "invoices", "allocations", "review_items", "config", "audit_log",
        "customer_credits", "transaction_returns",
        "invoice_arrangements", "interest_rates", "invoice_totals",
    ]

    /// Puts the database in WAL mode and returns the journal mode it ends up in.
    ///
    /// Changing the journal mode needs the file to itself, and SQLite answers `SQLITE_BUSY` at once,
    /// without its busy handler, when another process opens the same new file at that moment; so
    /// the switch is retried for as long as any other wait would be.
    static func switchToWAL(_ database: Database, waitingUpTo milliseconds: Int32) throws -> String {
        let current = try database.firstRow("PRAGMA journal_mode") { $0.text(0) } ?? ""
        if current.lowercased() == "wal" { return current }
        var waited: Int32 = 0
        while true {
            do throws(DatabaseError) {
                return try database.firstRow("PRAGMA journal_mode = WAL") { $0.text(0) } ?? ""
            } catch {
                guard error.extendedCode & 0xFF == 5, waited < milliseconds else { throw error }
                usleep(20_000)
                waited += 20
            }
        }
    }
}
