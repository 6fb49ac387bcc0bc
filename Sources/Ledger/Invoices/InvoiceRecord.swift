import BankStatements

/// One valid row of an invoice file.
public struct InvoiceRecord: Hashable, Sendable {
    /// 1-based line where the row starts.
    public var line: Int
    public var invoiceNumber: String
    public var customerID: String
    public var customerName: String
    /// Normalised IBANs (upper case, no spaces) the customer pays from.
    public var customerIBANs: [String]
    public var issueDate: CalendarDate
    public var dueDate: CalendarDate
    /// Negative for a credit note.
    public var amount: Money
    public var paymentReference: String?
    public var customerEmail: String?
    public var customerPhone: String?
    /// `nil` when the file has no `customer_type` value: a new customer is then a business and an
    /// existing one keeps its type.
    public var customerType: CustomerType?
}

/// Whether a customer is a business or a consumer (dunning rules and fees differ).
public enum CustomerType: String, Hashable, Sendable {
    case business
    case consumer
}

/// A problem with one row (or the header) of an invoice file.
public struct InvoiceIssue: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The column the problem is in, when it is about one.
    public var column: String?
    public var message: String

    public var description: String {
        if let column { return "\(file):\(line): \(column): \(message)" }
        return "\(file):\(line): \(message)"
    }
}

/// The invoice file was rejected: nothing was written.
public struct InvoiceFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var issues: [InvoiceIssue]

    public var description: String {
        issues.map(\.description).joined(separator: "\n") + "\nnothing imported"
            + (issues.count > 1 ? " (\(issues.count) problems)" : "")
    }
}
