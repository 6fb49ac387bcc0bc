import BankStatements

extension LedgerStore {
    /// Imports (inserts or updates by invoice number) the invoices of a CSV file.
    ///
    /// All or nothing: when any row is bad, nothing is written and `InvoiceFileError` lists every
    /// problem, unless `skipInvalid` is set, in which case the good rows are written and the bad ones
    /// reported in `skipped`. An invoice whose amount changes keeps its allocations; its status
    /// follows from the `invoice_balances` view.
    public func importInvoices(path: String, skipInvalid: Bool = false, limits: CSVLimits = CSVLimits()) throws -> InvoiceImportReport {
        let bytes = try FileReading.readAll(path: path, maximumBytes: limits.maximumFileBytes)
        return try importInvoices(bytes: bytes, file: path, skipInvalid: skipInvalid, limits: limits)
    }

    /// Imports invoices from CSV bytes; `file` names them in messages.
    public func importInvoices(bytes: [UInt8], file: String, skipInvalid: Bool = false,
                               limits: CSVLimits = CSVLimits()) throws -> InvoiceImportReport {
        let parsed = InvoiceFileParser(file: file, limits: limits).parse(bytes)
        if parsed.fatal || (!parsed.issues.isEmpty && !skipInvalid) {
            throw InvoiceFileError(issues: parsed.issues)
        }
        return try write {
            var report = InvoiceImportReport()
            var issues = parsed.issues
            var accepted: [InvoiceRecord] = []
            for record in parsed.records {
                if let conflict = try currencyConflict(record) {
                    issues.append(InvoiceIssue(file: file, line: record.line, column: "currency", message: conflict))
                } else {
                    accepted.append(record)
                }
            }
            if !issues.isEmpty && !skipInvalid { throw InvoiceFileError(issues: issues.sorted { $0.line < $1.line }) }
            report.skipped = issues.sorted { $0.line < $1.line }
            let now = clock.now()
            for record in accepted {
                if try upsertCustomer(record, now: now) { report.customersAdded += 1 }
                switch try upsertInvoice(record, now: now) {
                case .inserted: report.inserted += 1
                case .updated: report.updated += 1
                case .unchanged: report.unchanged += 1
                }
            }
            if report.inserted + report.updated + report.customersAdded > 0 {
                try audit("invoices import \(file): \(report.inserted) new, \(report.updated) updated, "
                          + "\(report.unchanged) unchanged, \(report.customersAdded) new customer(s), \(report.skipped.count) problem(s)")
            }
            return report
        }
    }

    private enum UpsertOutcome { case inserted, updated, unchanged }

    /// A reason to refuse the row when it would change the currency of an invoice that already has
    /// allocations (their amounts would silently change meaning).
    private func currencyConflict(_ record: InvoiceRecord) throws -> String? {
        guard let existing = try database.firstRow(
            "SELECT i.currency, (SELECT count(*) FROM allocations a WHERE a.invoice_id = i.id) FROM invoices i WHERE i.invoice_number = ?",
            [.text(record.invoiceNumber)], { ($0.text(0), $0.int(1)) })
        else { return nil }
        if existing.0 != record.amount.currency.code && existing.1 > 0 {
            return "invoice '\(record.invoiceNumber)' has allocations in \(existing.0); its currency cannot change to \(record.amount.currency.code)"
        }
        return nil
    }

    /// Inserts or refreshes the customer, its IBANs and its name as an alias; `true` when new.
    private func upsertCustomer(_ record: InvoiceRecord, now: String) throws -> Bool {
        let exists = try database.integer("SELECT count(*) FROM customers WHERE id = ?", [.text(record.customerID)]) > 0
        if exists {
            try database.execute("""
                UPDATE customers SET name = ?, email = COALESCE(?, email), phone = COALESCE(?, phone),
                    type = COALESCE(?, type) WHERE id = ?
                """, [.text(record.customerName), .string(record.customerEmail), .string(record.customerPhone),
                      .string(record.customerType?.rawValue), .text(record.customerID)])
        } else {
            try database.execute("INSERT INTO customers (id, name, email, phone, type) VALUES (?, ?, ?, ?, ?)", [
                .text(record.customerID), .text(record.customerName), .string(record.customerEmail),
                .string(record.customerPhone), .text((record.customerType ?? .business).rawValue),
            ])
        }
        for iban in record.customerIBANs {
            try database.execute("INSERT OR IGNORE INTO customer_ibans (customer_id, iban) VALUES (?, ?)",
                                 [.text(record.customerID), .text(iban)])
        }
        try database.execute("""
            INSERT OR IGNORE INTO customer_aliases (customer_id, alias, source, created_at) VALUES (?, ?, 'invoice-file', ?)
            """, [.text(record.customerID), .text(record.customerName), .text(now)])
        return !exists
    }

    private func upsertInvoice(_ record: InvoiceRecord, now: String) throws -> UpsertOutcome {
        let values: [SQLValue] = [
            .text(record.customerID), .text(record.issueDate.description), .text(record.dueDate.description),
            .text(record.amount.currency.code), .integer(record.amount.minorUnits), .string(record.paymentReference),
        ]
        let same = try database.firstRow("""
            SELECT customer_id = ? AND issue_date = ? AND due_date = ? AND currency = ? AND amount_minor = ?
                AND payment_reference IS ? FROM invoices WHERE invoice_number = ?
            """, values + [.text(record.invoiceNumber)], { $0.int(0) == 1 })
        switch same {
        case nil:
            try database.execute("""
                INSERT INTO invoices (customer_id, issue_date, due_date, currency, amount_minor, payment_reference,
                    invoice_number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, values + [.text(record.invoiceNumber), .text(now), .text(now)])
            return .inserted
        case true?:
            return .unchanged
        case false?:
            try database.execute("""
                UPDATE invoices SET customer_id = ?, issue_date = ?, due_date = ?, currency = ?, amount_minor = ?,
                    payment_reference = ?, updated_at = ? WHERE invoice_number = ?
                """, values + [.text(now), .text(record.invoiceNumber)])
            return .updated
        }
    }
}
