import BankStatements

/// Writes the rows of one invoice file with statements prepared once, inside the caller's write
/// transaction.
///
/// A file repeats a customer on each of its invoices; the customer's update, IBANs and alias are
/// written again only when the row says something the previous row of that customer did not, since
/// writing the same values twice leaves the same row (a million-invoice file would otherwise cost
/// tens of millions of statement runs).
final class InvoiceWriter {
    enum Outcome { case inserted, updated, unchanged }

    /// What this writer last wrote for a customer: the same values again would change nothing.
    private struct CustomerWritten: Equatable {
        var name: String
        var email: String?
        var phone: String?
        var type: CustomerType?
    }

    private let now: String
    private let findConflict: Statement
    private let customerExists: Statement
    private let updateCustomer: Statement
    private let insertCustomer: Statement
    private let insertIBAN: Statement
    private let insertAlias: Statement
    private let compareInvoice: Statement
    private let insertInvoice: Statement
    private let updateInvoice: Statement
    private var written: [String: CustomerWritten] = [:]
    private var ibansWritten: Set<[String]> = []
    private var aliasesWritten: Set<[String]> = []

    init(database: Database, now: String) throws {
        self.now = now
        findConflict = try database.prepare("""
            SELECT i.currency, (SELECT count(*) FROM allocations a WHERE a.invoice_id = i.id) FROM invoices i
            WHERE i.invoice_number = ?
            """)
        customerExists = try database.prepare("SELECT count(*) FROM customers WHERE id = ?")
        updateCustomer = try database.prepare("""
            UPDATE customers SET name = ?, email = COALESCE(?, email), phone = COALESCE(?, phone),
                type = COALESCE(?, type) WHERE id = ?
            """)
        insertCustomer = try database.prepare("INSERT INTO customers (id, name, email, phone, type) VALUES (?, ?, ?, ?, ?)")
        insertIBAN = try database.prepare("INSERT OR IGNORE INTO customer_ibans (customer_id, iban) VALUES (?, ?)")
        insertAlias = try database.prepare("""
            INSERT OR IGNORE INTO customer_aliases (customer_id, alias, source, created_at) VALUES (?, ?, 'invoice-file', ?)
            """)
        compareInvoice = try database.prepare("""
            SELECT customer_id = ? AND issue_date = ? AND due_date = ? AND currency = ? AND amount_minor = ?
                AND payment_reference IS ? FROM invoices WHERE invoice_number = ?
            """)
        insertInvoice = try database.prepare("""
            INSERT INTO invoices (customer_id, issue_date, due_date, currency, amount_minor, payment_reference,
                invoice_number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        updateInvoice = try database.prepare("""
            UPDATE invoices SET customer_id = ?, issue_date = ?, due_date = ?, currency = ?, amount_minor = ?,
                payment_reference = ?, updated_at = ? WHERE invoice_number = ?
            """)
    }

    /// A reason to refuse the row when it would change the currency of an invoice that already has
    /// allocations (their amounts would silently change meaning).
    func currencyConflict(_ record: InvoiceRecord) throws -> String? {
        try findConflict.bind([.text(record.invoiceNumber)])
        defer { findConflict.reset() }
        guard try findConflict.step() else { return nil }
        let currency = findConflict.text(0)
        let allocations = findConflict.int(1)
        if currency != record.amount.currency.code && allocations > 0 {
            return "invoice '\(record.invoiceNumber)' has allocations in \(currency); its currency cannot change to \(record.amount.currency.code)"
        }
        return nil
    }

    /// Inserts or refreshes the customer, its IBANs and its name as an alias; `true` when new.
    func upsertCustomer(_ record: InvoiceRecord) throws -> Bool {
        let values = CustomerWritten(name: record.customerName, email: record.customerEmail, phone: record.customerPhone,
                                     type: record.customerType)
        var added = false
        if written[record.customerID] != values {
            try customerExists.bind([.text(record.customerID)])
            let exists = try customerExists.step() && customerExists.int64(0) > 0
            customerExists.reset()
            if exists {
                try updateCustomer.run([.text(record.customerName), .string(record.customerEmail),
                                        .string(record.customerPhone), .string(record.customerType?.rawValue),
                                        .text(record.customerID)])
            } else {
                try insertCustomer.run([.text(record.customerID), .text(record.customerName), .string(record.customerEmail),
                                        .string(record.customerPhone), .text((record.customerType ?? .business).rawValue)])
                added = true
            }
            written[record.customerID] = values
        }
        for iban in record.customerIBANs where ibansWritten.insert([record.customerID, iban]).inserted {
            try insertIBAN.run([.text(record.customerID), .text(iban)])
        }
        if aliasesWritten.insert([record.customerID, record.customerName]).inserted {
            try insertAlias.run([.text(record.customerID), .text(record.customerName), .text(now)])
        }
        return added
    }

    func upsertInvoice(_ record: InvoiceRecord) throws -> Outcome {
        let values: [SQLValue] = [
            .text(record.customerID), .text(record.issueDate.description), .text(record.dueDate.description),
            .text(record.amount.currency.code), .integer(record.amount.minorUnits), .string(record.paymentReference),
        ]
        try compareInvoice.bind(values + [.text(record.invoiceNumber)])
        let same = try compareInvoice.step() ? compareInvoice.int(0) == 1 : nil
        compareInvoice.reset()
        guard let same else {
            try insertInvoice.run(values + [.text(record.invoiceNumber), .text(now), .text(now)])
            return .inserted
        }
        if same { return .unchanged }
        try updateInvoice.run(values + [.text(now), .text(record.invoiceNumber)])
        return .updated
    }
}
