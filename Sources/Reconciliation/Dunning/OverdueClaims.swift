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
    public static func compute(for assessment: OverdueAssessment, asOf: CalendarDate, kind: InterestRate.Kind,
                               rates: [InterestRate]) -> OverdueClaims? {
        guard let stage = assessment.stage, stage.allowsClaims else { return nil }
        let currency = assessment.overdueAmount.currency
        var total: Int64 = 0
        var missing: CalendarDate?
        for part in assessment.overdueParts {
            switch StatutoryInterest.compute(principal: part.amount, dueDate: part.dueDate, asOf: asOf, kind: kind, rates: rates) {
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
