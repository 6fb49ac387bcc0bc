import BankStatements

/// An allocation booked earlier, with the identifiers of the payment it came from: what a return
/// or reversal is traced back to.
public struct PriorAllocation: Hashable, Sendable {
    public var allocationID: String
    public var paymentID: String
    /// The invoice, or `nil` for customer credit.
    public var invoiceID: String?
    public var amount: Money
    /// The whole amount of the original payment.
    public var paymentAmount: Money
    public var endToEndId: String?
    public var mandateId: String?
    /// The bank's reference of the original booking.
    public var bankReference: String?

    public init(allocationID: String, paymentID: String, invoiceID: String?, amount: Money, paymentAmount: Money,
                endToEndId: String? = nil, mandateId: String? = nil, bankReference: String? = nil) {
        self.allocationID = allocationID
        self.paymentID = paymentID
        self.invoiceID = invoiceID
        self.amount = amount
        self.paymentAmount = paymentAmount
        self.endToEndId = endToEndId
        self.mandateId = mandateId
        self.bankReference = bankReference
    }
}
