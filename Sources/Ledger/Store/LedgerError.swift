/// Why the ledger refused to do something, apart from SQLite failures (`DatabaseError`).
public enum LedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file was written by a newer recon with a schema this build does not know.
    case schemaTooNew(found: Int, known: Int)
    /// An API call that contradicts the stored data (unknown id, currency mismatch…).
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .schemaTooNew(let found, let known):
            return "database schema version \(found) is newer than this recon understands (up to \(known)); "
                + "use a newer recon or another database (--db)"
        case .invalidRequest(let message):
            return message
        }
    }
}
