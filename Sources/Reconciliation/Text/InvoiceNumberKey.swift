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

    /// How many letter and digit runs the full key has (the parts between its dashes).
    var segmentCount: Int {
        // Runs are never empty and dashes stand only between them, so this is a split's count.
        full.utf8.reduce(1) { $1 == UInt8(ascii: "-") ? $0 + 1 : $0 }
    }

    /// The key of an invoice number; `nil` when it has no digits (such numbers are not matched in text).
    ///
    /// Built from bytes directly (the same key as splitting into ``TextSegment``s), because every
    /// open invoice's number is keyed when the context is built; an all-ASCII number (the usual
    /// case) is read in a plain loop, the same way ``TextSegment/scanFolded`` reads ASCII.
    init?(number: some StringProtocol) {
        var builder = Builder()
        let limit = 200
        let ascii: Bool? = number.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            for byte in bytes.prefix(limit) {
                if byte >= 0x30 && byte <= 0x39 {
                    builder.add(byte, digit: true)
                } else if byte >= 0x41 && byte <= 0x5A {
                    builder.add(byte, digit: false)
                } else if byte >= 0x61 && byte <= 0x7A {
                    builder.add(byte - 32, digit: false)
                } else {
                    builder.endRun()
                }
            }
            return true
        }
        if ascii != true {
            builder = Builder()
            TextSegment.scanFolded(number, limit: limit, onByte: { builder.add($0, digit: $1) },
                                   onSeparator: { builder.endRun() })
        }
        builder.endRun()
        guard let coreStart = builder.coreStart else { return nil }
        full = String(decoding: builder.key, as: UTF8.self)
        core = String(decoding: builder.key[coreStart...], as: UTF8.self)
        significantDigits = builder.digits
        hasLetters = builder.letters
    }

    /// Writes runs straight into the key: letter runs as they are, digit runs without their leading
    /// zeros (`0` when nothing else is left), runs joined by `-`.
    private struct Builder {
        var key: [UInt8] = []
        var coreStart: Int?
        var digits = 0
        var letters = false
        private var inRun = false
        private var runIsDigits = false
        private var runHasSignificant = false

        init() { key.reserveCapacity(24) }

        @inline(__always) mutating func add(_ byte: UInt8, digit: Bool) {
            if inRun && runIsDigits != digit { endRun() }
            if !inRun {
                if !key.isEmpty { key.append(UInt8(ascii: "-")) }
                if digit {
                    if coreStart == nil { coreStart = key.count }
                    runHasSignificant = false
                } else {
                    letters = true
                }
                inRun = true
                runIsDigits = digit
            }
            if digit {
                guard runHasSignificant || byte != UInt8(ascii: "0") else { return }
                runHasSignificant = true
                digits += 1
            }
            key.append(byte)
        }

        @inline(__always) mutating func endRun() {
            guard inRun else { return }
            if runIsDigits && !runHasSignificant { key.append(UInt8(ascii: "0")) }
            inRun = false
        }
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
