/// A `TxDtls` being read.
struct CAMTTransactionDraft {
    var transaction: Transaction
    /// `TxDtls/Amt` (v04+).
    var ownAmount: Money?
    /// `AmtDtls/TxAmt/Amt`.
    var transactionAmount: Money?
    var creditDebit: CreditDebit?
    var debtor = Party()
    var creditor = Party()
    var ultimateDebtor = Party()
    var ultimateCreditor = Party()
    var returnInformation = ReturnInformation()
    var hasReturnInformation = false
    var bankTransactionCode = BankTransactionCode()
    var reference = CAMTReferenceDraft()

    init(position: Int, entryCreditDebit: CreditDebit) {
        transaction = Transaction(position: position, creditDebit: entryCreditDebit)
    }

    /// The transaction, with the entry's direction when it gives none of its own.
    ///
    /// The amount prefers `Amt`, then `AmtDtls/TxAmt`, then `AmtDtls/InstdAmt`: the booked amount
    /// before the instructed one, which may be in another currency or before charges.
    consuming func build(entryCreditDebit: CreditDebit?) -> Transaction {
        var result = transaction
        result.amount = ownAmount ?? transactionAmount ?? transaction.originalAmount
        if let direction = creditDebit ?? entryCreditDebit { result.creditDebit = direction }
        result.debtor = debtor.isEmpty ? nil : debtor
        result.creditor = creditor.isEmpty ? nil : creditor
        result.ultimateDebtor = ultimateDebtor.isEmpty ? nil : ultimateDebtor
        result.ultimateCreditor = ultimateCreditor.isEmpty ? nil : ultimateCreditor
        result.returnInformation = hasReturnInformation ? returnInformation : nil
        if bankTransactionCode != BankTransactionCode() { result.bankTransactionCode = bankTransactionCode }
        return result
    }
}

/// A `Strd/CdtrRefInf` being read.
struct CAMTReferenceDraft {
    var type: String?
    var issuer: String?
    var reference: String?
}
