import BankStatements
import Ledger
import Reconciliation

/// `recon invoices extend|plan|hold|release|history INVOICE …`: agreements and disputes about one
/// invoice. Each is appended to the invoice's history and to the audit log.
enum InvoiceArrangementCommands {
    static let actions = ["extend", "plan", "hold", "release", "history"]

    static let usage = """
               recon invoices extend INVOICE --due YYYY-MM-DD --reason TEXT
               recon invoices plan INVOICE --installments N --every 1m|2w|30d [--first YYYY-MM-DD] [--reason TEXT]
               recon invoices plan INVOICE --cancel [--reason TEXT]
               recon invoices hold INVOICE --reason TEXT
               recon invoices release INVOICE [--reason TEXT]
               recon invoices history INVOICE [--json]
        """

    static let details = """
        extend: a new due date agreed with the customer (later than the original, which is kept).
        plan: a payment arrangement; the amount is split into N equal installments (the last takes the
        rounding remainder), the first due on --first (default: one interval after today), then every
        --every (1m = monthly on the same day, 2w = fortnightly, 30d = every 30 days). Payments are
        applied to the installments in order; the invoice is overdue only when an installment is.
        A new plan replaces the previous one; --cancel ends it.
        hold: a disputed invoice, excluded from dunning until 'release'.
        history: every extension, plan, hold and release of the invoice, oldest first.
        """

    static func run(_ action: String, _ arguments: inout Arguments, databasePath: String) throws -> Int32 {
        let command = arguments.command
        switch action {
        case "extend":
            let due = try arguments.dateOption("--due")
            let reason = try arguments.option("--reason")
            let number = try invoiceNumber(&arguments)
            guard let due else { throw UsageError(command: command, message: "extend needs --due YYYY-MM-DD") }
            guard let reason, !reason.isEmpty else { throw UsageError(command: command, message: "extend needs --reason TEXT") }
            try perform(command) { try open(databasePath).extendInvoice(number, to: due, reason: reason) }
            Console.line("\(number): due \(due) (\(reason))")
        case "plan":
            let cancel = arguments.flag("--cancel")
            let count = try arguments.integerOption("--installments", in: 1...600)
            let every = try arguments.option("--every")
            let first = try arguments.dateOption("--first")
            let reason = try arguments.option("--reason") ?? ""
            let number = try invoiceNumber(&arguments)
            if cancel {
                guard count == nil, every == nil, first == nil else {
                    throw UsageError(command: command, message: "--cancel takes no --installments, --every or --first")
                }
                try perform(command) { try open(databasePath).cancelPlan(number, reason: reason) }
                Console.line("\(number): payment plan cancelled")
                return ExitCode.success
            }
            guard let count else { throw UsageError(command: command, message: "plan needs --installments N") }
            guard let every else { throw UsageError(command: command, message: "plan needs --every 1m|2w|30d") }
            guard let interval = InstallmentInterval(every) else {
                throw UsageError(command: command, message: "--every must be a number and m, w or d, at most a year (e.g. 1m, 2w, 30d)")
            }
            let plan = InstallmentPlan(count: count, interval: interval,
                                       firstDueDate: first ?? interval.date(ofInstallment: 1, first: Today.date()))
            let store = try open(databasePath)
            try perform(command) { try store.planInvoice(number, plan: plan, reason: reason) }
            let invoice = try store.invoices().first { $0.invoiceNumber == number }
            Console.line("\(number): \(count) installment(s) every \(interval), first due \(plan.firstDueDate)")
            if let invoice {
                for installment in plan.installments(of: invoice.amount) {
                    Console.line("  \(installment.number). \(installment.dueDate)  \(installment.amount)")
                }
            }
        case "hold":
            let reason = try arguments.option("--reason")
            let number = try invoiceNumber(&arguments)
            guard let reason, !reason.isEmpty else { throw UsageError(command: command, message: "hold needs --reason TEXT") }
            try perform(command) { try open(databasePath).holdInvoice(number, reason: reason) }
            Console.line("\(number): on hold (\(reason))")
        case "release":
            let reason = try arguments.option("--reason") ?? ""
            let number = try invoiceNumber(&arguments)
            try perform(command) { try open(databasePath).releaseInvoice(number, reason: reason) }
            Console.line("\(number): released")
        default:
            let json = arguments.flag("--json")
            let number = try invoiceNumber(&arguments)
            var history: [InvoiceArrangement] = []
            try perform(command) { history = try open(databasePath).arrangementHistory(invoiceNumber: number) }
            if json {
                Console.line(JSONValue.array(history.map(jsonValue)).rendered())
            } else {
                for entry in history { Console.line("\(entry.createdAt)  \(describe(entry))") }
                if history.isEmpty { Console.line("\(number): no extensions, plans or holds") }
            }
        }
        return ExitCode.success
    }

    private static func invoiceNumber(_ arguments: inout Arguments) throws(UsageError) -> String {
        let words = try arguments.positionals()
        guard words.count == 1, let number = words.first, !number.isEmpty else {
            throw UsageError(command: arguments.command, message: "give exactly one invoice number")
        }
        return number
    }

    private static func open(_ path: String) throws -> LedgerStore { try DatabaseLocation.open(path: path) }

    /// Runs a ledger call; a request the data does not allow (unknown invoice, already on hold…) is
    /// the user's mistake, so it becomes a usage error rather than an internal one.
    private static func perform(_ command: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch LedgerError.invalidRequest(let message) {
            throw UsageError(command: command, message: message)
        }
    }

    static func describe(_ entry: InvoiceArrangement) -> String {
        let reason = entry.reason.isEmpty ? "" : ": \(entry.reason)"
        switch entry.kind {
        case .extension: return "extended to \(entry.dueDate?.description ?? "?")\(reason)"
        case .plan:
            guard let plan = entry.plan else { return "payment plan\(reason)" }
            return "payment plan: \(plan.count) installment(s) every \(plan.interval) from \(plan.firstDueDate)\(reason)"
        case .planCancel: return "payment plan cancelled\(reason)"
        case .hold: return "on hold\(reason)"
        case .release: return "released\(reason)"
        }
    }

    private static func jsonValue(_ entry: InvoiceArrangement) -> JSONValue {
        .object([
            ("kind", .string(entry.kind.rawValue)),
            ("dueDate", .optional(entry.kind == .extension ? entry.dueDate?.description : nil)),
            ("installments", entry.plan.map { .integer(Int64($0.count)) } ?? .null),
            ("every", .optional(entry.plan?.interval.description)),
            ("firstDueDate", .optional(entry.plan?.firstDueDate.description)),
            ("reason", .string(entry.reason)),
            ("at", .string(entry.createdAt)),
            ("command", .string(entry.createdByCommand)),
        ])
    }
}
