import BankStatements

/// One bank transaction as stored: a model `Transaction` with its entry's fields, flattened.
struct TransactionRow: Hashable, Sendable {
    var bookingDate: CalendarDate?
    var valueDate: CalendarDate?
    /// Positive for a credit, negative for a debit.
    var signedMinorUnits: Int64
    var currency: Currency
    var direction: CreditDebit
    var reversal: Bool
    var status: String
    var bankReference: String?
    /// `true` when `bankReference` is the transaction's own, not shared with a batch's other payments.
    var referenceIsTransactionLevel: Bool
    var entryReference: String?
    var endToEndId: String?
    var mandateId: String?
    var counterpartyName: String?
    var counterpartyIBAN: String?
    var counterpartyBIC: String?
    var remittanceText: String?
    var structuredReferences: String?
    var referredDocuments: String?
    var returnReason: String?
    var bankTransactionCode: String?
    var entryPosition: Int
    /// `nil` when the row stands for a whole entry (no details, or a batch without per-payment amounts).
    var transactionPosition: Int?

    /// The rows for one booked entry: one per payment of a batch whose payments all carry an amount
    /// in the entry's currency, else a single row for the entry (with the payment's details when
    /// it is a single payment, since a partly detailed batch cannot be split honestly).
    static func rows(for entry: Entry) -> [TransactionRow] {
        let currency = entry.amount.currency
        if entry.transactions.count > 1,
           entry.transactions.allSatisfy({ $0.amount?.currency == currency }) {
            return entry.transactions.map { transaction in
                let amount = transaction.amount?.minorUnits ?? 0
                return row(entry: entry, transaction: transaction, signed: amount * transaction.creditDebit.sign,
                           direction: transaction.creditDebit, position: transaction.position)
            }
        }
        let single = entry.transactions.count == 1 && !entry.isBatch ? entry.transactions.first : nil
        return [row(entry: entry, transaction: single, signed: entry.signedMinorUnits, direction: entry.creditDebit,
                    position: nil)]
    }

    private static func row(entry: Entry, transaction: Transaction?, signed: Int64, direction: CreditDebit,
                            position: Int?) -> TransactionRow {
        let ownReference = transaction?.references.accountServicerReference.flatMap(usable)
        let counterparty = transaction?.counterparty
        let remittance = transaction?.remittance
        let structured = remittance?.references.map(\.reference) ?? []
        let documents = remittance?.referredDocuments ?? []
        return TransactionRow(
            bookingDate: entry.bookingDate, valueDate: entry.valueDate, signedMinorUnits: signed,
            currency: entry.amount.currency, direction: direction, reversal: entry.reversal, status: entry.status.code,
            bankReference: ownReference ?? entry.accountServicerReference.flatMap(usable),
            referenceIsTransactionLevel: ownReference != nil || position == nil,
            entryReference: entry.entryReference.flatMap(usable),
            endToEndId: transaction?.references.endToEndId.flatMap(usable),
            mandateId: transaction?.references.mandateId.flatMap(usable),
            counterpartyName: counterparty?.name, counterpartyIBAN: counterparty?.iban.map(normalizedIBAN),
            counterpartyBIC: counterparty?.bic,
            remittanceText: remittance?.unstructured ?? (remittance?.additional.isEmpty == false
                ? remittance?.additional.joined(separator: " ") : nil),
            structuredReferences: structured.isEmpty ? nil : structured.joined(separator: "\n"),
            referredDocuments: documents.isEmpty ? nil : documents.joined(separator: "\n"),
            returnReason: transaction?.returnInformation?.reason,
            bankTransactionCode: (transaction?.bankTransactionCode ?? entry.bankTransactionCode)?.summary,
            entryPosition: entry.position, transactionPosition: position)
    }

    private static func usable(_ value: String) -> String? {
        let trimmed = value.trimmingSpaces()
        return TransactionReferences.isPlaceholder(trimmed) ? nil : trimmed
    }

    private static func normalizedIBAN(_ value: String) -> String {
        String(value.uppercased().filter { $0 != " " })
    }
}
