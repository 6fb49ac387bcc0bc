import BankStatements

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole scenario: `invoices.csv`, `invoices-later.csv`, one statement file per account,
/// day and format, and `truth.csv`.
struct ScenarioGenerator {
    let configuration: ScenarioConfiguration

    /// What was written, for the command's report and for tests.
    struct Report {
        var files: [String] = []
        var invoices = 0
        var laterInvoices = 0
        var entries = 0
        var casesSeen: [String: Int] = [:]
        /// Per statement file: opening, closing and entry count, in write order.
        var statements: [(file: String, opening: Int64, closing: Int64, entries: Int)] = []
    }

    private struct AccountState {
        let account: CompanyAccount
        var balance: Int64
        var sequence: Int
        var referenceCounter = 0
        let referencePrefix: String
    }

    func write(to directory: String) throws(GeneratorError) -> Report {
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw GeneratorError("cannot create \(directory): \(String(cString: strerror(errno)))")
        }
        let base = SplitMix64(seed: configuration.seed)
        let company = CompanyProfile.make(random: base)
        let customers = (0..<configuration.customers).map { CustomerFactory.make(index: $0, random: base) }
        let days = BusinessDays.last(configuration.days, before: configuration.today)
        var random = base.derived(0x5CE)
        let planned = InvoicePlanner(configuration: configuration, days: days, customers: customers).plan(random: &random)
        var report = Report()
        try writeInvoices(planned, customers: customers, directory: directory, report: &report)
        let bookings = BookingPlanner(dayCount: days.count, customers: customers).plan(planned, random: &random)

        let factory = EntryFactory(company: company)
        var abn = AccountState(account: company.abnAmro, balance: 4_825_000 + Int64(random.below(2_000_000)),
                               sequence: random.int(in: 100...300), referencePrefix: "A")
        var ing = AccountState(account: company.ing, balance: 1_250_000 + Int64(random.below(1_000_000)),
                               sequence: random.int(in: 100...300), referencePrefix: "")
        let truthSink = try ByteSink(path: directory + "/truth.csv")
        let truth = CSVWriter(sink: truthSink)
        truthSink.write(TruthRecord.header + "\n")
        let intradayDay = configuration.format == nil && days.count > 1 ? min(days.count - 1, days.count / 2 + 2) : -1
        for (dayIndex, date) in days.enumerated() {
            let renderer = BookingRenderer(factory: factory, company: company, customers: customers, invoices: planned,
                                           date: date)
            for state in [0, 1] {
                let isABN = state == 0
                let format: StatementFileFormat
                if let fixed = configuration.format {
                    format = fixed
                } else if isABN {
                    format = .camt053v02
                } else {
                    format = dayIndex < days.count / 2 ? .mt940 : .camt053v08
                }
                var account = isABN ? abn : ing
                let label = account.account.label
                let file = "\(date)_\(label)_\(format.rawValue).\(format.fileExtension)"
                var entries: [Entry] = []
                var records: [TruthRecord] = []
                for booking in bookings[dayIndex] where (booking.account == .abnAmro) == isABN {
                    account.referenceCounter += 1
                    let reference = account.referencePrefix
                        + CustomerFactory.padded((date.year % 100) * 10_000 + date.month * 100 + date.day, width: 6)
                        + CustomerFactory.padded(account.referenceCounter, width: 8)
                    let (entry, record) = renderer.render(booking, reference: reference, account: account.account, file: file)
                    entries.append(entry)
                    records.append(record)
                    report.casesSeen[booking.caseName, default: 0] += 1
                }
                if dayIndex == intradayDay && !isABN {
                    // The intraday report shows the morning's bookings; the evening statement repeats them.
                    var morning = StatementDraft(account: account.account, ownerName: company.name,
                                                 id: "R\(CustomerFactory.padded((date.year % 100) * 10_000 + date.month * 100 + date.day, width: 6))1200",
                                                 sequence: 1, date: date, opening: account.balance,
                                                 entries: Array(entries.prefix((entries.count + 1) / 2)))
                    morning.creationTime = "12:00:00"
                    let reportFile = "\(date)_\(label)_\(StatementFileFormat.camt052v08.rawValue).xml"
                    try writeStatement(morning, format: .camt052v08, path: directory + "/" + reportFile)
                    report.files.append(reportFile)
                    report.statements.append((reportFile, morning.opening, morning.closing, morning.entries.count))
                }
                let draft = StatementDraft(account: account.account, ownerName: company.name,
                                           id: statementId(format: format, date: date, sequence: account.sequence),
                                           sequence: account.sequence, date: date, opening: account.balance, entries: entries)
                try writeStatement(draft, format: format, path: directory + "/" + file)
                report.files.append(file)
                report.statements.append((file, draft.opening, draft.closing, draft.entries.count))
                report.entries += entries.count
                account.balance = draft.closing
                account.sequence += 1
                for record in records { truth.row(record.fields) }
                try truthSink.flushIfFull()
                if isABN { abn = account } else { ing = account }
            }
        }
        try truthSink.flush()
        report.files.append("truth.csv")
        return report
    }

    private func statementId(format: StatementFileFormat, date: CalendarDate, sequence: Int) -> String {
        let day = CustomerFactory.padded((date.year % 100) * 10_000 + date.month * 100 + date.day, width: 6)
        return format == .mt940 ? "P\(day)\(CustomerFactory.padded(sequence, width: 9))"
                                : "\(day)-\(CustomerFactory.padded(sequence, width: 5))"
    }

    private func writeStatement(_ draft: StatementDraft, format: StatementFileFormat, path: String) throws(GeneratorError) {
        let sink = try ByteSink(path: path)
        if format.isCAMT {
            let writer = CAMTWriter(format: format, sink: sink)
            writer.beginDocument(messageId: draft.id, created: draft.date, time: draft.creationTime)
            writer.statement(draft)
            writer.endDocument()
        } else {
            MT940Writer(sink: sink).statement(draft)
        }
        try sink.flush()
    }

    private func writeInvoices(_ planned: [InvoicePlanner.Planned], customers: [Customer], directory: String,
                               report: inout Report) throws(GeneratorError) {
        let header = "invoice_number,customer_id,customer_name,customer_iban,issue_date,due_date,currency,amount,payment_reference,customer_email,customer_phone,customer_type\n"
        let current = try ByteSink(path: directory + "/invoices.csv")
        let later = try ByteSink(path: directory + "/invoices-later.csv")
        current.write(header)
        later.write(header)
        for item in planned {
            let invoice = item.invoice
            let customer = customers[invoice.customer]
            let row = [invoice.number, customer.id, customer.name, customer.iban, invoice.issueDate.description,
                       invoice.dueDate.description, "EUR", Cents.text(invoice.amount), invoice.paymentReference ?? "",
                       customer.email, customer.phone, customer.kind.rawValue]
            if case .paidBeforeInvoiced = item.fate {
                CSVWriter(sink: later).row(row)
                report.laterInvoices += 1
            } else {
                CSVWriter(sink: current).row(row)
                report.invoices += 1
            }
            try current.flushIfFull()
        }
        try current.flush()
        try later.flush()
        report.files += ["invoices.csv", "invoices-later.csv"]
    }
}
