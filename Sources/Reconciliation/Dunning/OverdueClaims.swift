import BankStatements

/// What may be claimed on top of an overdue amount from the final notice on: the statutory
/// collection costs and the statutory interest to date.
public struct OverdueClaims: Hashable, Sendable {
    /// `nil` outside euros, where the BIK scale does not apply.
    public var collectionCosts: Money?
    public var interest: StatutoryInterest.Result

    /// The claims for `assessment` on `asOf`, or `nil` before the final-notice stage (or on hold).
    ///
    /// Interest runs on each overdue part from its own due date (with a plan, every late
    /// installment separately), at the rates of `kind`; one missing rate makes the whole interest
    /// `missingRate`, because a partial figure would understate the claim without saying so.
    ///
    /// - Parameter latePayments: Amounts paid after the due date (without a plan), with the day
    ///   they were booked: interest also ran on them, from the due date until the day before.
    public static func compute(for assessment: OverdueAssessment, asOf: CalendarDate, kind: InterestRate.Kind,
                               rates: [InterestRate],
                               latePayments: [(day: CalendarDate, amount: Money)] = []) -> OverdueClaims? {
        guard let stage = assessment.stage, stage.allowsClaims else { return nil }
        let currency = assessment.overdueAmount.currency
        var total: Int64 = 0
        var missing: CalendarDate?
        // Interest is linear in the principal, so a balance that fell with each payment is the open
        // amount until today plus every paid amount until its payment day.
        var pieces = assessment.overdueParts.map { (principal: $0.amount, dueDate: $0.dueDate, until: asOf) }
        if assessment.installment == nil, let due = assessment.overdueParts.first?.dueDate {
            for payment in latePayments where payment.day > due && payment.day <= asOf && payment.amount.minorUnits > 0 {
                pieces.append((payment.amount, due, payment.day.adding(days: -1)))
            }
        }
        for part in pieces {
            switch StatutoryInterest.compute(principal: part.principal, dueDate: part.dueDate, asOf: part.until, kind: kind,
                                             rates: rates) {
            case .amount(let money):
                let (sum, overflow) = total.addingReportingOverflow(money.minorUnits)
                total = overflow ? Int64.max : sum
            case .missingRate(let from):
                missing = min(missing ?? from, from)
            }
        }
        let interest: StatutoryInterest.Result = missing.map { .missingRate(from: $0) }
            ?? .amount(Money(minorUnits: total, currency: currency))
        return OverdueClaims(collectionCosts: StatutoryCollectionCosts.amount(on: assessment.overdueAmount), interest: interest)
    }
}
