import BankStatements

/// How far apart the installments of a payment plan fall: whole months or a number of days.
public enum InstallmentInterval: Hashable, Sendable, CustomStringConvertible {
    case months(Int)
    case days(Int)

    /// The longest gap a plan may have; anything longer is almost certainly a typo.
    static let maximumDays = 366

    /// Parses `1m`, `2w` or `30d`; `nil` for anything else or a gap of zero or more than a year.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.count <= 4, let unit = bytes.last else { return nil }
        var value = 0
        for byte in bytes.dropLast() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        switch unit {
        case UInt8(ascii: "m"): self = .months(value)
        case UInt8(ascii: "w"): self = .days(value * 7)
        case UInt8(ascii: "d"): self = .days(value)
        default: return nil
        }
        guard value > 0, approximateDays <= InstallmentInterval.maximumDays else { return nil }
    }

    private var approximateDays: Int {
        switch self {
        case .months(let count): return count * 30
        case .days(let count): return count
        }
    }

    /// The due date of installment `index` (0-based) when the first is due on `first`.
    ///
    /// Months count from the first date each time, so 31 January, 28 February, 31 March… never drifts
    /// to the 28th for the rest of the plan.
    public func date(ofInstallment index: Int, first: CalendarDate) -> CalendarDate {
        switch self {
        case .months(let count): return first.adding(months: count * index)
        case .days(let count): return first.adding(days: count * index)
        }
    }

    /// The text it was parsed from, in canonical form (`2w` reads back as `14d`).
    public var description: String {
        switch self {
        case .months(let count): return "\(count)m"
        case .days(let count): return "\(count)d"
        }
    }
}
