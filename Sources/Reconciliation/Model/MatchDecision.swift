/// What to do with one payment.
public enum MatchDecision: Hashable, Sendable {
    /// The evidence is strong and unambiguous: book these allocations without asking.
    case autoAllocate([ProposedAllocation])
    /// A person decides; candidates are ranked best first (possibly none).
    case review([Candidate])
    /// The booking is not an incoming invoice payment.
    case notAPayment(NotAPaymentReason)

    /// The allocations when automatic, else `nil`.
    public var automaticAllocations: [ProposedAllocation]? {
        if case .autoAllocate(let allocations) = self { return allocations }
        return nil
    }

    /// The review candidates when the decision is left to a person, else `nil`.
    public var reviewCandidates: [Candidate]? {
        if case .review(let candidates) = self { return candidates }
        return nil
    }
}

/// Why a booking is not matched against invoices.
public enum NotAPaymentReason: String, Hashable, Sendable, CustomStringConvertible {
    /// Money going out: never an invoice payment.
    case debit
    /// A return or reversal of an earlier payment: see ``ReturnMatcher``.
    case returnOrReversal
    /// Nothing was paid.
    case zeroAmount

    public var description: String {
        switch self {
        case .debit: return "debit: money going out is not an invoice payment"
        case .returnOrReversal: return "return or reversal of an earlier payment"
        case .zeroAmount: return "zero amount"
        }
    }
}
