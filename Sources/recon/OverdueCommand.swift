import BankStatements
import Ledger
import Reconciliation

/// `recon overdue [--as-of DATE] [--json | --csv [--csv-locale nl]] [--customer ID] [--min-days N]`
enum OverdueCommand: Command {
    static let name = "overdue"
    static let summary = "List invoices past due with their dunning stage: the feed for the dunning run"
    static let help = """
        USAGE: recon overdue [--as-of YYYY-MM-DD] [--json | --csv [--csv-locale en|nl]] [--customer ID]
                             [--min-days N] [--db PATH]

        Lists every invoice with an amount past its due date on the as-of day (default: today), oldest
        first: customer with e-mail and phone, amounts, days overdue, partial payments so far, the
        dunning stage (reminder, call, final-notice, collection; thresholds from 'recon config') and
        the day the next stage is reached. Only payments booked on or before the as-of day and not
        reversed count.

        An extended invoice ('recon invoices extend') is due on its new date. An invoice with a payment
        plan ('recon invoices plan') is overdue only when an installment is: the overdue amount is the
        installments due and unpaid, and days count from the oldest unpaid one. Invoices on hold
        ('recon invoices hold') and invoices of customers with an incoming payment waiting in the review
        queue are listed separately with hold = true: the dunning run must skip them. A disputed
        invoice has no stage.

        From the final notice on, the claim is shown: Dutch statutory collection costs (BIK scale, EUR
        only) and statutory interest to date at the rates entered with 'recon rates' (commercial for
        business customers, the consumer rate for customer_type consumer). Without an entered rate
        for the whole period, recon says so instead of showing a number.

        OPTIONS:
          --as-of DATE        The day the list is made for (default: today).
          --customer ID       Only this customer's invoices.
          --min-days N        Only invoices at least N days overdue (default 1).
          --json              An array of objects (keys as the CSV header; amounts are strings).
          --csv               CSV with a header row (RFC 4180).
          --csv-locale nl     ';' between fields and decimal commas, for Dutch Excel.
        \(DatabaseLocation.help)

        Warnings go to standard error when an account's last statement ends before the as-of day
        (the list may be stale; tolerance: config overdue.stale-after-days) or when no statement was
        imported at all. The exit code is 0 even then.
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let json = arguments.flag("--json")
        let csv = arguments.flag("--csv")
        let localeText = try arguments.option("--csv-locale")
        let asOf = try arguments.dateOption("--as-of") ?? Today.date()
        let customer = try arguments.option("--customer")
        let minimumDays = try arguments.integerOption("--min-days", in: 1...100_000) ?? 1
        let store = try DatabaseLocation.open(&arguments)
        try arguments.finish()
        if json && csv { throw UsageError(command: name, message: "choose one of --json and --csv") }
        var locale = CSVWriter.Locale.standard
        if let localeText {
            guard csv else { throw UsageError(command: name, message: "--csv-locale goes with --csv") }
            guard let parsed = CSVWriter.Locale(rawValue: localeText) else {
                throw UsageError(command: name, message: "--csv-locale must be en or nl")
            }
            locale = parsed
        }
        let report = try store.overdue(OverdueQuery(asOf: asOf, customerID: customer, minimumDays: minimumDays))
        if json {
            OverdueColumns.writeJSON(report.items)
        } else if csv {
            OverdueColumns.writeCSV(report.items, locale: locale)
        } else {
            printText(report)
        }
        Console.flush()
        if !report.hasStatements {
            Console.error("warning: no bank statements imported; every open invoice is listed as unpaid")
        }
        for account in report.staleAccounts {
            Console.error("warning: last statement for \(account.account) ends \(account.lastDay); "
                          + "payments after that day are not known, so the list may be stale")
        }
        return ExitCode.success
    }

    private static func printText(_ report: OverdueReport) {
        let active = report.items.filter { !$0.hold }
        let held = report.items.filter(\.hold)
        Console.line("Overdue as of \(report.asOf): \(active.count) invoice(s) to chase, \(held.count) on hold"
                     + (active.isEmpty ? "" : "; \(totals(active))"))
        for item in active { printItem(item) }
        if !held.isEmpty {
            Console.line()
            Console.line("On hold (skip in the dunning run):")
            for item in held { printItem(item) }
        }
    }

    private static func printItem(_ item: OverdueItem) {
        let assessment = item.assessment
        var line = OutputLine()
        line.add("  ")
        line.add(item.invoiceNumber, paddedTo: 14)
        line.add(item.customerID, paddedTo: 10)
        line.add(item.customerName.prefixed(24), paddedTo: 25)
        line.add("due ")
        line.add(assessment.overdueSince)
        line.add("  ")
        line.add(String(assessment.daysOverdue) + "d", paddedTo: 6)
        line.add(assessment.overdueAmount.description, paddedTo: 16)
        line.add(OverdueColumns.stageName(assessment.stage) ?? "-", paddedTo: 13)
        if let next = assessment.next {
            line.add(next.stage.rawValue)
            line.add(" on ")
            line.add(next.date)
        }
        Console.line(line)
        line.removeAll()
        // The details, each after "; ", on an indented line of their own when there are any.
        func detail(_ text: String) {
            let lead = line.bytes.isEmpty ? "      " : "; "
            line.add(lead)
            line.add(text)
        }
        if assessment.openAmount != assessment.overdueAmount { detail("open \(assessment.openAmount)") }
        if let installment = assessment.installment { detail("installment \(installment.number) of \(installment.of)") }
        if let extended = item.arrangements.extendedDueDate { detail("extended from \(item.originalDueDate) to \(extended)") }
        if item.partialPayments > 0 {
            detail("\(item.partialPayments) payment(s), last \(item.lastPaymentDate?.description ?? "?")")
        }
        if let reason = item.holdReason { detail("hold: \(reason)") }
        switch (item.email, item.phone) {
        case let (email?, phone?): detail(email + ", " + phone)
        case let (email?, nil): detail(email)
        case let (nil, phone?): detail(phone)
        case (nil, nil): break
        }
        if !line.bytes.isEmpty { Console.line(line) }
        if let claims = item.claims {
            var claim = "      claim: collection costs " + (claims.collectionCosts?.description ?? "n/a (not EUR)")
            switch claims.interest {
            case .amount(let interest): claim += ", interest \(interest)"
            case .missingRate(let from):
                claim += ", interest unknown: no \(item.customerType == .consumer ? "consumer" : "commercial") rate entered "
                    + "for \(from) (recon rates set)"
            }
            if let total = OverdueColumns.totalClaim(item) { claim += "; total \(total)" }
            Console.line(claim)
        }
    }

    private static func totals(_ items: [OverdueItem]) -> String {
        var sums: [String: Money] = [:]
        for item in items {
            let amount = item.assessment.overdueAmount
            var sum = sums[amount.currency.code] ?? Money(minorUnits: 0, currency: amount.currency)
            sum.minorUnits = sum.minorUnits &+ amount.minorUnits
            sums[amount.currency.code] = sum
        }
        return sums.keys.sorted().compactMap { sums[$0]?.description }.joined(separator: " + ") + " overdue"
    }
}

extension String {
    /// At most `length` characters, marking a cut with `…`.
    func prefixed(_ length: Int) -> String { count > length ? String(prefix(length - 1)) + "…" : self }
}
