/// A customer of the generated company, with the details an invoice system and a bank would show.
struct Customer: Sendable {
    enum Kind: String, Sendable {
        case business
        case consumer
    }

    /// How the customer's invoices ask to be paid.
    enum ReferenceStyle: Sendable {
        /// No structured reference: the payer types the invoice number (or forgets to).
        case none
        /// ISO 11649 `RF…`.
        case creditorReference
        /// Dutch sixteen-digit betalingskenmerk.
        case betalingskenmerk
        /// Belgian `+++…+++`.
        case belgianStructured
    }

    /// `C00042`.
    let id: String
    /// The name in the company's customer master, e.g. `Bakkerij Jansen B.V.`.
    let name: String
    /// The name the customer's bank puts on payments, e.g. `BAKKERIJ JANSEN BV` or `Jansen, P.`.
    let bankName: String
    let kind: Kind
    let bank: Bank
    let iban: String
    let city: String
    let email: String
    let phone: String
    let referenceStyle: ReferenceStyle
    /// The SEPA direct-debit mandate, for customers who pay by direct debit.
    let mandateId: String?

    var country: Bank.Country { bank.country }
}
