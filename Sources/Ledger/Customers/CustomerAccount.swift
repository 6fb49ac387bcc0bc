import BankStatements
import Reconciliation

/// A statement of account for one customer: what is open, what was received, what is left over.
public struct CustomerAccount: Hashable, Sendable {
    public var customer: Customer
    /// Invoices and credit notes with a non-zero open amount, by due date.
    public var openItems: [OpenItem]
    /// Incoming payments from the customer (by IBAN) or allocated to the customer's invoices.
    public var payments: [ReceivedPayment]

    /// An invoice (or credit note) not settled yet, with the arrangements in force.
    public struct OpenItem: Hashable, Sendable {
        public var invoice: InvoiceBalance
        public var arrangements: ArrangementState
    }

    /// One incoming payment and where it went.
    public struct ReceivedPayment: Hashable, Sendable {
        public var transactionID: Int64
        public var bookingDate: CalendarDate?
        public var amount: Money
        public var payerName: String?
        public var remittance: String?
        /// Net allocations (reversals subtracted) by invoice number, including other customers' invoices.
        public var allocations: [(invoice: String, amount: Money)]
        /// What no invoice took: credit on account.
        public var unallocated: Money

        public static func == (lhs: ReceivedPayment, rhs: ReceivedPayment) -> Bool {
            lhs.transactionID == rhs.transactionID && lhs.unallocated == rhs.unallocated
                && lhs.allocations.map(\.invoice) == rhs.allocations.map(\.invoice)
                && lhs.allocations.map(\.amount) == rhs.allocations.map(\.amount)
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(transactionID) }
    }

    /// Payments not allocated to any invoice, summed per currency.
    public var creditOnAccount: [Money] {
        var sums: [String: Money] = [:]
        for payment in payments where payment.unallocated.minorUnits != 0 {
            let code = payment.unallocated.currency.code
            var sum = sums[code] ?? Money(minorUnits: 0, currency: payment.unallocated.currency)
            sum.minorUnits = sum.minorUnits &+ payment.unallocated.minorUnits
            sums[code] = sum
        }
        return sums.keys.sorted().compactMap { sums[$0] }
    }
}

/// One line of `recon customers`.
public struct CustomerSummary: Hashable, Sendable {
    public var id: String
    public var name: String
    public var type: CustomerType
    public var email: String?
    public var phone: String?
    /// Invoices with something still to pay.
    public var openInvoices: Int
    /// Their open amounts per currency.
    public var openTotals: [Money]
}
