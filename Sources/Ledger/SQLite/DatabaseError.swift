/// A failed SQLite call: the extended result code, SQLite's message and the SQL that failed.
///
/// Bound values are deliberately not kept: they are IBANs, names and amounts, which must not end
/// up in logs or terminal output just because a statement failed.
public struct DatabaseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The extended result code, e.g. 2067 (`SQLITE_CONSTRAINT_UNIQUE`) or 5 (`SQLITE_BUSY`).
    public var extendedCode: Int32
    public var message: String
    /// The SQL text, when the failure belongs to one statement.
    public var sql: String?

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of the extended code).
    public var primaryCode: Int32 { extendedCode & 0xFF }

    /// `SQLITE_BUSY` or `SQLITE_LOCKED`: another connection holds the lock longer than we waited.
    public var isBusy: Bool { primaryCode == 5 || primaryCode == 6 }

    public var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql {
            // One line, and short: a failed migration would otherwise print the whole schema.
            let flat = sql.split(whereSeparator: \.isNewline).joined(separator: " ")
            text += " (in: \(flat.count > 160 ? String(flat.prefix(160)) + "…" : flat))"
        }
        return text
    }
}
