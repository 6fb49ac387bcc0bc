import BankStatements

/// Everything one payment says about which invoices and which customer it concerns, gathered
/// through the context's indexes before any candidate is scored.
struct PaymentEvidence {
    /// How firmly a payment names an invoice, weakest first.
    enum Identification: Int, Comparable {
        case none = 0
        /// Equals the invoice's reference, but the reference has no valid check digit.
        case uncheckedReference
        /// The invoice number appears in free text or the referred documents.
        case invoiceNumber
        /// The end-to-end id or mandate id equals the invoice number or reference.
        case endToEnd
        /// A reference with a valid check digit equals the invoice's reference.
        case checkedReference

        static func < (a: Identification, b: Identification) -> Bool { a.rawValue < b.rawValue }
    }

    struct InvoiceFacts {
        var level = Identification.none
        var words: [String] = []

        mutating func note(_ level: Identification, _ words: String) {
            self.level = max(self.level, level)
            if !self.words.contains(words) { self.words.append(words) }
        }
    }

    var invoices: [Int: InvoiceFacts] = [:]
    /// Customers the payer IBAN is known for.
    var ibanCustomers: Set<String> = []
    /// Customers the payer name resembles, with the similarity.
    var nameSimilarity: [String: Double] = [:]
    /// The payer and ultimate debtor names given.
    var payerNames: [String] = []
    /// The same names tokenised once, for comparing with each candidate customer.
    var payerQueries: [PreparedName] = []
    /// Valid structured references that equal no open invoice (already paid, or not ours).
    var unmatchedReferences: [String] = []

    init(payment: Payment, context: MatchingContext, policy: MatchingPolicy) {
        for structured in payment.structuredReferences.prefix(16) {
            collectStructured(structured, context: context)
        }
        for document in payment.referredDocuments.prefix(32) {
            collectDocument(document, context: context)
        }
        if let text = payment.remittanceText {
            let segments = TextSegment.split(text, limit: policy.maximumTextLength)
            collectFreeTextReferences(segments, context: context, policy: policy)
            collectInvoiceNumbers(segments, context: context, policy: policy)
        }
        if let id = payment.endToEndId { collectIdentifier(id, label: "end-to-end id", context: context) }
        if let id = payment.mandateId { collectIdentifier(id, label: "mandate id", context: context) }
        if let iban = payment.counterpartyIBAN { ibanCustomers = context.customers(payingFrom: iban) }
        payerNames = [payment.counterpartyName, payment.ultimateDebtorName].compactMap { $0 }
        payerQueries = payerNames.map { context.names.prepare($0) }
        for query in payerQueries {
            for match in context.names.matches(for: query, minimum: policy.nameResemblanceThreshold).prefix(10) {
                nameSimilarity[match.customer] = max(nameSimilarity[match.customer] ?? 0, match.similarity)
            }
        }
    }

    /// The invoices named at least at `level`.
    func identified(atLeast level: Identification) -> [Int] {
        invoices.filter { $0.value.level >= level }.map(\.key).sorted()
    }

    private static func isChecked(_ key: String, issuer: String?) -> Bool {
        if let kind = ReferenceKind(issuer: issuer) { return kind.isValid(key) }
        return !ReferenceKind.validKinds(of: key).isEmpty
    }

    private mutating func collectStructured(_ structured: Payment.StructuredReference, context: MatchingContext) {
        guard let key = ReferenceText.normalize(structured.reference) else { return }
        let checked = PaymentEvidence.isChecked(key, issuer: structured.issuer)
        guard let hits = context.referenceIndex[key] else {
            if checked { unmatchedReferences.append(structured.reference) }
            return
        }
        for hit in hits {
            if checked {
                invoices[hit, default: InvoiceFacts()].note(.checkedReference,
                    "structured reference \(structured.reference) (check digit valid)")
            } else {
                invoices[hit, default: InvoiceFacts()].note(.uncheckedReference,
                    "structured reference \(structured.reference) (no valid check digit)")
            }
        }
    }

