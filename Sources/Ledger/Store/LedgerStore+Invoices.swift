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
        try useBulkWriteCache()
        return try write {
            var report = InvoiceImportReport()
            var issues = parsed.issues
            var accepted: [InvoiceRecord] = []
            let writer = try InvoiceWriter(database: database, now: clock.now())
            for record in parsed.records {
                if let conflict = try writer.currencyConflict(record) {
                    issues.append(InvoiceIssue(file: file, line: record.line, column: "currency", message: conflict))
                } else {
                    accepted.append(record)
                }
            }
            if !issues.isEmpty && !skipInvalid { throw InvoiceFileError(issues: issues.sorted { $0.line < $1.line }) }
            report.skipped = issues.sorted { $0.line < $1.line }
            for record in accepted {
                if try writer.upsertCustomer(record) { report.customersAdded += 1 }
                switch try writer.upsertInvoice(record) {
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
}
