import BankStatements
import Ledger

/// `recon statements [--json] [--db PATH]`
enum StatementsCommand: Command {
    static let name = "statements"
    static let summary = "List the statements stored in the database"
    static let help = """
        USAGE: recon statements [--json] [--db PATH]

        Lists stored statements by account and period with their balances and how many transactions
        each one brought in. --json prints an array of {id, account, format, intraday, statementId,
        sequenceNumber, periodStart, periodEnd, currency, openingBalance, closingBalance, entries,
        transactionsAdded, balancesOk, file}; amounts are strings.

        OPTIONS:
        \(DatabaseLocation.help)
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let json = arguments.flag("--json")
        let store = try DatabaseLocation.open(&arguments)
        try arguments.finish()
        let statements = try store.statements()
        if json {
            Console.line(JSONValue.array(statements.map(jsonValue)).rendered())
            return ExitCode.success
        }
        for statement in statements {
            var line = "\(statement.account)  \(statement.format.padding(toLength: 16))"
            line += "\(statement.periodStart?.description ?? "?")–\(statement.periodEnd?.description ?? "?")"
            if let sequence = statement.sequenceNumber { line += "  #\(sequence)" }
            if let opening = statement.opening { line += "  open \(opening.decimalString)" }
            if let closing = statement.closing { line += "  close \(closing.decimalString)" }
            line += "  \(statement.transactionCount)/\(statement.entryCount) new/entries"
            if !statement.balancesOK { line += "  MISMATCH" }
            Console.line(line)
        }
        if statements.isEmpty { Console.line("no statements") }
        return ExitCode.success
    }

    private static func jsonValue(_ statement: StoredStatement) -> JSONValue {
        .object([
            ("id", .integer(statement.id)),
            ("account", .string(statement.account)),
            ("format", .string(statement.format)),
            ("intraday", .bool(statement.intraday)),
            ("statementId", .optional(statement.statementID)),
            ("sequenceNumber", .optional(statement.sequenceNumber)),
            ("periodStart", .optional(statement.periodStart?.description)),
            ("periodEnd", .optional(statement.periodEnd?.description)),
            ("currency", .optional((statement.closing ?? statement.opening)?.currency.code)),
            ("openingBalance", .optional(statement.opening?.decimalString)),
            ("closingBalance", .optional(statement.closing?.decimalString)),
            ("entries", .integer(Int64(statement.entryCount))),
            ("transactionsAdded", .integer(Int64(statement.transactionCount))),
            ("balancesOk", .bool(statement.balancesOK)),
            ("file", .string(statement.file)),
        ])
    }
}
