import BankStatements
import Ledger

/// `recon import FILE... [--db PATH]`
enum ImportCommand: Command {
    static let name = "import"
    static let summary = "Store statement files (CAMT or MT940) in the database, each transaction once"
    static let help = """
        USAGE: recon import FILE... [--db PATH]

        Reads statement files (camt.052/053/054 or MT940/MT942, told apart by content) and stores their
        statements, balances and booked transactions. All files are read before anything is written,
        and the whole command is one database transaction: if any file is malformed, nothing is stored.

        Importing is idempotent. A file imported before (same bytes) is skipped. A transaction is
        recognised by its bank reference (with its amount, and its end-to-end id or position inside a
        batch), or by a fingerprint of booking date, amount, end-to-end id, payer IBAN and how many
        identical ones the statement holds that day; if either matches, it is already stored. So an
        intraday camt.052 followed by the day's camt.053, or an MT940 for days already imported from
        CAMT, stores each booking once, while two identical payments on one day are both kept.
        Pending and information-only entries are counted but not stored.

        OPTIONS:
        \(DatabaseLocation.help)

        Warnings (to standard error) name missing statement numbers and opening balances that do not
        continue the previous closing balance. Exit code: 0 on success, 1 with warnings, 65 for a
        malformed file ('file:line: message'), 66 for a file that cannot be read, 73 when the
        database cannot be opened or written.
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let store = try DatabaseLocation.open(&arguments)
        let paths = try arguments.positionals()
        guard !paths.isEmpty else { throw UsageError(command: name, message: "no statement file given") }
        let files = try paths.map { try StatementFile.read(path: $0) }
        let report = try store.importStatements(files)
        var warnings = report.warnings
        for file in report.files {
            if file.alreadyImported {
                Console.line("\(file.path): already imported, nothing to do")
                continue
            }
            var line = "\(file.path): \(file.statements) statement(s), \(file.transactionsAdded) transaction(s) added"
            if file.duplicates > 0 { line += ", \(file.duplicates) already stored" }
            if file.notBooked > 0 { line += ", \(file.notBooked) pending/information entr(ies) skipped" }
            Console.line(line)
        }
        for file in files {
            for statement in file.statements where !statement.verification.ok {
                warnings.append("\(file.path):\(statement.header.sourceLine): balances do not add up: \(statement.verification.message)")
            }
        }
        Console.flush()
        for warning in warnings { Console.error("warning: \(warning)") }
        return warnings.isEmpty ? ExitCode.success : ExitCode.failure
    }
}
