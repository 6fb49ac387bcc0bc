import BankStatements
import Reconciliation

/// One recorded agreement or dispute about an invoice; the rows of an invoice are its history.
public struct InvoiceArrangement: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A new due date agreed with the customer.
        case `extension`
        /// A payment plan (installments); replaces any earlier plan.
        case plan
        /// The plan no longer applies; the (extended) due date does again.
        case planCancel = "plan-cancel"
        /// Disputed: excluded from dunning until released.
        case hold
        case release
    }

    public var id: Int64
    public var invoiceNumber: String
    public var kind: Kind
    /// The new due date of an extension, or the first installment's due date of a plan.
    public var dueDate: CalendarDate?
    /// The plan, for `plan` rows.
    public var plan: InstallmentPlan?
    public var reason: String
    /// ISO 8601 UTC.
    public var createdAt: String
    public var createdByCommand: String
}

/// The arrangements in force for one invoice: the latest of each kind.
public struct ArrangementState: Hashable, Sendable {
    public var extendedDueDate: CalendarDate?
    public var plan: InstallmentPlan?
    /// The reason given for the hold, when the invoice is on hold.
    public var holdReason: String?

    public init(extendedDueDate: CalendarDate? = nil, plan: InstallmentPlan? = nil, holdReason: String? = nil) {
        self.extendedDueDate = extendedDueDate
        self.plan = plan
        self.holdReason = holdReason
    }
}
