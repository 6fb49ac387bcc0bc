import BankStatements
@testable import Ledger

/// Statements built in code (the parsers are written elsewhere), with just the fields import uses.
enum StatementFixtures {
    static let iban = "DE89370400440532013000"
    static let eur = Currency.euro

    static func date(_ text: String) -> CalendarDate {
        CalendarDate(iso: text) ?? CalendarDate(dayNumber: 0)
    }

    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: eur) }

    /// A booked credit from `payer` with optional references.
    static func credit(_ minor: Int64, on day: String, reference: String? = nil, endToEnd: String? = nil,
                       payerIBAN: String? = "DE02120300000000202051", payer: String = "Muster GmbH",
                       text: String = "", status: EntryStatus = .booked, position: Int = 0) -> Entry {
        let transaction = Transaction(
            creditDebit: .credit, references: TransactionReferences(endToEndId: endToEnd),
            debtor: Party(name: payer, iban: payerIBAN),
            remittance: Remittance(unstructuredLines: text.isEmpty ? [] : [text]))
        return Entry(position: position, amount: money(minor), creditDebit: .credit, status: status,
                     bookingDate: date(day), valueDate: date(day), accountServicerReference: reference,
                     transactions: [transaction])
    }

    static func debit(_ minor: Int64, on day: String, reference: String? = nil) -> Entry {
        Entry(amount: money(minor), creditDebit: .debit, bookingDate: date(day), valueDate: date(day),
              accountServicerReference: reference, transactions: [Transaction(creditDebit: .debit)])
    }

    /// A statement over `entries` with consistent opening and closing balances.
    static func statement(_ format: StatementFormat = .camt(message: "053", version: "001.08"), id: String? = nil,
                          sequence: String? = nil, day: String, opening: Int64 = 0, entries: [Entry]) -> BankStatements.Statement {
        var positioned: [Entry] = []
        for (index, entry) in entries.enumerated() {
            var copy = entry
            copy.position = index
            positioned.append(copy)
        }
        let booked = positioned.filter { $0.status == .booked }.reduce(Int64(0)) { $0 + $1.signedMinorUnits }
        let header = StatementHeader(format: format, id: id ?? "STMT-\(day)-\(format.name)", sequenceNumber: sequence,
                                     periodStart: date(day), periodEnd: date(day),
                                     account: Account(iban: iban, currency: eur))
        let closingKind: Balance.Kind = format.isIntraday ? .interimBooked : .closingBooked
        let openingKind: Balance.Kind = format.isIntraday ? .interimBooked : .openingBooked
        func balance(_ kind: Balance.Kind, _ minor: Int64) -> Balance {
            Balance(kind: kind, amount: money(abs(minor)), creditDebit: minor < 0 ? .debit : .credit, date: date(day))
        }
        let trailer = StatementTrailer(balances: [balance(openingKind, opening), balance(closingKind, opening + booked)])
        return BankStatements.Statement(header: header, entries: positioned, trailer: trailer,
                                        verification: Verification(ok: true, message: "ok"))
    }

    /// A file value as `StatementFile.read` would produce, with a fingerprint of `name`'s pretend bytes.
    static func file(_ name: String, _ statements: [BankStatements.Statement]) -> StatementFile {
        StatementFile(path: name, sha256: SHA256.hex(of: Array(name.utf8)), size: 100, statements: statements)
    }
}
