/// What the payer said the payment is for.
public struct Remittance: Hashable, Sendable {
    /// A structured creditor reference (`Strd/CdtrRefInf`).
    public struct CreditorReference: Hashable, Sendable {
        /// The reference type code, e.g. `SCOR`, or the proprietary type.
        public var type: String?
        /// Who issued the reference scheme: `ISO` (ISO 11649 RF), `CUR` (Dutch betalingskenmerk), `BBA` (Belgian OGM)…
        public var issuer: String?
        public var reference: String

        public init(type: String? = nil, issuer: String? = nil, reference: String) {
            self.type = type
            self.issuer = issuer
            self.reference = reference
        }
    }

    /// The unstructured lines (`Ustrd`) exactly as given, in order.
    public var unstructuredLines: [String]
    public var references: [CreditorReference]
    /// Referred documents (`RfrdDocInf/Nb`), such as invoice numbers given in structured form.
    public var referredDocuments: [String]
    /// Other structured text (`AddtlRmtInf`).
    public var additional: [String]

    public init(unstructuredLines: [String] = [], references: [CreditorReference] = [],
                referredDocuments: [String] = [], additional: [String] = []) {
        self.unstructuredLines = unstructuredLines
        self.references = references
        self.referredDocuments = referredDocuments
        self.additional = additional
    }

    /// The unstructured lines joined into one text.
    ///
    /// Banks wrap free text at a fixed width, often mid-word, so lines are joined without a separator
    /// when a line fills the usual 35 or 140 characters, and with a space otherwise.
    public var unstructured: String? {
        guard !unstructuredLines.isEmpty else { return nil }
        var text = ""
        for (index, line) in unstructuredLines.enumerated() {
            if index > 0 {
                let previous = unstructuredLines[index - 1]
                let count = previous.count
                let wrapped = count == 35 || count == 140 || count == 65 || count == 27
                if !wrapped { text += " " }
            }
            text += line
        }
        return text
    }

    public var isEmpty: Bool {
        unstructuredLines.isEmpty && references.isEmpty && referredDocuments.isEmpty && additional.isEmpty
    }
}
