import BankStatements

/// Writes booking lines with statements prepared once, so a run over thousands of payments costs
/// one `sqlite3_step` per row and no SQL parsing.
///
/// Checks what the lines must satisfy as a whole: the money lines (invoices, credit notes, customer
/// credit) add up to no more than what is left of the payment and never below zero, and every line
/// is in the payment's currency. Single rows are not checked against the running total, because a
/// payment netted with a credit note is valid only as a whole (+100 and -30 for a 70 payment).
final class Booker {
    private let database: Database
    private let clock: Clock
    private let commandLine: String
    private let insertAllocation: Statement
    private let insertCredit: Statement

    init(database: Database, clock: Clock, commandLine: String) throws {
        self.database = database
        self.clock = clock
        self.commandLine = commandLine
        insertAllocation = try database.prepare("""
            INSERT INTO allocations (transaction_id, invoice_id, amount_minor, currency, kind, method, confidence,
                evidence, created_at, created_by_command, for_transaction_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertCredit = try database.prepare("""
            INSERT INTO customer_credits (transaction_id, customer_id, amount_minor, currency, method, confidence,
                evidence, created_at, created_by_command) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Books `lines` for `transactionID`, of which `remainder` is still unexplained.
    func book(transactionID: Int64, remainder: Money, lines: [BookingLine]) throws -> BookingResult {
        var money: Int64 = 0
        for line in lines {
            guard line.amount.currency == remainder.currency else {
                throw LedgerError.invalidRequest("a line in \(line.amount.currency.code) for a payment in \(remainder.currency.code)")
            }
            guard (0...100).contains(line.confidence) else { throw LedgerError.invalidRequest("confidence must be 0…100") }
            switch line.kind {
            case .invoice, .customerCredit: money += line.amount.minorUnits
            case .writeOff: break
            }
        }
        guard money >= 0, money <= remainder.minorUnits else {
            throw LedgerError.invalidRequest(
                "booking \(Money(minorUnits: money, currency: remainder.currency)) of transaction \(transactionID) "
                    + "would exceed the \(remainder) left of it")
        }
        let now = clock.now()
        var result = BookingResult()
        for line in lines {
            switch line.kind {
            case .invoice, .writeOff:
                guard let invoiceID = line.invoiceID else { throw LedgerError.invalidRequest("an allocation needs an invoice") }
                let isPayment = line.kind == .invoice
                try insertAllocation.run([
                    isPayment ? .integer(transactionID) : .null, .integer(invoiceID), .integer(line.amount.minorUnits),
                    .text(line.amount.currency.code), .text(isPayment ? "payment" : "write-off"), .text(line.method),
                    .int(line.confidence), .text(line.evidence), .text(now), .text(commandLine),
                    isPayment ? .null : .integer(transactionID),
                ])
                result.allocationIDs.append(database.lastInsertRowID)
            case .customerCredit:
                guard line.amount.minorUnits > 0 else { continue }
                try insertCredit.run([
                    .integer(transactionID), .text(line.customerID), .integer(line.amount.minorUnits),
                    .text(line.amount.currency.code), .text(line.method), .int(line.confidence), .text(line.evidence),
                    .text(now), .text(commandLine),
                ])
                result.creditIDs.append(database.lastInsertRowID)
            }
        }
        return result
    }
}
