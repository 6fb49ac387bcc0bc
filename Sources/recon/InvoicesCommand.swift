import BankStatements
import Ledger

/// `recon invoices [--status S] [--customer ID] [--json]` and `recon invoices import FILE.csv [--skip-invalid]`
enum InvoicesCommand: Command {
    static let name = "invoices"
    static let summary = "Import invoices from CSV, or list invoices with their status and open amount"
    static let help = """
        USAGE: recon invoices import FILE.csv [--skip-invalid] [--db PATH]
               recon invoices [--status open|partial|paid|overpaid] [--customer ID] [--json] [--db PATH]
        \(InvoiceArrangementCommands.usage)

        import: reads a CSV file with a header row naming the columns, in any order:
          invoice_number, customer_id, customer_name, issue_date, due_date (YYYY-MM-DD), amount
          (decimal with '.', negative for a credit note) — required;
          currency (ISO 4217, default EUR), customer_iban (several separated by '|'),
          payment_reference, customer_email, customer_phone, customer_type (business|consumer) — optional.
        Invoices are inserted or updated by invoice number; an invoice whose amount changes keeps its
        allocations. Every bad row is reported as 'file:line: column: message' and nothing is imported
        (exit code 65) unless --skip-invalid is given, which imports the good rows and lists the bad.
        A number appearing twice in one file rejects both rows.

        list: shows invoices with their status, derived from allocations: open (nothing allocated),
        partial, paid (open amount 0) or overpaid. A credit note (negative amount) is open until its
        credit is used or refunded (negative allocations), then paid.
        --json prints an array of {invoice, customer, customerName, status, amount, openAmount,
        allocated, currency, issueDate, dueDate, paymentReference}; amounts are strings.

        \(InvoiceArrangementCommands.details)

        OPTIONS:
        \(DatabaseLocation.help)
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        // Take --db first so that its value is never mistaken for the word "import".
        let databasePath = try DatabaseLocation.path(&arguments)
        if arguments.nextPositionalIs("import") { return try runImport(&arguments, databasePath: databasePath) }
        for action in InvoiceArrangementCommands.actions where arguments.nextPositionalIs(action) {
            return try InvoiceArrangementCommands.run(action, &arguments, databasePath: databasePath)
        }
        let json = arguments.flag("--json")
        let statusText = try arguments.option("--status")
        let customer = try arguments.option("--customer")
        let store = try DatabaseLocation.open(path: databasePath)
        try arguments.finish()
        var status: InvoiceStatus?
        if let statusText {
            guard let parsed = InvoiceStatus(rawValue: statusText) else {
                throw UsageError(command: name, message: "--status must be open, partial, paid or overpaid")
            }
            status = parsed
        }
        let invoices = try store.invoices(status: status, customerID: customer)
        if json {
            Console.line(JSONValue.array(invoices.map(jsonValue)).rendered())
        } else {
            for invoice in invoices {
                let due = invoice.dueDate?.description ?? "?"
                Console.line("\(invoice.invoiceNumber.padding(toLength: 14))\(invoice.customerID.padding(toLength: 10))"
                             + "due \(due)  \(invoice.amount.description.padding(toLength: 16))"
                             + "open \(invoice.openAmount.decimalString.padding(toLength: 12))\(invoice.status.rawValue)")
            }
            if invoices.isEmpty { Console.line("no invoices") }
        }
        return ExitCode.success
    }

    private static func runImport(_ arguments: inout Arguments, databasePath: String) throws -> Int32 {
        let skipInvalid = arguments.flag("--skip-invalid")
        let store = try DatabaseLocation.open(path: databasePath)
        let files = try arguments.positionals()
        guard files.count == 1, let file = files.first else {
            throw UsageError(command: name, message: "give exactly one invoice CSV file")
        }
        let report: InvoiceImportReport
        do {
            report = try store.importInvoices(path: file, skipInvalid: skipInvalid)
        } catch let error as InvoiceFileError {
            for issue in error.issues { Console.error(issue.description) }
            Console.error("\(file): nothing imported (\(error.issues.count) problem(s))")
            return ExitCode.dataError
        }
        Console.line("\(file): \(report.inserted) new, \(report.updated) updated, \(report.unchanged) unchanged invoice(s); "
                     + "\(report.customersAdded) new customer(s)")
        if !report.skipped.isEmpty {
            Console.flush()
            for issue in report.skipped { Console.error("skipped: \(issue.description)") }
            return ExitCode.failure
        }
        return ExitCode.success
    }

    private static func jsonValue(_ invoice: InvoiceBalance) -> JSONValue {
        .object([
            ("invoice", .string(invoice.invoiceNumber)),
            ("customer", .string(invoice.customerID)),
            ("customerName", .string(invoice.customerName)),
            ("status", .string(invoice.status.rawValue)),
            ("amount", .string(invoice.amount.decimalString)),
            ("openAmount", .string(invoice.openAmount.decimalString)),
            ("allocated", .string(invoice.allocated.decimalString)),
            ("currency", .string(invoice.amount.currency.code)),
            ("issueDate", .optional(invoice.issueDate?.description)),
            ("dueDate", .optional(invoice.dueDate?.description)),
            ("paymentReference", .optional(invoice.paymentReference)),
        ])
    }
}

extension Arguments {
    /// Removes the first word when it is `word` and no option precedes it.
    mutating func nextPositionalIs(_ word: String) -> Bool {
        var probe = self
        guard probe.nextPositional() == word else { return false }
        self = probe
        return true
    }
}
