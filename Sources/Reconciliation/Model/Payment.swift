import BankStatements

/// One booked payment as the matcher sees it: who paid, how much, and everything the payer wrote.
///
/// Kept separate from `BankStatements.Transaction` so that the ledger can rebuild a payment from
/// its own rows, and tests can state one in a line.
public struct Payment: Hashable, Sendable {
    /// A structured reference from the remittance information (`Strd/CdtrRefInf`): the statement
    /// model's own type, so a parsed reference reaches the matcher as it is.
    public typealias StructuredReference = Remittance.CreditorReference

    /// A stable id (the ledger's key for the booked transaction).
    public var id: String
    /// The unsigned amount; `direction` says which way it went.
    public var amount: Money
    public var direction: CreditDebit
    /// `true` when the bank marked the booking as a reversal of an earlier one.
    public var isReversal: Bool
    /// The return reason code (`MD06`, `AM04`…) when the payment is a return.
    public var returnReason: String?
    public var bookingDate: CalendarDate?
    public var counterpartyName: String?
    public var counterpartyIBAN: String?
    /// The party on whose behalf the payer paid, when given.
    public var ultimateDebtorName: String?
    /// The free remittance text, lines joined.
    public var remittanceText: String?
    public var structuredReferences: [StructuredReference]
    /// Invoice numbers given in structured form (`RfrdDocInf/Nb`).
    public var referredDocuments: [String]
    public var endToEndId: String?
    public var mandateId: String?
    /// The bank's own reference for the booking.
    public var bankReference: String?

    public init(id: String, amount: Money, direction: CreditDebit = .credit, isReversal: Bool = false,
                returnReason: String? = nil, bookingDate: CalendarDate? = nil, counterpartyName: String? = nil,
                counterpartyIBAN: String? = nil, ultimateDebtorName: String? = nil, remittanceText: String? = nil,
                structuredReferences: [StructuredReference] = [], referredDocuments: [String] = [],
                endToEndId: String? = nil, mandateId: String? = nil, bankReference: String? = nil) {
        self.id = id
        self.amount = amount
        self.direction = direction
        self.isReversal = isReversal
        self.returnReason = returnReason
        self.bookingDate = bookingDate
        self.counterpartyName = counterpartyName
        self.counterpartyIBAN = counterpartyIBAN
        self.ultimateDebtorName = ultimateDebtorName
        self.remittanceText = remittanceText
        self.structuredReferences = structuredReferences
        self.referredDocuments = referredDocuments
        self.endToEndId = endToEndId
        self.mandateId = mandateId
        self.bankReference = bankReference
    }

    /// `true` for a returned or reversed payment: these undo earlier allocations instead of making new ones.
    public var isReturnOrReversal: Bool { isReversal || returnReason != nil }
}
