/// What to do about a returned or reversed payment.
public enum ReturnDecision: Hashable, Sendable {
    /// Exactly one earlier payment is identified: undo all its allocations.
    case undo(paymentID: String, allocations: [PriorAllocation], evidence: [String])
    /// No single earlier payment is certain; the ids are the payments that could be meant (maybe none).
    case review(candidatePaymentIDs: [String], reason: String)
    /// The booking is not a return of an incoming payment.
    case notAReturn
}
