import BankStatements

/// Where one invoice stands on a given day, from its amounts and arrangements alone.
///
/// Pure on purpose: the overdue list, `customers show` and tests all ask the same question, and the
/// answer must not depend on how the data was fetched.
public struct OverdueAssessment: Hashable, Sendable {
    /// What is still unpaid of the whole invoice.
    public var openAmount: Money
    /// What is unpaid and past due: the open amount, or with a plan the installments due and unpaid.
    public var overdueAmount: Money
    /// The due date the days are counted from: the (extended) due date, or the oldest unpaid installment's.
    public var overdueSince: CalendarDate
    public var daysOverdue: Int
    /// `nil` while the invoice is on hold (disputed): it must not be chased.
    public var stage: DunningStage?
    /// The next stage and the day it is reached; `nil` on hold or at the last stage.
    public var next: (stage: DunningStage, date: CalendarDate)?
    /// The unpaid, overdue parts with their own due dates (one part without a plan), for interest.
    public var overdueParts: [(dueDate: CalendarDate, amount: Money)]
    /// With a plan: the oldest unpaid installment (1-based) and how many there are.
    public var installment: (number: Int, of: Int)?

    public static func == (lhs: OverdueAssessment, rhs: OverdueAssessment) -> Bool {
        lhs.openAmount == rhs.openAmount && lhs.overdueAmount == rhs.overdueAmount && lhs.overdueSince == rhs.overdueSince
            && lhs.daysOverdue == rhs.daysOverdue && lhs.stage == rhs.stage && lhs.next?.stage == rhs.next?.stage
            && lhs.next?.date == rhs.next?.date && lhs.overdueParts.map(\.dueDate) == rhs.overdueParts.map(\.dueDate)
            && lhs.overdueParts.map(\.amount) == rhs.overdueParts.map(\.amount)
            && lhs.installment?.number == rhs.installment?.number && lhs.installment?.of == rhs.installment?.of
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(openAmount)
        hasher.combine(overdueAmount)
        hasher.combine(daysOverdue)
    }

    /// The state of an invoice on `asOf`, or `nil` when nothing of it is overdue that day.
    ///
    /// - Parameters:
    ///   - amount: The invoice amount (a credit note, zero or negative, is never overdue).
    ///   - allocated: Payments and write-offs so far, applied to installments in order.
    ///   - dueDate: The original due date.
    ///   - extendedDueDate: The latest agreed new due date, if any; it replaces `dueDate`.
    ///   - plan: A payment arrangement; when present it decides what is due, not the due dates.
    ///   - onHold: Disputed: still listed, but with no stage.
    public static func assess(amount: Money, allocated: Money, dueDate: CalendarDate, extendedDueDate: CalendarDate? = nil,
                              plan: InstallmentPlan? = nil, onHold: Bool = false, asOf: CalendarDate,
                              policy: DunningPolicy) -> OverdueAssessment? {
        let (open, overflow) = amount.minorUnits.subtractingReportingOverflow(allocated.minorUnits)
        guard !overflow, open > 0 else { return nil }
        let openAmount = Money(minorUnits: open, currency: amount.currency)
        var parts: [(dueDate: CalendarDate, amount: Money)] = []
        var installment: (number: Int, of: Int)?
        if let plan {
            // Payments cover installment 1 first, then 2, …; what is left of each is unpaid.
            var paid = allocated.minorUnits
            for item in plan.installments(of: amount) {
                let covered = min(max(paid, 0), item.amount.minorUnits)
                paid -= covered
                let unpaid = item.amount.minorUnits - covered
                guard unpaid > 0 else { continue }
                if installment == nil { installment = (item.number, plan.count) }
                if item.dueDate < asOf { parts.append((item.dueDate, Money(minorUnits: unpaid, currency: amount.currency))) }
            }
        } else {
            let due = extendedDueDate ?? dueDate
            if due < asOf { parts.append((due, openAmount)) }
        }
        guard let oldest = parts.first else { return nil }
        let overdue = parts.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        let days = oldest.dueDate.days(until: asOf)
        var stage: DunningStage?
        var next: (stage: DunningStage, date: CalendarDate)?
        if !onHold {
            let assessed = policy.assess(dueDate: oldest.dueDate, on: asOf)
            stage = assessed.stage
            next = assessed.next
        }
        return OverdueAssessment(openAmount: openAmount, overdueAmount: Money(minorUnits: overdue, currency: amount.currency),
                                 overdueSince: oldest.dueDate, daysOverdue: days, stage: stage, next: next,
                                 overdueParts: parts, installment: installment)
    }
}
