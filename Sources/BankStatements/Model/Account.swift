/// The account a statement is about.
public struct Account: Hashable, Sendable {
    /// The IBAN, upper case without spaces.
    public var iban: String?
    /// Any other account identification (`Othr/Id`, a German `BLZ/Konto`, a US account number).
    public var other: String?
    /// The scheme of `other` (`Othr/SchmeNm`), e.g. `BBAN`.
    public var otherScheme: String?
    public var currency: Currency?
    public var name: String?
    public var ownerName: String?
    /// The BIC of the bank that holds the account.
    public var servicerBIC: String?
    /// A name or code of the servicer when no BIC is given.
    public var servicerName: String?

    public init(iban: String? = nil, other: String? = nil, otherScheme: String? = nil, currency: Currency? = nil,
                name: String? = nil, ownerName: String? = nil, servicerBIC: String? = nil, servicerName: String? = nil) {
        self.iban = iban
        self.other = other
        self.otherScheme = otherScheme
        self.currency = currency
        self.name = name
        self.ownerName = ownerName
        self.servicerBIC = servicerBIC
        self.servicerName = servicerName
    }

    /// The identification to show or key by: the IBAN, else the other id.
    public var identifier: String? { iban ?? other }
}
