import BankStatements
import Ledger
import Reconciliation

/// `recon customers [--json]`, `recon customers show ID [--as-of DATE] [--json]`, and the learning
/// actions `learned` and `forget` (see `CustomerLearning`).
enum CustomersCommand: Command {
    static let name = "customers"
    static let summary = "List customers, show one's statement of account, or what recon learned about them"
    static let help = """
        USAGE: recon customers [--json] [--db PATH]
               recon customers show ID [--as-of YYYY-MM-DD] [--json] [--db PATH]
               recon customers learned ID [--db PATH]
               recon customers forget ID [--iban IBAN | --alias NAME | --all] [--db PATH]

        list: every customer with type, contact details and the number and total of open invoices.
        show: a statement of account to send along with a reminder: open invoices and credit notes
        with amounts, due dates (an agreed extension or payment plan is shown) and days overdue on the
        as-of day (default today); payments received (from the customer's IBANs or allocated to its
        invoices) with their dates and the invoices they paid; credit on account (payments not
        allocated to any invoice); and the IBANs and names recon knows the customer by.
        learned: the payer IBANs and names recon learned for the customer from review decisions
        ('recon review accept|assign'). A learned IBAN lets the next payment from it be allocated
        automatically when its amount equals exactly one of the customer's open invoices.
        forget: removes one learned IBAN, one learned name, or with --all (the default) everything
        learned. IBANs and names from invoice files are not affected.

        OPTIONS:
        \(DatabaseLocation.help)
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let json = arguments.flag("--json")
        let databasePath = try DatabaseLocation.path(&arguments)
        if arguments.nextPositionalIs("learned") { return try CustomerLearning.learned(&arguments, databasePath) }
        if arguments.nextPositionalIs("forget") { return try CustomerLearning.forget(&arguments, databasePath) }
        if arguments.nextPositionalIs("show") {
            let asOf = try arguments.dateOption("--as-of") ?? Today.date()
            let words = try arguments.positionals()
            guard words.count == 1, let id = words.first else {
                throw UsageError(command: name, message: "show takes one customer id")
            }
            let store = try DatabaseLocation.open(path: databasePath)
            guard let account = try store.customerAccount(id: id) else {
                throw UsageError(command: name, message: "no customer '\(id)'")
            }
            let policy = try store.dunningPolicy()
            if json {
                Console.line(CustomerAccountRendering.json(account, asOf: asOf, policy: policy).rendered())
            } else {
                CustomerAccountRendering.printText(account, asOf: asOf, policy: policy)
            }
            return ExitCode.success
        }
        let store = try DatabaseLocation.open(path: databasePath)
        try arguments.finish()
        let customers = try store.customerSummaries()
        if json {
            Console.line(JSONValue.array(customers.map { customer in
                .object([
                    ("customer", .string(customer.id)), ("name", .string(customer.name)),
                    ("type", .string(customer.type.rawValue)), ("email", .optional(customer.email)),
                    ("phone", .optional(customer.phone)), ("openInvoices", .integer(Int64(customer.openInvoices))),
                    ("openTotals", .array(customer.openTotals.map { total in
                        .object([("amount", .string(total.decimalString)), ("currency", .string(total.currency.code))])
                    })),
                ])
            }).rendered())
            return ExitCode.success
        }
        for customer in customers {
            var line = "\(customer.id.padding(toLength: 10))\(customer.name.prefixed(30).padding(toLength: 31))"
            line += customer.type.rawValue.padding(toLength: 9)
            line += customer.openInvoices == 0 ? "nothing open"
                : "\(customer.openInvoices) open: " + customer.openTotals.map(\.description).joined(separator: " + ")
            Console.line(line)
        }
        if customers.isEmpty { Console.line("no customers") }
        return ExitCode.success
    }
}
