/// Checks, while entries stream past, that opening balance + booked entries = closing balance.
public struct BalanceVerifier: Sendable {
    private var bookedSum: Int64 = 0
    private var overflowed = false
    private var bookedCount = 0
    private var otherCurrencies: Set<String> = []
    private var currency: Currency?

    public init(currency: Currency? = nil) { self.currency = currency }

    /// Adds one entry; only booked entries move the booked balance.
    public mutating func add(_ entry: Entry) {
        guard entry.status == .booked else { return }
        bookedCount += 1
        if let currency, entry.amount.currency != currency {
            otherCurrencies.insert(entry.amount.currency.code)
            return
        }
        let (sum, overflow) = bookedSum.addingReportingOverflow(entry.signedMinorUnits)
        if overflow { overflowed = true } else { bookedSum = sum }
    }

    /// The check's result for a statement with `balances`.
    ///
    /// The opening balance is OPBD, else PRCD (the previous day's close), else the first of two ITBDs
    /// (an MT940 part statement); the closing one is CLBD, else the last of two ITBDs.
    public func verify(balances: [Balance]) -> Verification {
        let interim = balances.filter { $0.kind == .interimBooked }
        let opening = balances.first { $0.kind == .openingBooked }
            ?? balances.first { $0.kind == .previouslyClosedBooked }
            ?? (interim.count >= 2 ? interim.first : nil)
        let closing = balances.first { $0.kind == .closingBooked } ?? (interim.count >= 2 ? interim.last : nil)
        guard let opening, let closing else {
            return Verification(ok: true, message: "not checked: no opening and closing booked balance")
        }
        if overflowed {
            return Verification(ok: false, message: "entry total does not fit in 64 bits")
        }
        guard opening.amount.currency == closing.amount.currency else {
            return Verification(ok: false, message: "opening balance in \(opening.amount.currency), closing in \(closing.amount.currency)")
        }
        if !otherCurrencies.isEmpty {
            let codes = otherCurrencies.sorted().joined(separator: ", ")
            return Verification(ok: false, message: "entries in \(codes) on a \(currency?.code ?? "?") account")
        }
        let exponent = opening.amount.currency.exponent
        let (expected, overflow) = opening.signedMinorUnits.addingReportingOverflow(bookedSum)
        if !overflow && expected == closing.signedMinorUnits {
            return Verification(ok: true, message: "opening \(Money.format(minorUnits: opening.signedMinorUnits, exponent: exponent)) + \(bookedCount) booked entries \(Money.format(minorUnits: bookedSum, exponent: exponent)) = closing \(Money.format(minorUnits: closing.signedMinorUnits, exponent: exponent))")
        }
        let difference = closing.signedMinorUnits &- opening.signedMinorUnits &- bookedSum
        return Verification(ok: false, message: "opening \(Money.format(minorUnits: opening.signedMinorUnits, exponent: exponent)) + booked entries \(Money.format(minorUnits: bookedSum, exponent: exponent)) ≠ closing \(Money.format(minorUnits: closing.signedMinorUnits, exponent: exponent)) (difference \(Money.format(minorUnits: difference, exponent: exponent)))")
    }
}
