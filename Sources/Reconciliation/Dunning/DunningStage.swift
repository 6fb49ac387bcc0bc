/// How far the chase for an unpaid invoice has escalated.
public enum DunningStage: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Overdue, but not yet long enough for the first reminder.
    case none
    /// A friendly reminder.
    case reminder
    /// Phone the customer.
    case call
    /// A formal notice with a last deadline; for consumers the Dutch statutory 14-day letter.
    case finalNotice = "final-notice"
    /// Hand over to a collection agency.
    case collection

    public static func < (lhs: DunningStage, rhs: DunningStage) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .none: return 0
        case .reminder: return 1
        case .call: return 2
        case .finalNotice: return 3
        case .collection: return 4
        }
    }

    /// The stage after this one, if any.
    public var next: DunningStage? {
        DunningStage.allCases.first { $0.rank == rank + 1 }
    }

    /// `true` from the final notice on, when statutory collection costs and interest may be claimed.
    public var allowsClaims: Bool { self >= .finalNotice }
}
