/// One possible explanation of a payment, offered for review: an invoice or a set of invoices.
public struct Candidate: Hashable, Sendable {
    /// The invoices, oldest due first (credit notes first).
    public var invoiceIDs: [String]
    public var customerID: String
    /// How the payment would be allocated if a person accepts this candidate.
    public var allocations: [ProposedAllocation]
    /// 0–100; higher is more likely.
    public var score: Int
    /// Each piece of evidence in words, contradictions marked as such.
    public var evidence: [String]

    public init(invoiceIDs: [String], customerID: String, allocations: [ProposedAllocation], score: Int,
                evidence: [String]) {
        self.invoiceIDs = invoiceIDs
        self.customerID = customerID
        self.allocations = allocations
        self.score = score
        self.evidence = evidence
    }
}
