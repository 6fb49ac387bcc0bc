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
    ///
    /// Built from bytes directly (the same key as splitting into ``TextSegment``s), because every
    /// open invoice's number is keyed when the context is built.
    init?(number: some StringProtocol) {
        var key: [UInt8] = []
        key.reserveCapacity(24)
        var coreStart: Int?
        var digits = 0
        var letters = false
        var run: [UInt8] = []
        var runIsDigits = false
        func flush() {
            guard !run.isEmpty else { return }
            if !key.isEmpty { key.append(UInt8(ascii: "-")) }
            if runIsDigits {
                if coreStart == nil { coreStart = key.count }
                let significant = run.drop { $0 == UInt8(ascii: "0") }
                if significant.isEmpty {
                    key.append(UInt8(ascii: "0"))
                } else {
                    key.append(contentsOf: significant)
                    digits += significant.count
                }
            } else {
                letters = true
                key.append(contentsOf: run)
            }
            run.removeAll(keepingCapacity: true)
        }
        func add(_ byte: UInt8, digit: Bool) {
            if !run.isEmpty && runIsDigits != digit { flush() }
            runIsDigits = digit
            run.append(byte)
        }
        TextSegment.scanFolded(number, limit: 200, onByte: add, onSeparator: flush)
        flush()
        guard let coreStart else { return nil }
        full = String(decoding: key, as: UTF8.self)
        core = String(decoding: key[coreStart...], as: UTF8.self)
        significantDigits = digits
        hasLetters = letters
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
