/// A `TxDtls` being read.
///
/// The reader keeps one draft for the whole parse: `start` fills in a blank draft, and `take`
/// moves the finished transaction out and leaves a blank one behind, so nothing is copied.
struct CAMTTransactionDraft {
    var transaction = Transaction(creditDebit: .credit)
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

    /// Begins a transaction at `position` in its entry, with the entry's direction until it gives its own.
    mutating func start(position: Int, entryCreditDebit: CreditDebit) {
        transaction.position = position
        transaction.creditDebit = entryCreditDebit
    }

    /// The finished transaction, leaving the draft blank.
    mutating func take(entryCreditDebit: CreditDebit?) -> Transaction {
        var finished = CAMTTransactionDraft()
        swap(&finished, &self)
        return finished.build(entryCreditDebit: entryCreditDebit)
    }

    /// The transaction, with the entry's direction when it gives none of its own.
    ///
    /// The amount prefers `Amt`, then `AmtDtls/TxAmt`, then `AmtDtls/InstdAmt`: the booked amount
    /// before the instructed one, which may be in another currency or before charges.
    private consuming func build(entryCreditDebit: CreditDebit?) -> Transaction {
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
