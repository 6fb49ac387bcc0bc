/// A party to a payment: debtor, creditor or an ultimate party.
public struct Party: Hashable, Sendable {
    public var name: String?
    /// The party's IBAN, upper case without spaces.
    public var iban: String?
    /// A non-IBAN account id.
    public var otherAccount: String?
    /// The BIC of the party's bank.
    public var bic: String?
    /// Postal address lines, as given.
    public var address: [String]
    /// An organisation or private id (creditor id, customer number), as given.
    public var identification: String?

    public init(name: String? = nil, iban: String? = nil, otherAccount: String? = nil, bic: String? = nil,
                address: [String] = [], identification: String? = nil) {
        self.name = name
        self.iban = iban
        self.otherAccount = otherAccount
        self.bic = bic
        self.address = address
        self.identification = identification
    }

    /// `true` when nothing is known about the party.
    public var isEmpty: Bool {
        name == nil && iban == nil && otherAccount == nil && bic == nil && address.isEmpty && identification == nil
    }
}