    private mutating func collectDocument(_ document: String, context: MatchingContext) {
        var hits = Set<Int>()
        if let key = InvoiceNumberKey(number: document) {
            hits.formUnion(context.numberFullIndex[key.full] ?? [])
            if !key.hasLetters { hits.formUnion(context.numberCoreIndex[key.core] ?? []) }
        }
        for hit in hits {
            invoices[hit, default: InvoiceFacts()].note(.invoiceNumber, "invoice number \(document) in referred documents")
        }
    }

    private mutating func collectIdentifier(_ value: String, label: String, context: MatchingContext) {
        guard let key = ReferenceText.normalize(value) else { return }
        var hits = Set(context.referenceIndex[key] ?? [])
        hits.formUnion(context.numberTextIndex[key] ?? [])
        if let number = InvoiceNumberKey(number: value), number.hasLetters || number.significantDigits >= 4 {
            hits.formUnion(context.numberFullIndex[number.full] ?? [])
        }
        for hit in hits {
            invoices[hit, default: InvoiceFacts()].note(.endToEnd, "\(label) \(value) equals the invoice")
        }
    }

    /// References in free text, possibly written in groups (`RF18 5390 0754 7034`,
    /// `+++010/8068/17183+++`): windows of consecutive segments, longest first, looked up whole.
    private mutating func collectFreeTextReferences(_ segments: [TextSegment], context: MatchingContext,
                                                    policy: MatchingPolicy) {
        var start = 0
        while start < segments.count {
            var joined: [String] = []
            var length = 0
            for segment in segments[start..<min(segments.count, start + 8)] {
                length += segment.text.utf8.count
                if length > 35 { break }
                joined.append(segment.text)
            }
            var matched = 0
            while !joined.isEmpty {
                let key = joined.joined()
                if key.utf8.count >= policy.minimumFreeTextReferenceLength, let hits = context.referenceIndex[key] {
                    let checked = PaymentEvidence.isChecked(key, issuer: nil)
                    for hit in hits {
                        if checked {
                            invoices[hit, default: InvoiceFacts()].note(.checkedReference,
                                "reference \(key) in text (check digit valid)")
                        } else {
                            invoices[hit, default: InvoiceFacts()].note(.uncheckedReference,
                                "reference \(key) in text (no valid check digit)")
                        }
                    }
                    matched = joined.count
                    break
                }
                joined.removeLast()
            }
            start += max(1, matched)
        }
    }

    /// Invoice numbers in free text: windows of segments, longest first, compared by key. A window
    /// without the invoice's letters counts only after a prefix word or with enough digits.
    private mutating func collectInvoiceNumbers(_ segments: [TextSegment], context: MatchingContext,
                                                policy: MatchingPolicy) {
        var start = 0
        while start < segments.count {
            var matched = 0
            var length = min(context.longestNumber, segments.count - start)
            while length > 0 {
                let window = segments[start..<(start + length)]
                guard let key = InvoiceNumberKey(segments: window), window.last?.isDigits == true else {
                    length -= 1
                    continue
                }
                var hits: [Int] = []
                if key.hasLetters {
                    hits = context.numberFullIndex[key.full] ?? []
                } else {
                    let prefixed = (1...2).contains { back in
                        start - back >= 0 && InvoiceNumberKey.prefixWords.contains(segments[start - back].text)
                    }
                    if prefixed || key.significantDigits >= policy.minimumBareInvoiceDigits {
                        hits = (context.numberFullIndex[key.full] ?? []) + (context.numberCoreIndex[key.core] ?? [])
                    }
                }
                if !hits.isEmpty {
                    let written = window.map(\.text).joined(separator: "-")
                    for hit in Set(hits) {
                        invoices[hit, default: InvoiceFacts()].note(.invoiceNumber,
                            "invoice number \(context.invoices[hit].number) in text (\(written))")
                    }
                    matched = length
                    break
                }
                length -= 1
            }
            start += max(1, matched)
        }
    }
}
