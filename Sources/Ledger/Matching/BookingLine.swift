import BankStatements

/// One line of what a payment is booked as: money to an invoice, a write-off closing an invoice's
/// shortfall, or money kept on the customer as credit.
///
/// The automatic matcher and a person's review decision both end in these lines, so both are
/// validated and stored by the same code.
struct BookingLine: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case invoice
        case writeOff
        case customerCredit
    }

    var kind: Kind
    /// The invoice's row id; `nil` for customer credit.
    var invoiceID: Int64?
    var customerID: String
    /// Signed like the invoice (negative for a credit note); positive for write-off and credit.
    var amount: Money
    var method: String
    var confidence: Int
    var evidence: String
}

/// What one booking wrote, for reports and undo.
struct BookingResult: Hashable, Sendable {
    var allocationIDs: [Int64] = []
    var creditIDs: [Int64] = []
}
