import BankStatements

/// An invoice with what has been allocated to it, as the `invoice_balances` view derives it.
public struct InvoiceBalance: Hashable, Sendable {
    public var id: Int64
    public var invoiceNumber: String
    public var customerID: String
    public var customerName: String
    public var issueDate: CalendarDate?
    public var dueDate: CalendarDate?
    /// Negative for a credit note.
    public var amount: Money
    public var allocated: Money
    /// `amount - allocated`: what the customer still owes (negative when overpaid or for an unused credit note).
    public var openAmount: Money
    public var status: InvoiceStatus
    public var paymentReference: String?
}

/// Where an invoice stands, derived from its allocations and never stored.
///
/// Credit notes (negative amounts) are read the same way with signs mirrored: `open` while none of
/// the credit was used or refunded, `paid` when all of it was, `overpaid` when more was.
public enum InvoiceStatus: String, Hashable, Sendable, CaseIterable {
    /// Nothing allocated.
    case open
    /// Some, but not all, allocated.
    case partial
    /// Open amount zero.
    case paid
    /// More allocated than the amount.
    case overpaid
}
