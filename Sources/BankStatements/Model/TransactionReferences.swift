/// The identifiers a payment carries through the banking chain.
public struct TransactionReferences: Hashable, Sendable {
    /// The payer's end-to-end id, carried unchanged to the payee (SEPA). `NOTPROVIDED` is dropped.
    public var endToEndId: String?
    public var instructionId: String?
    public var transactionId: String?
    public var paymentInformationId: String?
    public var messageId: String?
    /// The direct-debit mandate id.
    public var mandateId: String?
    /// The SEPA creditor id of the collecting party.
    public var creditorId: String?
    /// The bank's own reference for this transaction (`AcctSvcrRef` at transaction level).
    public var accountServicerReference: String?
    /// The unique end-to-end transaction reference of SWIFT gpi (`UETR`).
    public var uetr: String?
    public var clearingSystemReference: String?
    public var chequeNumber: String?
    /// The account owner's reference (MT940 `:61:` customer reference); `NONREF` is dropped.
    public var customerReference: String?
    /// Other references the bank gave (MT940 `/MARF/`, `/CSID/` and the like), by code.
    public var other: [String: String]

    public init(endToEndId: String? = nil, instructionId: String? = nil, transactionId: String? = nil,
                paymentInformationId: String? = nil, messageId: String? = nil, mandateId: String? = nil,
                creditorId: String? = nil, accountServicerReference: String? = nil, uetr: String? = nil,
                clearingSystemReference: String? = nil, chequeNumber: String? = nil,
                customerReference: String? = nil, other: [String: String] = [:]) {
        self.endToEndId = endToEndId
        self.instructionId = instructionId
        self.transactionId = transactionId
        self.paymentInformationId = paymentInformationId
        self.messageId = messageId
        self.mandateId = mandateId
        self.creditorId = creditorId
        self.accountServicerReference = accountServicerReference
        self.uetr = uetr
        self.clearingSystemReference = clearingSystemReference
        self.chequeNumber = chequeNumber
        self.customerReference = customerReference
        self.other = other
    }

    /// Placeholder values banks write when there is no reference; they must never be used as identity.
    public static func isPlaceholder(_ value: String) -> Bool {
        let upper = value.uppercased()
        return upper == "NOTPROVIDED" || upper == "NONREF" || upper == "NOT PROVIDED" || upper.isEmpty
    }
}
