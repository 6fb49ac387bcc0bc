import BankStatements

/// Dutch statutory interest on an overdue amount, from rates entered per half-year.
///
/// Interest runs from the day after the due date up to and including the as-of date, at the
/// rate in force on each day, as simple interest on a 365-day year; at the end of each full year
/// the interest so far is added to the principal (art. 6:119 lid 2 BW). No rate is built in: a
/// period without an entered rate is reported, never guessed.
public enum StatutoryInterest {
    /// The interest, or why it cannot be computed.
    public enum Result: Hashable, Sendable {
        case amount(Money)
        /// No rate of the needed kind covers `from`.
        case missingRate(from: CalendarDate)
    }

    /// Interest on `principal` for an invoice due on `dueDate`, as of `asOf`.
    ///
    /// - Parameter rates: every entered rate; those of other kinds are ignored.
    public static func compute(principal: Money, dueDate: CalendarDate, asOf: CalendarDate, kind: InterestRate.Kind,
                               rates: [InterestRate]) -> Result {
        let zero = Money(minorUnits: 0, currency: principal.currency)
        guard principal.minorUnits > 0, asOf > dueDate else { return .amount(zero) }
        let applicable = rates.filter { $0.kind == kind }.sorted { $0.effectiveFrom < $1.effectiveFrom }
        let firstDay = dueDate.adding(days: 1)
        guard let earliest = applicable.first, earliest.effectiveFrom <= firstDay else {
            return .missingRate(from: firstDay)
        }
        // Work in Int128 "rate-days": cents × percent significand × days, divided once per year.
        var base = Int128(principal.minorUnits)
        var total: Int128 = 0
        var yearStart = firstDay
        while yearStart <= asOf {
            let yearEnd = min(yearStart.adding(months: 12).adding(days: -1), asOf)
            var accrued: Int128 = 0
            var day = yearStart
            while day <= yearEnd {
                // The rate for `day` and how long it lasts within this year.
                guard let rate = applicable.last(where: { $0.effectiveFrom <= day }) else { return .missingRate(from: day) }
                let nextChange = applicable.first(where: { $0.effectiveFrom > day })?.effectiveFrom
                let segmentEnd = min(yearEnd, nextChange.map { $0.adding(days: -1) } ?? yearEnd)
                let days = Int128(day.days(until: segmentEnd) + 1)
                // cents × (percent × 10^scale) × days / (100 × 10^scale × 365), kept as a fraction
                // with denominator 365 × 100 × 10^12 so that segments at different rates add exactly.
                let numerator = base * Int128(rate.annualPercent.significand) * days
                accrued += numerator * Int128(pow10(12 - min(rate.annualPercent.scale, 12)))
                day = segmentEnd.adding(days: 1)
            }
            let denominator = Int128(365) * 100 * 1_000_000_000_000
            let interestCents = (accrued + denominator / 2) / denominator
            total += interestCents
            base += interestCents
            yearStart = yearEnd.adding(days: 1)
        }
        guard let cents = Int64(exactly: total) else { return .amount(Money(minorUnits: Int64.max, currency: principal.currency)) }
        return .amount(Money(minorUnits: cents, currency: principal.currency))
    }

    private static func pow10(_ exponent: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<max(0, exponent) { value *= 10 }
        return value
    }
}
