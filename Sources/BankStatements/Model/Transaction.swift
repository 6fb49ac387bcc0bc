/// One payment inside an entry. A single booking has one; a batch booking has one per payment.
public struct Transaction: Hashable, Sendable {
    /// 0-based position within its entry; with the entry's position it forms a stable key even
    /// when references repeat.
    public var position: Int
    /// The transaction's own amount, when the bank gives one (`TxDtls/Amt`, `AmtDtls/TxAmt`, `InstdAmt`).
    public var amount: Money?
    /// The transaction's direction; the entry's when the transaction gives none.
    public var creditDebit: CreditDebit
    public var references: TransactionReferences
    public var debtor: Party?
    public var creditor: Party?
    public var ultimateDebtor: Party?
    public var ultimateCreditor: Party?
    public var remittance: Remittance
    public var returnInformation: ReturnInformation?
    public var charges: [Charge]
    /// The amount the payer instructed, before conversion or charges (`AmtDtls/InstdAmt`).
    public var originalAmount: Money?
    public var exchange: CurrencyExchange?
    /// A transaction-level bank transaction code, when it differs from the entry's.
    public var bankTransactionCode: BankTransactionCode?
    /// The purpose code (`Purp/Cd`), e.g. `SALA`.
    public var purpose: String?
    /// Free text the bank added (`AddtlTxInf`).
    public var additionalInfo: String?

    public init(position: Int = 0, amount: Money? = nil, creditDebit: CreditDebit,
                references: TransactionReferences = TransactionReferences(), debtor: Party? = nil,
                creditor: Party? = nil, ultimateDebtor: Party? = nil, ultimateCreditor: Party? = nil,
                remittance: Remittance = Remittance(), returnInformation: ReturnInformation? = nil,
                charges: [Charge] = [], originalAmount: Money? = nil, exchange: CurrencyExchange? = nil,
                bankTransactionCode: BankTransactionCode? = nil, purpose: String? = nil,
                additionalInfo: String? = nil) {
        self.position = position
        self.amount = amount
        self.creditDebit = creditDebit
        self.references = references
        self.debtor = debtor
        self.creditor = creditor
        self.ultimateDebtor = ultimateDebtor
        self.ultimateCreditor = ultimateCreditor
        self.remittance = remittance
        self.returnInformation = returnInformation
        self.charges = charges
        self.originalAmount = originalAmount
        self.exchange = exchange
        self.bankTransactionCode = bankTransactionCode
        self.purpose = purpose
        self.additionalInfo = additionalInfo
    }

    /// The other party: the debtor of a credit (who paid us), the creditor of a debit (whom we paid).
    ///
    /// A return keeps the roles of the payment it returns: a returned direct debit is a debit whose
    /// debtor is still the customer. When the expected side is empty (banks fill what they know),
    /// the other side is taken.
    public var counterparty: Party? {
        let paidUs = (creditDebit == .credit) != (returnInformation != nil)
        let preferred = paidUs ? debtor : creditor
        if let preferred, !preferred.isEmpty { return preferred }
        let other = paidUs ? creditor : debtor
        if let other, !other.isEmpty { return other }
        return nil
    }

    /// The ultimate other party, when the payment was made on someone else's behalf.
    public var ultimateCounterparty: Party? { creditDebit == .credit ? ultimateDebtor : ultimateCreditor }
}
