import BankStatements
import Foundation
@testable import Ledger

/// A ledger with invoices, fed statements through `importAndMatch` as `recon import` does.
final class MatchingLedger {
    typealias F = StatementFixtures
    let temporary: TemporaryDatabase
    let store: LedgerStore
    private var files = 0

    static let header = "invoice_number,customer_id,customer_name,customer_iban,issue_date,due_date,currency,amount,payment_reference\n"

    /// `rows` are CSV lines after the header.
    init(_ rows: [String]) throws {
        temporary = try TemporaryDatabase()
        store = try temporary.open()
        if !rows.isEmpty { try addInvoices(rows) }
    }

    func addInvoices(_ rows: [String]) throws {
        files += 1
        let csv = MatchingLedger.header + rows.joined(separator: "\n") + "\n"
        _ = try store.importInvoices(bytes: Array(csv.utf8), file: "invoices-\(files).csv")
    }

    /// Imports one statement of `entries` booked on `day` and matches it.
    @discardableResult
    func book(_ day: String, _ entries: [Entry]) throws -> MatchReport {
        files += 1
        let statement = F.statement(id: "S\(files)", day: day, entries: entries)
        return try store.importAndMatch([F.file("statement-\(files)", [statement])]).1
    }

    func status(_ number: String) throws -> InvoiceStatus? {
        try store.invoices(number: number)?.status
    }

    func open(_ number: String) throws -> Int64? {
        try store.invoices(number: number)?.openAmount.minorUnits
    }

    /// Live (not reversed, not reversals) allocations of an invoice.
    func liveAllocations(_ number: String) throws -> [AllocationRecord] {
        try store.allocationRecords().filter {
            $0.invoiceNumber == number && $0.allocation.kind != .reversal && $0.reversedBy == nil
        }
    }

    func transaction(amount minor: Int64) throws -> StoredTransaction? {
        try store.transactions().first { $0.amount.minorUnits == minor }
    }

    func reviewItem(forAmount minor: Int64) throws -> ReviewQueueItem? {
        try store.reviewQueue().first { $0.transaction.amount.minorUnits == minor }
    }
}

/// Bank entries with the details matching reads.
enum Pay {
    static let eur = Currency.euro

    static func credit(_ minor: Int64, day: String = "2026-02-01", payer: String = "Unknown Payer",
                       iban: String? = nil, text: String? = nil, rf: String? = nil, endToEnd: String? = nil,
                       bankReference: String? = nil) -> Entry {
        let remittance = Remittance(unstructuredLines: text.map { [$0] } ?? [],
                                    references: rf.map { [Remittance.CreditorReference(type: "SCOR", issuer: "ISO", reference: $0)] } ?? [])
        let transaction = Transaction(creditDebit: .credit, references: TransactionReferences(endToEndId: endToEnd),
                                      debtor: Party(name: payer, iban: iban), remittance: remittance)
        return Entry(amount: Money(minorUnits: minor, currency: eur), creditDebit: .credit,
                     bookingDate: StatementFixtures.date(day), valueDate: StatementFixtures.date(day),
                     accountServicerReference: bankReference, transactions: [transaction])
    }

    /// A returned direct debit: money going back out, with the original's end-to-end id.
    static func returned(_ minor: Int64, day: String, endToEnd: String?, reason: String = "MD06") -> Entry {
        let transaction = Transaction(creditDebit: .debit, references: TransactionReferences(endToEndId: endToEnd),
                                      returnInformation: ReturnInformation(reasonCode: reason))
        return Entry(amount: Money(minorUnits: minor, currency: eur), creditDebit: .debit,
                     bookingDate: StatementFixtures.date(day), valueDate: StatementFixtures.date(day),
                     transactions: [transaction])
    }

    static func debit(_ minor: Int64, day: String, payee: String = "Office Supplies") -> Entry {
        Entry(amount: Money(minorUnits: minor, currency: eur), creditDebit: .debit, bookingDate: StatementFixtures.date(day),
              valueDate: StatementFixtures.date(day),
              transactions: [Transaction(creditDebit: .debit, creditor: Party(name: payee))])
    }
}
