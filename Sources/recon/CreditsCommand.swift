import BankStatements
import Ledger

/// `recon credits [--customer ID] [--all] [--json]`
enum CreditsCommand: Command {
    static let name = "credits"
    static let summary = "List money kept on customers as credit (overpayments)"
    static let help = """
        USAGE: recon credits [--customer ID] [--all] [--json] [--db PATH]

        When a payment is more than the invoices it pays, the excess stays unallocated on the
        customer as credit. This lists live credits (with --all also those undone by 'recon undo'
        or a return). The payment also shows in 'recon transactions --unmatched'.
        --json prints an array of {id, transactionId, customer, amount, currency, method, evidence,
        createdAt, releasedAt, releasedReason}; amounts are strings.

        OPTIONS:
        \(DatabaseLocation.help)
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let json = arguments.flag("--json")
        let all = arguments.flag("--all")
        let customer = try arguments.option("--customer")
        let store = try DatabaseLocation.open(&arguments)
        try arguments.finish()
        let credits = try store.customerCredits(customerID: customer).filter { all || $0.releasedAt == nil }
        if json {
            Console.line(JSONValue.array(credits.map { credit in
                .object([
                    ("id", .integer(credit.id)), ("transactionId", .integer(credit.transactionID)),
                    ("customer", .string(credit.customerID)), ("amount", .string(credit.amount.decimalString)),
                    ("currency", .string(credit.amount.currency.code)), ("method", .string(credit.method)),
                    ("evidence", .string(credit.evidence)), ("createdAt", .string(credit.createdAt)),
                    ("releasedAt", .optional(credit.releasedAt)), ("releasedReason", .optional(credit.releasedReason)),
                ])
            }).rendered())
            return ExitCode.success
        }
        for credit in credits {
            var line = "\(credit.customerID.padding(toLength: 10))\(credit.amount.description.padding(toLength: 16))"
            line += "from transaction \(credit.transactionID)"
            if let released = credit.releasedAt { line += "  released \(released): \(credit.releasedReason ?? "")" }
            Console.line(line)
        }
        if credits.isEmpty { Console.line("no customer credit") }
        return ExitCode.success
    }
}
