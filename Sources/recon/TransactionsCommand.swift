import BankStatements
import Ledger

/// `recon transactions [--unmatched] [--json] [--db PATH]`
enum TransactionsCommand: Command {
    static let name = "transactions"
    static let summary = "List stored bank transactions, optionally only those not yet allocated"
    static let help = """
        USAGE: recon transactions [--unmatched] [--json] [--db PATH]

        Lists the booked transactions stored by 'recon import', in booking order. Amounts are signed:
        positive for money in. --unmatched keeps the transactions whose amount is not fully allocated
        to invoices. --json prints an array of {id, account, bookingDate, valueDate, amount, currency,
        direction, reversal, counterpartyName, counterpartyIban, endToEndId, bankReference, remittance,
        allocated, unallocated}; amounts are strings.

        OPTIONS:
        \(DatabaseLocation.help)
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let json = arguments.flag("--json")
        let unmatched = arguments.flag("--unmatched")
        let store = try DatabaseLocation.open(&arguments)
        try arguments.finish()
        let transactions = try store.transactions(unallocatedOnly: unmatched)
        if json {
            Console.line(JSONValue.array(transactions.map(jsonValue)).rendered())
            return ExitCode.success
        }
        for transaction in transactions {
            var line = "\(String(transaction.id).padding(toLength: 6))\(transaction.bookingDate?.description ?? "?         ")  "
            line += transaction.amount.description.padding(toLength: 18)
            line += (transaction.counterpartyName ?? transaction.counterpartyIBAN ?? "-").padding(toLength: 28)
            line += transaction.remittanceText ?? transaction.endToEndId ?? ""
            Console.line(line)
        }
        if transactions.isEmpty { Console.line("no transactions") }
        return ExitCode.success
    }

    private static func jsonValue(_ transaction: StoredTransaction) -> JSONValue {
        .object([
            ("id", .integer(transaction.id)),
            ("account", .string(transaction.account)),
            ("bookingDate", .optional(transaction.bookingDate?.description)),
            ("valueDate", .optional(transaction.valueDate?.description)),
            ("amount", .string(transaction.amount.decimalString)),
            ("currency", .string(transaction.amount.currency.code)),
            ("direction", .string(transaction.direction.rawValue)),
            ("reversal", .bool(transaction.reversal)),
            ("counterpartyName", .optional(transaction.counterpartyName)),
            ("counterpartyIban", .optional(transaction.counterpartyIBAN)),
            ("endToEndId", .optional(transaction.endToEndId)),
            ("bankReference", .optional(transaction.bankReference)),
            ("remittance", .optional(transaction.remittanceText)),
            ("allocated", .string(transaction.allocated.decimalString)),
            ("unallocated", .string(transaction.unallocated.decimalString)),
        ])
    }
}
