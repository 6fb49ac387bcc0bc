/// A booking decided but not yet written: compact, so that a scenario with a million invoices
/// keeps only these until the day they are written.
struct PlannedBooking: Sendable {
    enum Kind: Sendable {
        /// A customer's transfer for one or more invoices.
        case invoicePayment(RemittanceStyle)
        /// A direct-debit collection for `invoices`.
        case directDebitBatch
        /// A returned direct debit for the one invoice in `invoices`.
        case directDebitReturn(reason: String)
        case interest
        case supplierRefund
        case stranger
        case rent
        case salary
        case supplierPayment
        case bankCharges
    }

    /// What the payer wrote.
    enum RemittanceStyle: Sendable {
        case structuredReference
        case invoiceNumber
        case severalInvoices
        case firstPart
        case remainder
        case prepayment
        case nothing
    }

    enum AccountChoice: Sendable {
        case abnAmro
        case ing
    }

    var kind: Kind
    var account: AccountChoice
    /// Index of the paying customer, or -1.
    var customer: Int = -1
    /// Indices of the invoices this booking pays (or collects, or returns).
    var invoices: [Int] = []
    /// How much of each invoice it pays, parallel to `invoices`.
    var allocations: [Int64] = []
    /// The booked amount in cents.
    var amount: Int64
    /// The truth file's `case` column.
    var caseName: String
    var note: String = ""
    /// Seeds the text choices made when the booking is written.
    var salt: UInt64
}
