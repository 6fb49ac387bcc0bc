import BankStatements
import Reconciliation

/// One invoice on the overdue list, with everything the dunning run needs to decide and to write.
public struct OverdueItem: Hashable, Sendable {
    public var invoiceID: Int64
    public var invoiceNumber: String
    public var customerID: String
    public var customerName: String
    public var email: String?
    public var phone: String?
    public var customerType: CustomerType
    /// The invoice amount.
    public var amount: Money
    /// The due date on the invoice (before any extension).
    public var originalDueDate: CalendarDate
    public var arrangements: ArrangementState
    public var assessment: OverdueAssessment
    /// Payments allocated to the invoice, booked on or before the as-of date and not reversed.
    public var partialPayments: Int
    /// The booking date of the latest of those payments.
    public var lastPaymentDate: CalendarDate?
    /// The customer has an open review item for an incoming payment: it may already have paid.
    public var pendingReview: Bool
    /// Collection costs and interest, from the final notice on.
    public var claims: OverdueClaims?

    /// Not to be chased now: disputed (on hold) or possibly paid (pending review).
    public var hold: Bool { arrangements.holdReason != nil || pendingReview }

    /// Why the invoice is held: the reason given for the dispute, or `pending review`.
    public var holdReason: String? {
        if let reason = arrangements.holdReason { return reason.isEmpty ? "on hold" : reason }
        return pendingReview ? "pending review" : nil
    }
}

/// What `recon overdue` shows, and whether the bank data behind it is current.
public struct OverdueReport: Hashable, Sendable {
    public var asOf: CalendarDate
    /// Oldest first (by the day the overdue amount fell due), then by invoice number.
    public var items: [OverdueItem]
    /// Accounts whose last statement ends before the as-of date (less the tolerated gap).
    public var staleAccounts: [StaleAccount]
    /// `false` when no statement was ever imported: every open invoice looks unpaid.
    public var hasStatements: Bool
}

/// An account whose statements stop before the day the list is made for.
public struct StaleAccount: Hashable, Sendable {
    /// The IBAN (or other account id).
    public var account: String
    /// The last day the stored statements cover.
    public var lastDay: CalendarDate
}

/// Which invoices `recon overdue` asks for.
public struct OverdueQuery: Hashable, Sendable {
    public var asOf: CalendarDate
    public var customerID: String?
    /// Keep only invoices at least this many days overdue.
    public var minimumDays: Int

    public init(asOf: CalendarDate, customerID: String? = nil, minimumDays: Int = 1) {
        self.asOf = asOf
        self.customerID = customerID
        self.minimumDays = minimumDays
    }
}
