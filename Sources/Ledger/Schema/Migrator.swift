/// Brings a database file to the schema this build knows, one numbered migration at a time.
///
/// The version lives in `PRAGMA user_version`, which SQLite keeps in the file header: 0 for a new
/// or empty file. A file from a newer recon is refused rather than guessed at, because writing to a
/// schema we do not know could silently lose what the newer version relies on.
enum Migrator {
    /// The migrations in order; migration `n` (1-based) turns version `n - 1` into `n`.
    static let migrations: [String] = [Migration1.sql, Migration2.sql, Migration3.sql, Migration4.sql]

    static var latestVersion: Int { migrations.count }

    /// Applies the missing migrations inside one write transaction.
    static func migrate(_ database: Database) throws {
        let found = try version(of: database)
        if found > latestVersion { throw LedgerError.schemaTooNew(found: found, known: latestVersion) }
        if found == latestVersion { return }
        try database.immediateTransaction {
            // Another process may have migrated while we waited for the lock: read again.
            let current = try version(of: database)
            if current > latestVersion { throw LedgerError.schemaTooNew(found: current, known: latestVersion) }
            guard current < latestVersion else { return }
            for index in current..<latestVersion {
                try database.execute(migrations[index])
            }
            try database.execute("PRAGMA user_version = \(latestVersion)")
        }
    }

    static func version(of database: Database) throws(DatabaseError) -> Int {
        Int(try database.integer("PRAGMA user_version"))
    }
}
