/// The comparable forms of an invoice number.
///
/// Payers write `INV-2024-0042` as `inv 2024/42`, `INV2024.0042` or just `Factuur 2024-0042`: the
/// number is kept as its letter and digit runs, upper-cased, with leading zeros dropped from each
/// digit run, so all of these give the same key `INV-2024-42`. The *core* key leaves out the leading
/// letters (`2024-42`) for payers who drop the prefix; a match on the core alone needs a prefix word
/// or enough digits to be trusted (see ``MatchingPolicy/minimumBareInvoiceDigits``).
struct InvoiceNumberKey: Hashable, Sendable {
    var full: String
    var core: String
    /// Digits in the core, without leading zeros: how distinctive a bare core match is.
    var significantDigits: Int
    var hasLetters: Bool

    /// The key of an invoice number; `nil` when it has no digits (such numbers are not matched in text).
    init?(number: some StringProtocol) {
        let segments = TextSegment.split(number, limit: 200)
        self.init(segments: segments[...])
    }

    init?(segments: ArraySlice<TextSegment>) {
        guard segments.contains(where: \.isDigits) else { return nil }
        full = segments.map(\.significant).joined(separator: "-")
        let coreSegments = segments.drop { !$0.isDigits }
        core = coreSegments.map(\.significant).joined(separator: "-")
        significantDigits = coreSegments.filter(\.isDigits).reduce(0) { $0 + ($1.significant == "0" ? 0 : $1.significant.count) }
        hasLetters = segments.contains { !$0.isDigits }
    }

    /// Words payers put before an invoice number; they are not part of it.
    static let prefixWords: Set<String> = [
        "INV", "INVOICE", "INVOICES", "INVNR", "INVNO", "FACT", "FACTUUR", "FACTUREN", "FACTUURNR", "FACTNR",
        "FACTUURNUMMER", "FACTURE", "FACTURES", "FACTURA", "FAKTURA", "FAKTURANR", "RECHNUNG", "RECHNUNGEN",
        "RECHNUNGSNR", "RECHNUNGSNUMMER", "RE", "RG", "RGNR", "NR", "NO", "NUMMER", "NUMBER", "NUM", "REF",
        "BILL", "LASKU", "REKENING", "NOTA",
    ]
}
