/// Reads an `:86:` text in whichever dialect it is written, detected from its content.
///
/// An unknown layout is never an error: its lines become the remittance text.
enum MT940Information {
    /// Reads the text into `transaction` and the parties it names into `details`; `scratch` is
    /// storage reused from entry to entry for the joined lines.
    static func parse(_ bytes: [UInt8], utf8: Bool, scratch: inout [UInt8], into transaction: inout Transaction,
                      details: inout MT940Details) {
        scratch.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { source in
            var start = 0
            while start < source.count {
                let end = UnsafeBufferPointer(rebasing: source[start...]).firstIndex(of: 0x0A).map { start + $0 } ?? source.count
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
                start = end + 1
            }
        }
        let joined = scratch
        if let separator = MT940GermanSubfields.separator(joined) {
            MT940GermanSubfields.parse(joined, separator: separator, into: &transaction, details: &details, utf8: utf8)
        } else if let first = joined.firstIndex(where: { !MT940Bytes.isBlank($0) }), first > 0,
                  let separator = MT940GermanSubfields.separator(Array(joined[first...])) {
            // Some banks start the text with a blank (` 020?00…`).
            MT940GermanSubfields.parse(Array(joined[first...]), separator: separator, into: &transaction, details: &details, utf8: utf8)
        } else if MT940DutchCodewords.matches(joined) {
            MT940DutchCodewords.parse(joined, into: &transaction, details: &details, utf8: utf8)
        } else {
            let lines = bytes.split(separator: 0x0A).map(Array.init)
            if let first = lines.first, let party = MT940DutchKeywordText.fixedColumnParty(first, utf8: utf8) {
                details.counterparty = party
                unstructured(lines, into: &transaction, utf8: utf8)
                oldPaymentReference(lines, into: &transaction)
            } else if !MT940DutchKeywordText.parse(joined, into: &transaction, details: &details, utf8: utf8) {
                unstructured(lines, into: &transaction, utf8: utf8)
                oldPaymentReference(lines, into: &transaction)
                // SNS and ASN start the text with the other side's IBAN and name.
                if let first = lines.first {
                    let end = first.firstIndex(of: 0x20) ?? first.count
                    if MT940Bytes.looksLikeIBAN(first, 0..<end) {
                        details.counterparty.iban = String(decoding: first[0..<end], as: UTF8.self)
                        let name = MT940Text.string(first, MT940Bytes.trim(first, end..<first.count), utf8: utf8)
                        if !name.isEmpty { details.counterparty.name = name }
                    }
                }
            }
        }
    }

    /// A Dutch betalingskenmerk in the old layouts becomes a structured reference as well; the
    /// text stays in the remittance lines as written.
    private static func oldPaymentReference(_ lines: [[UInt8]], into transaction: inout Transaction) {
        guard let reference = MT940DutchKeywordText.oldPaymentReference(lines) else { return }
        transaction.remittance.references.append(.init(type: "SCOR", issuer: "CUR", reference: reference))
    }

    private static func unstructured(_ lines: [[UInt8]], into transaction: inout Transaction, utf8: Bool) {
        for line in lines {
            let text = MT940Text.string(line, MT940Bytes.trim(line, 0..<line.count), utf8: utf8)
            if !text.isEmpty { transaction.remittance.unstructuredLines.append(text) }
        }
    }
}
