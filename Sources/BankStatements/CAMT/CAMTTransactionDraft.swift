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
    ///
    /// The amount prefers `Amt`, then `AmtDtls/TxAmt`, then `AmtDtls/InstdAmt`: the booked amount
    /// before the instructed one, which may be in another currency or before charges. The
    /// transaction takes the entry's direction when it gives none of its own. Every part is moved
    /// (swapped with a blank), never copied: a transaction holds dozens of strings.
    mutating func take(entryCreditDebit: CreditDebit?) -> Transaction {
        transaction.amount = ownAmount ?? transactionAmount ?? transaction.originalAmount
        if let direction = creditDebit ?? entryCreditDebit { transaction.creditDebit = direction }
        if !debtor.isEmpty { transaction.debtor = Self.moved(&debtor, blank: Party()) }
        if !creditor.isEmpty { transaction.creditor = Self.moved(&creditor, blank: Party()) }
        if !ultimateDebtor.isEmpty { transaction.ultimateDebtor = Self.moved(&ultimateDebtor, blank: Party()) }
        if !ultimateCreditor.isEmpty { transaction.ultimateCreditor = Self.moved(&ultimateCreditor, blank: Party()) }
        if hasReturnInformation {
            transaction.returnInformation = Self.moved(&returnInformation, blank: ReturnInformation())
            hasReturnInformation = false
        }
        if bankTransactionCode != BankTransactionCode() {
            transaction.bankTransactionCode = Self.moved(&bankTransactionCode, blank: BankTransactionCode())
        }
        ownAmount = nil
        transactionAmount = nil
        creditDebit = nil
        reference = CAMTReferenceDraft()
        return Self.moved(&transaction, blank: Transaction(creditDebit: .credit))
    }

    /// `blank` is consumed, so that it is moved into place rather than copied.
    private static func moved<Value>(_ value: inout Value, blank: consuming Value) -> Value {
        var result = blank
        swap(&result, &value)
        return result
    }
}

/// A `Strd/CdtrRefInf` being read.
struct CAMTReferenceDraft {
    var type: String?
    var issuer: String?
    var reference: String?
}
