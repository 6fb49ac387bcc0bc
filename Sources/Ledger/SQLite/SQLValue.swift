/// A value bound to or read from SQLite. Only the storage classes recon uses: money is integer
/// minor units and dates are text, so there is no `REAL` here on purpose.
enum SQLValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case text(String)

    static func int(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
    static func int64(_ value: Int64?) -> SQLValue { value.map { .integer($0) } ?? .null }
    static func string(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
    static func bool(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }
}
