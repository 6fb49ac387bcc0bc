/// What a person's manual match teaches about a payer, for the store to keep.
///
/// Once the payer IBAN is known for the customer, the next payment from it with an amount equal to
/// exactly one open invoice is allocated automatically (rule (b) of ``Matcher``).
public struct LearnedFacts: Hashable, Sendable {
    public var customerID: String
    /// A valid payer IBAN not yet known for the customer.
    public var iban: String?
    /// A payer name that does not yet match the customer's names.
    public var nameAlias: String?
    /// Other customers already known to pay from the IBAN (a shared account, or a mistake). While
    /// an IBAN belongs to several customers it identifies none of them.
    public var ibanAlsoKnownFor: [String]

    public init(customerID: String, iban: String? = nil, nameAlias: String? = nil, ibanAlsoKnownFor: [String] = []) {
        self.customerID = customerID
        self.iban = iban
        self.nameAlias = nameAlias
        self.ibanAlsoKnownFor = ibanAlsoKnownFor
    }

    /// `true` when there is nothing new to record.
    public var isEmpty: Bool { iban == nil && nameAlias == nil }

    /// What choosing `invoiceIDs` for `payment` teaches, or `nil` when the invoices are unknown or
    /// belong to more than one customer (then no single payer can be inferred).
    public static func derive(payment: Payment, invoiceIDs: [String], context: MatchingContext,
                              policy: MatchingPolicy = .standard) -> LearnedFacts? {
        let owners = Set(invoiceIDs.compactMap { context.invoice(id: $0)?.customerID })
        guard owners.count == 1, let customerID = owners.first,
              invoiceIDs.allSatisfy({ context.invoice(id: $0) != nil })
        else { return nil }
        var facts = LearnedFacts(customerID: customerID)
        if let raw = payment.counterpartyIBAN, let iban = IBAN.normalize(raw) {
            let known = context.customers(payingFrom: iban)
            if !known.contains(customerID) {
                facts.iban = iban
                facts.ibanAlsoKnownFor = known.sorted()
            }
        }
        if let name = payment.counterpartyName, !NameNormalizer.tokens(name).isEmpty {
            let matches = context.names.matches(for: name, minimum: policy.nameMatchThreshold)
            if !matches.contains(where: { $0.customer == customerID }) {
                facts.nameAlias = name
            }
        }
        return facts
    }
}
