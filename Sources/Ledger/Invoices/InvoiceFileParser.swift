import BankStatements

/// Turns the bytes of an invoice CSV file into checked rows and a list of every problem found.
///
/// Columns are found by header name in any order. Each row is checked completely so that one run
/// reports every problem in the file, not just the first.
struct InvoiceFileParser {
    /// The outcome: valid rows, and problems with the rest. `fatal` problems (header, CSV syntax)
    /// make the file unusable even with `--skip-invalid`.
    struct Result {
        var records: [InvoiceRecord] = []
        var issues: [InvoiceIssue] = []
        var fatal = false
    }

    static let requiredColumns = ["invoice_number", "customer_id", "customer_name", "issue_date", "due_date", "amount"]
    static let optionalColumns = ["customer_iban", "currency", "payment_reference", "customer_email", "customer_phone",
                                  "customer_type"]

    let file: String
    var limits = CSVLimits()

    func parse(_ bytes: [UInt8]) -> Result {
        var result = Result()
        var reader = CSVReader(bytes: bytes, limits: limits)
        var rows: [CSVRecord] = []
        do {
            while let record = try reader.next() { rows.append(record) }
        } catch {
            result.issues.append(InvoiceIssue(file: file, line: error.line, column: nil, message: error.message))
            result.fatal = true
            return result
        }
        guard let header = rows.first else {
            result.issues.append(InvoiceIssue(file: file, line: 1, column: nil, message: "file has no header row"))
            result.fatal = true
            return result
        }
        var columns: [String: Int] = [:]
        for (position, name) in header.fields.enumerated() {
            let key = name.trimmingSpaces().lowercased()
            if key.isEmpty { continue }
            if columns[key] != nil {
                result.issues.append(InvoiceIssue(file: file, line: header.line, column: key, message: "column appears twice in the header"))
                result.fatal = true
            }
            columns[key] = position
        }
        for required in InvoiceFileParser.requiredColumns where columns[required] == nil {
            result.issues.append(InvoiceIssue(file: file, line: header.line, column: required, message: "missing column"))
            result.fatal = true
        }
        if result.fatal { return result }

        var firstLineOfNumber: [String: Int] = [:]
        var duplicated: Set<String> = []
        var candidates: [InvoiceRecord] = []
        for row in rows.dropFirst() {
            if row.fields.count != header.fields.count {
                result.issues.append(InvoiceIssue(
                    file: file, line: row.line, column: nil,
                    message: "row has \(row.fields.count) field(s), the header has \(header.fields.count)"))
                continue
            }
            var rowIssues: [InvoiceIssue] = []
            let record = check(row, columns: columns, issues: &rowIssues)
            if let record, rowIssues.isEmpty {
                if let first = firstLineOfNumber[record.invoiceNumber] {
                    duplicated.insert(record.invoiceNumber)
                    result.issues.append(InvoiceIssue(
                        file: file, line: row.line, column: "invoice_number",
                        message: "invoice number '\(record.invoiceNumber)' already appears on line \(first); both rows are rejected"))
                } else {
                    firstLineOfNumber[record.invoiceNumber] = row.line
                }
                candidates.append(record)
            }
            result.issues.append(contentsOf: rowIssues)
        }
        // A number given twice is ambiguous: neither row can be trusted to be the right one.
        for record in candidates {
            if duplicated.contains(record.invoiceNumber) {
                if firstLineOfNumber[record.invoiceNumber] == record.line {
                    result.issues.append(InvoiceIssue(
                        file: file, line: record.line, column: "invoice_number",
                        message: "invoice number '\(record.invoiceNumber)' appears more than once in the file"))
                }
                continue
            }
            result.records.append(record)
        }
        result.issues.sort { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        return result
    }

    /// Checks one row, adding an issue per bad field; returns the record when every field is usable.
    private func check(_ row: CSVRecord, columns: [String: Int], issues: inout [InvoiceIssue]) -> InvoiceRecord? {
        func value(_ column: String) -> String {
            guard let position = columns[column] else { return "" }
            return row.fields[position].trimmingSpaces()
        }
        func problem(_ column: String, _ message: String) {
            issues.append(InvoiceIssue(file: file, line: row.line, column: column, message: message))
        }
        func required(_ column: String) -> String? {
            let text = value(column)
            if text.isEmpty { problem(column, "empty required field") }
            return text.isEmpty ? nil : text
        }
        func date(_ column: String) -> CalendarDate? {
            guard let text = required(column) else { return nil }
            guard text.utf8.count == 10, let date = CalendarDate(iso: text) else {
                problem(column, "'\(text.shortened)' is not a date (YYYY-MM-DD)")
                return nil
            }
            return date
        }

        let number = required("invoice_number")
        let customerID = required("customer_id")
        let customerName = required("customer_name")
        let issueDate = date("issue_date")
        let dueDate = date("due_date")

        var currency: Currency?
        let currencyText = value("currency").uppercased()
        if currencyText.isEmpty {
            currency = .euro
        } else if KnownCurrencies.contains(currencyText), let known = Currency(code: currencyText) {
            currency = known
        } else {
            problem("currency", "unknown currency '\(currencyText.shortened)'")
        }

        var amount: Money?
        if let amountText = required("amount"), let currency {
            do {
                let units = try DecimalAmount.minorUnits(from: Array(amountText.utf8), exponent: currency.exponent, options: .signed)
                amount = Money(minorUnits: units, currency: currency)
            } catch {
                switch error {
                case .tooManyDecimals:
                    problem("amount", "'\(amountText.shortened)' has too many decimals for \(currency.code) (at most \(currency.exponent))")
                case .overflow:
                    problem("amount", "'\(amountText.shortened)' is too large")
                case .empty, .invalidCharacter:
                    problem("amount", "'\(amountText.shortened)' is not an amount (digits with '.' as decimal separator)")
                }
            }
        }

        var ibans: [String] = []
        for part in value("customer_iban").split(separator: "|") {
            let text = String(part).trimmingSpaces()
            if text.isEmpty { continue }
            if let iban = IBAN.normalized(text) {
                if !ibans.contains(iban) { ibans.append(iban) }
            } else {
                problem("customer_iban", "'\(text.shortened)' is not a valid IBAN")
            }
        }

        var type: CustomerType?
        let typeText = value("customer_type").lowercased()
        if !typeText.isEmpty {
            if let parsed = CustomerType(rawValue: typeText) {
                type = parsed
            } else {
                problem("customer_type", "'\(typeText.shortened)' is neither 'business' nor 'consumer'")
            }
        }

        guard let number, let customerID, let customerName, let issueDate, let dueDate, let amount else { return nil }
        return InvoiceRecord(
            line: row.line, invoiceNumber: number, customerID: customerID, customerName: customerName,
            customerIBANs: ibans, issueDate: issueDate, dueDate: dueDate, amount: amount,
            paymentReference: value("payment_reference").nonEmpty, customerEmail: value("customer_email").nonEmpty,
            customerPhone: value("customer_phone").nonEmpty, customerType: type)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return "" }
        return String(self[first...last])
    }

    var nonEmpty: String? { isEmpty ? nil : self }

    /// At most 40 characters, for quoting input in messages without flooding them.
    var shortened: String { count > 40 ? String(prefix(40)) + "…" : self }
}
