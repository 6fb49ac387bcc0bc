import BankStatements
import Reconciliation

/// Statutory interest rates as the user enters them per half-year; recon has none built in.
extension LedgerStore {
    /// Stores (or replaces) the rate of `rate.kind` that applies from `rate.effectiveFrom`.
    ///
    /// - Throws: `LedgerError.invalidRequest` for a negative rate, one above 100 % or with more than
    ///   six decimals (none of which a published Dutch rate has).
    public func setInterestRate(_ rate: InterestRate) throws {
        let percent = rate.annualPercent
        guard percent.significand >= 0, percent.scale >= 0, percent.scale <= 6 else {
            throw LedgerError.invalidRequest("an interest rate is a percentage 0…100 with at most six decimals")
        }
        var hundred: Int64 = 100
        for _ in 0..<percent.scale { hundred *= 10 }
        guard percent.significand <= hundred else {
            throw LedgerError.invalidRequest("an interest rate is a percentage 0…100 with at most six decimals")
        }
        try write {
            let previous = try database.firstRow(
                "SELECT annual_percent FROM interest_rates WHERE kind = ? AND effective_from = ?",
                [.text(rate.kind.rawValue), .text(rate.effectiveFrom.description)]) { $0.text(0) }
            try database.execute("""
                INSERT INTO interest_rates (kind, effective_from, annual_percent, entered_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, effective_from) DO UPDATE SET annual_percent = excluded.annual_percent,
                    entered_at = excluded.entered_at
                """, [.text(rate.kind.rawValue), .text(rate.effectiveFrom.description), .text(percent.description),
                      .text(clock.now())])
            try audit("rates set \(rate.effectiveFrom) \(percent.description) --\(rate.kind.rawValue)"
                      + (previous.map { " (was \($0))" } ?? ""))
        }
    }

    /// Every entered rate, by kind and date.
    public func interestRates() throws -> [InterestRate] {
        try database.rows("SELECT kind, effective_from, annual_percent FROM interest_rates ORDER BY kind, effective_from") { row in
            guard let kind = InterestRate.Kind(rawValue: row.text(0)), let from = CalendarDate(iso: row.text(1)),
                  let percent = DecimalNumber(row.text(2))
            else { return nil }
            return InterestRate(kind: kind, effectiveFrom: from, annualPercent: percent)
        }.compactMap { $0 }
    }
}
