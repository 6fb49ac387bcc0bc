/// Why a piece of text is not a valid amount.
public enum AmountError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case invalidCharacter(text: String)
    case tooManyDecimals(text: String, allowed: Int)
    case overflow(text: String)

    public var description: String {
        switch self {
        case .empty:
            return "empty amount"
        case .invalidCharacter(let text):
            return "'\(text)' is not a decimal amount"
        case .tooManyDecimals(let text, let allowed):
            return "amount '\(text)' has more than \(allowed) significant decimal(s)"
        case .overflow(let text):
            return "amount '\(text)' is too large"
        }
    }
}
