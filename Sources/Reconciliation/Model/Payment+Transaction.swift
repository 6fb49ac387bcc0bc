import BankStatements

extension Payment {
    /// The payment made by one transaction of a booked entry.
    ///
    /// The transaction's own amount is used when the bank gives one; otherwise the entry's, which
    /// is only right for a single booking (the ledger should not match batch details without
    /// amounts). Free text falls back to the entry's texts when the transaction has none, as MT940
    /// statements often put everything in `:86:`.
    public init(id: String, entry: Entry, transaction: Transaction) {
        let remittance = transaction.remittance
        var texts: [String] = []
        if let text = remittance.unstructured { texts.append(text) }
        texts.append(contentsOf: remittance.additional)
        if let info = transaction.additionalInfo { texts.append(info) }
        if texts.isEmpty {
            if let info = entry.additionalInfo { texts.append(info) }
            if let raw = entry.rawInformation { texts.append(raw) }
        }
        func identifier(_ value: String?) -> String? {
            guard let value, !TransactionReferences.isPlaceholder(value) else { return nil }
            return value
        }
        self.init(
            id: id,
            amount: transaction.amount ?? entry.amount,
            direction: transaction.creditDebit,
            isReversal: entry.reversal,
            returnReason: transaction.returnInformation?.reason,
            bookingDate: entry.bookingDate ?? entry.valueDate,
            counterpartyName: transaction.counterparty?.name,
            counterpartyIBAN: transaction.counterparty?.iban,
            ultimateDebtorName: transaction.ultimateDebtor?.name,
            remittanceText: texts.isEmpty ? nil : texts.joined(separator: " "),
            structuredReferences: remittance.references,
            referredDocuments: remittance.referredDocuments,
            endToEndId: identifier(transaction.references.endToEndId),
            mandateId: identifier(transaction.references.mandateId),
            bankReference: identifier(transaction.references.accountServicerReference ?? entry.accountServicerReference)
        )
    }

    /// The payment of an entry the bank gave no transaction details for.
    public init(id: String, entry: Entry) {
        self.init(id: id, entry: entry, transaction: Transaction(creditDebit: entry.creditDebit))
    }
}
