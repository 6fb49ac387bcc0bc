/// What one matching run did, for the command's summary and the audit log.
public struct MatchReport: Hashable, Sendable {
    /// Credits looked at.
    public var examined = 0
    /// Credits allocated automatically (fully or with customer credit / write-off).
    public var autoAllocated = 0
    /// Allocation rows written (payments and write-offs).
    public var allocationsBooked = 0
    /// Overpayment excesses kept on a customer.
    public var customerCredits = 0
    public var reviewOpened = 0
    /// Open review items whose suggestions were refreshed.
    public var reviewRefreshed = 0
    /// Open review items closed because the payment was now allocated automatically.
    public var reviewClosed = 0
    /// Returns and reversals that undid an earlier payment's allocations.
    public var returnsUndone = 0
    /// Returns whose original payment is unclear: sent to review.
    public var returnsToReview = 0
    /// Debits that are not returns: left unallocated, never queued.
    public var debitsSkipped = 0

    public init() {}

    public var summary: String {
        "\(examined) credit(s) examined, \(autoAllocated) allocated automatically (\(allocationsBooked) allocation(s), "
            + "\(customerCredits) customer credit(s)), \(reviewOpened) new and \(reviewRefreshed) refreshed review item(s), "
            + "\(reviewClosed) review item(s) closed, \(returnsUndone) return(s) undone, \(returnsToReview) return(s) to review"
    }
}
