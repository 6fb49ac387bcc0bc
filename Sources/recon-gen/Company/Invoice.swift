import BankStatements

/// An invoice the company sent.
struct Invoice: Sendable {
    /// `INV-2026-0042`.
    let number: String
    let year: Int
    /// The number within its year (42).
    let sequence: Int
    let customer: Int
    let issueDate: CalendarDate
    let dueDate: CalendarDate
    /// In euro cents.
    let amount: Int64
    /// The structured reference in the form it travels in bank files (`RF…`, sixteen digits, twelve
    /// digits), or `nil`.
    let paymentReference: String?
    let referenceStyle: Customer.ReferenceStyle
}
