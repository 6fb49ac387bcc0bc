import BankStatements
import Reconciliation

extension StoredTransaction {
    /// The payment the matcher sees for this stored row: `amount` is what is still unexplained
    /// (the whole credit at first, the rest after a partial allocation).
    func payment(amount: Money) -> Payment {
        Payment(
            id: String(id), amount: Money(minorUnits: abs(amount.minorUnits), currency: amount.currency),
            direction: direction, isReversal: reversal, returnReason: returnReason,
            bookingDate: bookingDate ?? valueDate, counterpartyName: counterpartyName,
            counterpartyIBAN: counterpartyIBAN, remittanceText: remittanceText,
            structuredReferences: structuredReferences.map { Payment.StructuredReference(reference: $0) },
            referredDocuments: referredDocuments, endToEndId: endToEndId, mandateId: mandateId,
            bankReference: bankReference)
    }

    /// `true` for a booking that sends an earlier payment back (returned direct debit, reversal).
    var isReturnOrReversal: Bool { reversal || returnReason != nil }
}
