/// What happens to an invoice during the generated statement days. Days are indices into the
/// scenario's business days.
enum InvoiceFate: Sendable {
    /// Paid in full with the structured reference.
    case paidWithReference(day: Int)
    /// Paid in full with the invoice number typed into the description, in some spelling.
    case paidWithText(day: Int)
    /// Paid in one transfer together with the other invoices of the same group.
    case paidTogether(group: Int, day: Int)
    /// Paid in two parts on two days.
    case paidInParts(first: Int, second: Int)
    /// Paid with more than the invoice amount.
    case overpaid(day: Int)
    /// Paid a little short, as if the payer's bank took charges.
    case underpaid(day: Int)
    /// Collected in the direct-debit batch of `batchDay`; returned on `returnDay` when given.
    case directDebit(batchDay: Int, returnDay: Int?)
    /// Paid by a known customer with no reference at all: only the name tells who paid.
    case paidByNameOnly(day: Int)
    /// Paid before the invoice was issued, so it is missing from `invoices.csv`.
    case paidBeforeInvoiced(day: Int)
    /// Not paid and not yet due.
    case open
    /// Not paid, `days` days past its due date on the scenario's "today".
    case overdue(days: Int)

    /// `true` when the invoice is still open on "today" (the unrelated credits copy these amounts).
    var isUnpaid: Bool {
        switch self {
        case .open, .overdue: return true
        case .directDebit(_, let returnDay): return returnDay != nil
        default: return false
        }
    }
}
