/// Which kind of file a statement came from.
public enum StatementFormat: Hashable, Sendable, CustomStringConvertible {
    /// An ISO 20022 cash-management message; `message` is `052`, `053` or `054`, `version` the full
    /// version such as `001.08`.
    case camt(message: String, version: String)
    case mt940
    case mt942

    /// The name used in output: `camt.053.001.08`, `mt940`, `mt942`.
    public var name: String {
        switch self {
        case .camt(let message, let version): return "camt.\(message).\(version)"
        case .mt940: return "mt940"
        case .mt942: return "mt942"
        }
    }

    public var description: String { name }

    /// `true` for intraday reports (camt.052, MT942), whose entries a later statement books again.
    public var isIntraday: Bool {
        switch self {
        case .camt(let message, _): return message == "052"
        case .mt942: return true
        case .mt940: return false
        }
    }
}
