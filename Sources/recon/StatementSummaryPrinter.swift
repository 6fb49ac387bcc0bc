import BankStatements

/// The readable per-statement summary of `recon parse`.
struct StatementSummaryPrinter {
    let file: String
    private(set) var mismatches = 0
    private var statements = 0
    private var header: StatementHeader?
    private var entryCount = 0
    private var creditCount = 0
    private var debitCount = 0
    private var creditTotals: [Currency: Int64] = [:]
    private var debitTotals: [Currency: Int64] = [:]
    /// Currencies whose total no longer fits in 64 bits: shown as such instead of a wrapped number.
    private var overflowedCredits: Set<Currency> = []
    private var overflowedDebits: Set<Currency> = []
    private var pending = 0

    init(file: String) { self.file = file }

    mutating func handle(_ event: StatementEvent) {
        switch event {
        case .begin(let header):
            self.header = header
            entryCount = 0
            creditCount = 0
            debitCount = 0
            creditTotals = [:]
            debitTotals = [:]
            overflowedCredits = []
            overflowedDebits = []
            pending = 0
        case .entry(let entry):
            entryCount += 1
            if entry.status != .booked { pending += 1 }
            if entry.creditDebit == .credit {
                creditCount += 1
                Self.add(entry.amount, to: &creditTotals, overflowed: &overflowedCredits)
            } else {
                debitCount += 1
                Self.add(entry.amount, to: &debitTotals, overflowed: &overflowedDebits)
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

    private func printStatement(trailer: StatementTrailer, verification: Verification) {
        guard let header else { return }
        let account = header.account.identifier ?? "unknown account"
        let currency = header.account.currency.map { " \($0.code)" } ?? ""
        var title = "\(file): \(header.format.name) \(account)\(currency)"
        if let id = header.id { title += " statement \(id)" }
        if let sequence = header.sequenceNumber { title += " #\(sequence)" }
        Console.line(title)
        if header.periodStart != nil || header.periodEnd != nil {
            Console.line("  period    \(header.periodStart?.description ?? "?") – \(header.periodEnd?.description ?? "?")")
        }
        for balance in trailer.balances {
            let sign = balance.creditDebit == .debit ? "-" : ""
            let date = balance.date.map { " on \($0)" } ?? ""
            Console.line("  \(balance.kind.rawValue.padding(toLength: 9))\(sign)\(balance.amount)\(date)")
        }
        var entries = "  entries   \(entryCount): \(creditCount) credit(s) \(totals(creditTotals, overflowedCredits)), \(debitCount) debit(s) \(totals(debitTotals, overflowedDebits))"
        if pending > 0 { entries += ", \(pending) not booked" }
        Console.line(entries)
        Console.line("  check     \(verification.ok ? "ok" : "MISMATCH"): \(verification.message)")
    }

    private static func add(_ amount: Money, to totals: inout [Currency: Int64], overflowed: inout Set<Currency>) {
        let (sum, overflow) = totals[amount.currency, default: 0].addingReportingOverflow(amount.minorUnits)
        if overflow { overflowed.insert(amount.currency) } else { totals[amount.currency] = sum }
    }

    private func totals(_ totals: [Currency: Int64], _ overflowed: Set<Currency>) -> String {
        if totals.isEmpty { return "0" }
        return totals.sorted { $0.key.code < $1.key.code }
            .map { overflowed.contains($0.key) ? "(too large for 64 bits) \($0.key.code)" : Money(minorUnits: $0.value, currency: $0.key).description }
            .joined(separator: " + ")
    }
}

extension String {
    /// The string padded with spaces to at least `length` characters.
    func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
