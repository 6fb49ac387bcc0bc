import BankStatements

/// An invoice (or credit note) that still has money open.
public struct OpenInvoice: Hashable, Sendable {
    /// The ledger's key for the invoice.
    public var id: String
    /// The invoice number as printed on the invoice, e.g. `INV-2024-0042`.
    public var number: String
    public var customerID: String
    /// The invoice total, in the invoice's currency. Negative for a credit note.
    public var amount: Money
    /// What is still open after earlier allocations; negative for an unused credit note.
    public var openAmount: Money
    public var issueDate: CalendarDate?
    public var dueDate: CalendarDate?
    /// The structured payment reference printed on the invoice (RF, betalingskenmerk, OGM…), if any.
    public var paymentReference: String?

    public init(id: String, number: String, customerID: String, amount: Money, openAmount: Money? = nil,
                issueDate: CalendarDate? = nil, dueDate: CalendarDate? = nil, paymentReference: String? = nil) {
        self.id = id
        self.number = number
        self.customerID = customerID
        self.amount = amount
        self.openAmount = openAmount ?? amount
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.paymentReference = paymentReference
    }

    public var currency: Currency { openAmount.currency }

    /// `true` for a credit note: money we owe the customer, which nets against their invoices.
    public var isCreditNote: Bool { openAmount.minorUnits < 0 }
}
