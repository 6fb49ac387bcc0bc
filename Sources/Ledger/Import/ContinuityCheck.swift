import BankStatements

/// A stored end-of-day statement, as far as continuity is concerned.
struct ContinuityStatement: Sendable {
    var id: Int64
    var label: String
    var year: Int?
    var sequence: SequenceNumber?
    var sortDate: String
    var opening: Int64?
    var closing: Int64?
    var currency: String
}

/// Finds gaps between consecutive statements of one account: missing sequence numbers and an
/// opening balance that does not continue the previous closing balance.
enum ContinuityCheck {
    /// Warnings for each adjacent pair in `statements` (sorted here) of which at least one is in
    /// `new`, so that old gaps are not reported again on every import.
    static func warnings(account: String, statements: [ContinuityStatement], new: Set<Int64>) -> [String] {
        let sorted = statements.sorted {
            ($0.sortDate, $0.year ?? 0, $0.sequence?.number ?? 0, $0.sequence?.page ?? 0, $0.id)
                < ($1.sortDate, $1.year ?? 0, $1.sequence?.number ?? 0, $1.sequence?.page ?? 0, $1.id)
        }
        var warnings: [String] = []
        for (previous, current) in zip(sorted, sorted.dropFirst()) {
            guard new.contains(previous.id) || new.contains(current.id) else { continue }
            if let before = previous.sequence, let after = current.sequence, let year = current.year,
               previous.year == year, after.number > before.number + 1 {
                let first = before.number + 1, last = after.number - 1
                let range = first == last ? "statement \(year)/\(first)" : "statements \(year)/\(first)–\(last)"
                warnings.append("account \(account): \(range) missing (between \(previous.label) and \(current.label))")
            }
            if let closing = previous.closing, let opening = current.opening, previous.currency == current.currency,
               closing != opening {
                let exponent = Currency(code: current.currency)?.exponent ?? 2
                warnings.append(
                    "account \(account): \(current.label) opens with \(Money.format(minorUnits: opening, exponent: exponent)) "
                    + "\(current.currency) but \(previous.label) closed with "
                    + "\(Money.format(minorUnits: closing, exponent: exponent)) \(current.currency)")
            }
        }
        return warnings
    }
}

extension LedgerStore {
    func continuityWarnings(accountID: Int64, newStatements: Set<Int64>) throws -> [String] {
        let account = try database.firstRow("SELECT account_key FROM accounts WHERE id = ?", [.integer(accountID)]) {
            $0.text(0)
        } ?? "?"
        let statements = try database.rows("""
            SELECT id, statement_ref, sequence_number, COALESCE(period_end, period_start, substr(created_at_bank, 1, 10), ''),
                opening_balance_minor, closing_balance_minor, COALESCE(currency, ''), format
            FROM statements WHERE account_id = ? AND intraday = 0
            """, [.integer(accountID)]) { row in
            let date = row.text(3)
            let sequenceText = row.optionalText(2)
            var label = "\(row.text(7)) statement"
            if let sequenceText { label += " \(sequenceText)" } else if let ref = row.optionalText(1) { label += " \(ref)" }
            if !date.isEmpty { label += " of \(date)" }
            return ContinuityStatement(
                id: row.int64(0), label: label, year: CalendarDate(iso: date)?.year,
                sequence: sequenceText.flatMap(SequenceNumber.init), sortDate: date,
                opening: row.optionalInt64(4), closing: row.optionalInt64(5), currency: row.text(6))
        }
        return ContinuityCheck.warnings(account: account, statements: statements, new: newStatements)
    }
}
