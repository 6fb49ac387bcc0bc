/// Which evidence or rule produced an allocation; stored with it so every allocation can be explained.
public enum AllocationMethod: String, Hashable, Sendable, CaseIterable {
    /// A structured reference with a valid check digit equals the invoice's payment reference.
    case structuredReference = "reference"
    /// The end-to-end id or mandate id equals the invoice number or reference.
    case endToEndId = "end-to-end-id"
    /// The invoice number appears in the remittance information.
    case invoiceNumber = "invoice-number"
    /// The payer IBAN is known for the customer and the amount equals exactly one open invoice.
    case payerIBANAndAmount = "iban-amount"
    /// The payer IBAN is known and the amount equals exactly one set of the customer's open invoices.
    case subsetSum = "subset-sum"
    /// A credit note of the same customer nets against the paid invoices.
    case creditNoteNetting = "credit-note"
    /// The small shortfall of an under-payment within tolerance, closed without money.
    case writeOff = "write-off"
    /// Money left over after all invoices are paid, kept as credit on the customer.
    case customerCredit = "customer-credit"
    /// A weaker match only a person may confirm (review suggestions).
    case suggestion = "suggestion"
}
