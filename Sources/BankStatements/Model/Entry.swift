/// One booking on the account: a line of the statement.
public struct Entry: Hashable, Sendable {
    /// 0-based position within its statement.
    public var position: Int
    /// The 1-based line in the source file where the entry starts (for messages and stable keys).
    public var sourceLine: Int
    /// The entry reference the bank gave (`NtryRef`).
    public var entryReference: String?
    /// The unsigned amount booked; `creditDebit` gives the direction.
    public var amount: Money
    public var creditDebit: CreditDebit
    /// `true` for a reversal (`RvslInd`, MT940 `RC`/`RD`). `creditDebit` is already the real direction:
    /// a reversed credit is a debit.
    public var reversal: Bool
    public var status: EntryStatus
    public var bookingDate: CalendarDate?
    public var valueDate: CalendarDate?
    /// The bank's reference for the booking (`AcctSvcrRef`, MT940 `:61:` `//` reference).
    public var accountServicerReference: String?
    public var bankTransactionCode: BankTransactionCode?
    /// The payments in this booking: one for a single booking, several for a batch, none when the
    /// bank gave no details.
    public var transactions: [Transaction]
    /// The number of transactions the bank says the batch holds (`Btch/NbOfTxs`), which can exceed
    /// the details given.
    public var batchTransactionCount: Int?
    public var batchPaymentInformationId: String?
    public var charges: [Charge]
    /// Free text the bank added to the entry (`AddtlNtryInf`).
    public var additionalInfo: String?
    /// MT940: the funds code letter after the debit/credit mark.
    public var fundsCode: String?
    /// MT940: the supplementary details on the line after `:61:`.
    public var supplementaryDetails: String?
    /// MT940: the `:86:` text as received, lines joined with newlines.
    public var rawInformation: String?

    public init(position: Int = 0, sourceLine: Int = 0, entryReference: String? = nil, amount: Money,
                creditDebit: CreditDebit, reversal: Bool = false, status: EntryStatus = .booked,
                bookingDate: CalendarDate? = nil, valueDate: CalendarDate? = nil,
                accountServicerReference: String? = nil, bankTransactionCode: BankTransactionCode? = nil,
                transactions: [Transaction] = [], batchTransactionCount: Int? = nil,
                batchPaymentInformationId: String? = nil, charges: [Charge] = [], additionalInfo: String? = nil,
                fundsCode: String? = nil, supplementaryDetails: String? = nil, rawInformation: String? = nil) {
        self.position = position
        self.sourceLine = sourceLine
        self.entryReference = entryReference
        self.amount = amount
        self.creditDebit = creditDebit
        self.reversal = reversal
        self.status = status
        self.bookingDate = bookingDate
        self.valueDate = valueDate
        self.accountServicerReference = accountServicerReference
        self.bankTransactionCode = bankTransactionCode
        self.transactions = transactions
        self.batchTransactionCount = batchTransactionCount
        self.batchPaymentInformationId = batchPaymentInformationId
        self.charges = charges
        self.additionalInfo = additionalInfo
        self.fundsCode = fundsCode
        self.supplementaryDetails = supplementaryDetails
        self.rawInformation = rawInformation
    }

    /// The entry's effect on the balance in minor units: positive for credits, negative for debits.
    public var signedMinorUnits: Int64 { amount.minorUnits * creditDebit.sign }

    /// `true` when the bank put several payments in this one booking.
    public var isBatch: Bool { transactions.count > 1 || (batchTransactionCount ?? 1) > 1 }
}
