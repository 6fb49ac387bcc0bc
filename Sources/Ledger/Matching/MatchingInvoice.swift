import BankStatements

/// An invoice as a matching run tracks it: what `InvoiceBalance` holds minus the customer's name,
/// which matching never shows, so a run can read a million invoices without joining customers.
struct MatchingInvoice {
    var id: Int64
    var invoiceNumber: String
    var customerID: String
    var issueDate: CalendarDate?
    var dueDate: CalendarDate?
    /// Negative for a credit note.
    var amount: Money
    var allocated: Money
    var openAmount: Money
    var status: InvoiceStatus
    var paymentReference: String?

    init(id: Int64, invoiceNumber: String, customerID: String, issueDate: CalendarDate?, dueDate: CalendarDate?,
         amount: Money, allocated: Money, paymentReference: String?) {
        self.id = id
        self.invoiceNumber = invoiceNumber
        self.customerID = customerID
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.amount = amount
        self.allocated = allocated
        self.paymentReference = paymentReference
        openAmount = Money(minorUnits: amount.minorUnits - allocated.minorUnits, currency: amount.currency)
        status = MatchingInvoice.status(amount: amount.minorUnits, allocated: allocated.minorUnits)
    }

    /// Books `minorUnits` more (negative for a reversal) and derives the status again.
    mutating func allocate(_ minorUnits: Int64) {
        allocated.minorUnits += minorUnits
        openAmount.minorUnits -= minorUnits
        status = MatchingInvoice.status(amount: amount.minorUnits, allocated: allocated.minorUnits)
    }

    var isOpen: Bool { status == .open || status == .partial }

    /// The status the `invoice_balances` view would derive.
    static func status(amount: Int64, allocated: Int64) -> InvoiceStatus {
        if amount == 0 { return allocated == 0 ? .paid : .overpaid }
        let covered = amount < 0 ? -allocated : allocated
        if allocated == 0 { return .open }
        if covered == abs(amount) { return .paid }
        if covered > abs(amount) { return .overpaid }
        return covered > 0 ? .partial : .open
    }
}
