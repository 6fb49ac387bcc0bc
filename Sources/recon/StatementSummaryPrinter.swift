import BankStatements

/// The readable per-statement summary of `recon parse`.
///
/// It sees every entry of files that can hold millions, so per entry it only counts and adds, and
/// each statement's lines are assembled as bytes.
struct StatementSummaryPrinter {
    let file: String
    private(set) var mismatches = 0
    private var statements = 0
    private var header: StatementHeader?
    private var entryCount = 0
    private var creditCount = 0
    private var debitCount = 0
    // Totals per currency; a statement has one or two currencies, so a list beats a dictionary.
    // A total that no longer fits in 64 bits is marked and shown as such, never as a wrapped number.
    private var creditTotals: [CurrencyTotal] = []
    private var debitTotals: [CurrencyTotal] = []
    private var pending = 0

    init(file: String) { self.file = file }

    mutating func handle(_ event: StatementEvent) {
        switch event {
        case .begin(let header):
            self.header = header
            entryCount = 0
            creditCount = 0
            debitCount = 0
            creditTotals.removeAll(keepingCapacity: true)
            debitTotals.removeAll(keepingCapacity: true)
            pending = 0
        case .entry(let entry):
            entryCount += 1
            if entry.status != .booked { pending += 1 }
            if entry.creditDebit == .credit {
                creditCount += 1
                StatementSummaryPrinter.add(entry.amount, to: &creditTotals)
            } else {
                debitCount += 1
                StatementSummaryPrinter.add(entry.amount, to: &debitTotals)
            }
        case .end(let trailer, let verification):
            statements += 1
            if !verification.ok { mismatches += 1 }
            printStatement(trailer: trailer, verification: verification)
        }
    }

    func finish() {
        if statements == 0 { Console.line("\(file): no statements") }
    }

    private static func add(_ amount: Money, to totals: inout [CurrencyTotal]) {
        for index in totals.indices where totals[index].currency == amount.currency {
            let (sum, overflow) = totals[index].minorUnits.addingReportingOverflow(amount.minorUnits)
            if overflow { totals[index].overflowed = true } else { totals[index].minorUnits = sum }
            return
        }
        totals.append(CurrencyTotal(currency: amount.currency, minorUnits: amount.minorUnits))
    }

    private func printStatement(trailer: StatementTrailer, verification: Verification) {
        guard let header else { return }
        var title = OutputLine()
        title.add(file)
        title.add(": ")
        title.add(header.format.name)
        title.add(" ")
        title.add(header.account.identifier ?? "unknown account")
        if let currency = header.account.currency {
            title.add(" ")
            title.add(currency.code)
        }
        if let id = header.id {
            title.add(" statement ")
            title.add(id)
        }
        if let sequence = header.sequenceNumber {
            title.add(" #")
            title.add(sequence)
        }
        Console.line(title)
        if header.periodStart != nil || header.periodEnd != nil {
            var period = OutputLine()
            period.add("  period    ")
            if let start = header.periodStart { period.add(start) } else { period.add("?") }
            period.add(" – ")
            if let end = header.periodEnd { period.add(end) } else { period.add("?") }
            Console.line(period)
        }
        for balance in trailer.balances {
            var line = OutputLine()
            line.add("  ")
            line.add(balance.kind.rawValue, paddedTo: 9)
            if balance.creditDebit == .debit { line.add("-") }
            line.add(balance.amount)
            if let date = balance.date {
                line.add(" on ")
                line.add(date)
            }
            Console.line(line)
        }
        var entries = OutputLine()
        entries.add("  entries   ")
        entries.add(entryCount)
        entries.add(": ")
        entries.add(creditCount)
        entries.add(" credit(s) ")
        StatementSummaryPrinter.add(creditTotals, to: &entries)
        entries.add(", ")
        entries.add(debitCount)
        entries.add(" debit(s) ")
        StatementSummaryPrinter.add(debitTotals, to: &entries)
        if pending > 0 {
            entries.add(", ")
            entries.add(pending)
            entries.add(" not booked")
        }
        Console.line(entries)
        var check = OutputLine()
        check.add("  check     ")
        check.add(verification.ok ? "ok" : "MISMATCH")
        check.add(": ")
        check.add(verification.message)
        Console.line(check)
    }

    /// `0`, or the totals by currency code joined with ` + `.
    private static func add(_ totals: [CurrencyTotal], to line: inout OutputLine) {
        if totals.isEmpty {
            line.add("0")
            return
        }
        let sorted = totals.count == 1 ? totals : totals.sorted { $0.currency.code < $1.currency.code }
        for (index, total) in sorted.enumerated() {
            if index > 0 { line.add(" + ") }
            if total.overflowed {
                line.add("(too large for 64 bits) ")
                line.add(total.currency.code)
            } else {
                line.add(Money(minorUnits: total.minorUnits, currency: total.currency))
            }
        }
    }

    /// The sum of one currency's entries in a statement.
    private struct CurrencyTotal {
        var currency: Currency
        var minorUnits: Int64
        var overflowed = false
    }
}

extension String {
    /// The string padded with spaces to at least `length` characters.
    func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
