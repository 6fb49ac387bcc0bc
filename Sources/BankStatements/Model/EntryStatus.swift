/// Whether an entry is final.
public enum EntryStatus: Hashable, Sendable, CustomStringConvertible {
    /// Booked: final, part of the balance (`BOOK`).
    case booked
    /// Pending: may still change or disappear (`PDNG`).
    case pending
    /// For information only, not booked (`INFO`).
    case information
    /// Any other status code (`FUTR` and future additions), kept as given.
    case other(String)

    public init(code: String) {
        switch code.uppercased() {
        case "BOOK": self = .booked
        case "PDNG": self = .pending
        case "INFO": self = .information
        default: self = .other(code)
        }
    }

    /// The ISO code: `BOOK`, `PDNG`, `INFO` or the code as given.
    public var code: String {
        switch self {
        case .booked: return "BOOK"
        case .pending: return "PDNG"
        case .information: return "INFO"
        case .other(let code): return code
        }
    }

    public var description: String { code }
}
