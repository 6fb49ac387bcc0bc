import BankStatements

/// One suggestion stored with a review item: the invoices a payment may settle, or, for a return,
/// the earlier payment it may send back.
///
/// Stored as JSON in `review_items.candidates` and read back through SQLite's JSON functions, so
/// nothing but the store parses it.
public struct ReviewCandidate: Hashable, Sendable {
    /// Invoice numbers, in the order money would be spread (credit notes first).
    public var invoiceNumbers: [String]
    public var invoiceIDs: [Int64]
    public var customerID: String?
    /// The open total of the invoices when the suggestion was made, or the returned payment's amount.
    public var amount: Money
    /// 0–100, higher is more likely.
    public var score: Int
    /// The evidence in words, separated by "; ".
    public var evidence: String
    /// The allocation method the matcher would have used.
    public var method: String
    /// For a return: the earlier credit it may send back.
    public var returnedTransactionID: Int64?

    public init(invoiceNumbers: [String], invoiceIDs: [Int64], customerID: String?, amount: Money, score: Int,
                evidence: String, method: String, returnedTransactionID: Int64? = nil) {
        self.invoiceNumbers = invoiceNumbers
        self.invoiceIDs = invoiceIDs
        self.customerID = customerID
        self.amount = amount
        self.score = score
        self.evidence = evidence
        self.method = method
        self.returnedTransactionID = returnedTransactionID
    }

    var json: JSONValue {
        .object([
            ("invoices", .string(invoiceNumbers.joined(separator: "\n"))),
            ("invoiceIds", .string(invoiceIDs.map(String.init).joined(separator: ","))),
            ("customer", .optional(customerID)),
            ("amount", .string(String(amount.minorUnits))),
            ("currency", .string(amount.currency.code)),
            ("score", .integer(Int64(score))),
            ("evidence", .string(evidence)),
            ("method", .string(method)),
            ("returnedTransactionId", returnedTransactionID.map { .integer($0) } ?? .null),
        ])
    }

    static func encode(_ candidates: [ReviewCandidate]) -> String {
        JSONValue.array(candidates.map(\.json)).rendered()
    }

    /// The columns `decode(_:)` reads, selected from a `json_each(candidates)` alias `j`.
    static let columns = """
        json_extract(j.value, '$.invoices'), json_extract(j.value, '$.invoiceIds'), json_extract(j.value, '$.customer'),
        json_extract(j.value, '$.amount'), json_extract(j.value, '$.currency'), json_extract(j.value, '$.score'),
        json_extract(j.value, '$.evidence'), json_extract(j.value, '$.method'),
        json_extract(j.value, '$.returnedTransactionId')
        """

    /// Reads the candidate from the `columns` starting at `first`.
    static func decode(_ row: Statement, from first: Int32) -> ReviewCandidate {
        let numbers = row.text(first)
        return ReviewCandidate(
            invoiceNumbers: numbers.isEmpty ? [] : numbers.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
            invoiceIDs: row.text(first + 1).split(separator: ",").compactMap { Int64($0) },
            customerID: row.optionalText(first + 2),
            amount: Money(minorUnits: Int64(row.text(first + 3)) ?? 0, currency: LedgerStore.currency(row.text(first + 4))),
            score: row.int(first + 5), evidence: row.text(first + 6), method: row.text(first + 7),
            returnedTransactionID: row.optionalInt64(first + 8))
    }
}

/// An open review item with the transaction it is about and its ranked suggestions.
public struct ReviewQueueItem: Hashable, Sendable {
    public var id: Int64
    public var kind: String
    public var reason: String
    public var autoAllowed: Bool
    public var transaction: StoredTransaction
    /// Best first.
    public var candidates: [ReviewCandidate]
}
