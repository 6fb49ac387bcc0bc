/// The company's invoice numbers, `INV-YYYY-NNNN` (four digits at least, more when a year needs
/// them), and the ways payers mistype them in free text.
enum InvoiceNumber {
    static func make(year: Int, sequence: Int) -> String {
        "INV-\(year)-\(CustomerFactory.padded(sequence, width: 4))"
    }

    /// How a payer writes the invoice number in the description: with or without the `INV` prefix,
    /// leading zeros or separators, in Dutch, German or English.
    static func freeText(year: Int, sequence: Int, country: Bank.Country, variant: Int) -> String {
        let full = make(year: year, sequence: sequence)
        let zeros = CustomerFactory.padded(sequence, width: 4)
        switch country {
        case .germany:
            switch variant % 5 {
            case 0: return "Rechnung Nr. \(year)-\(zeros)"
            case 1: return "Rg.-Nr. \(full)"
            case 2: return "RE \(year)-\(sequence)"
            case 3: return full
            default: return "Rechnung \(full) vom Kunden"
            }
        case .netherlands, .belgium:
            switch variant % 6 {
            case 0: return "factuur \(year)/\(sequence)"
            case 1: return "Factuur \(full)"
            case 2: return "factuurnr. \(year)-\(zeros)"
            case 3: return "inv\(year)\(zeros)"
            case 4: return "INV \(year)-\(zeros)"
            default: return full
            }
        }
    }
}
