import BankStatements

/// One line of money assignment proposed for a payment.
///
/// For one payment the lines of kind `.invoice` and `.customerCredit` add up to the payment
/// amount exactly; `.writeOff` lines close a shortfall and carry no money from the payment.
public struct ProposedAllocation: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// Money applied to an invoice (negative for a credit note used up).
        case invoice
        /// The difference of an under-payment within tolerance, written off on the invoice.
        case writeOff
        /// Money left unallocated on the customer as credit.
        case customerCredit
    }

    public var kind: Kind
    /// The invoice, or `nil` for customer credit.
    public var invoiceID: String?
    public var customerID: String
    public var amount: Money
    public var method: AllocationMethod
    /// 0–100: the score of the candidate this line belongs to.
    public var confidence: Int
    /// Why, in words a reviewer understands.
    public var evidence: [String]

    public init(kind: Kind, invoiceID: String?, customerID: String, amount: Money, method: AllocationMethod,
                confidence: Int, evidence: [String]) {
        self.kind = kind
        self.invoiceID = invoiceID
        self.customerID = customerID
        self.amount = amount
        self.method = method
        self.confidence = confidence
        self.evidence = evidence
    }
}
