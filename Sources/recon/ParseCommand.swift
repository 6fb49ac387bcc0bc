import BankStatements

/// `recon parse FILE... [--json] [--strict]`
enum ParseCommand: Command {
    static let name = "parse"
    static let summary = "Read statement files (CAMT or MT940) and show or print them as JSON"
    static let help = """
        USAGE: recon parse FILE... [--json] [--strict]

        Reads bank statement files — ISO 20022 camt.052/053/054 (any version) or SWIFT MT940/MT942 —
        telling the format by content, and checks that each statement's opening balance plus its booked
        entries equals its closing balance.

        OPTIONS:
          --json     Print the full normalised model as one JSON document (see README.md).
          --strict   Treat a balance mismatch as an error (exit code 65).

        Without --json a summary per statement is printed. Errors go to standard error as
        'file:line: message'; the exit code is 0 on success, 1 when a balance check failed,
        65 for a malformed file and 66 for a file that cannot be read.
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let json = arguments.flag("--json")
        let strict = arguments.flag("--strict")
        let files = try arguments.positionals()
        guard !files.isEmpty else { throw UsageError(command: name, message: "no statement file given") }
        let options = ParseOptions(strict: strict)
        var mismatches = 0
        if json {
            var stream = StatementJSONStream(writeBytes: Console.out(bytes:))
            stream.beginDocument()
            for file in files {
                stream.beginFile(file)
                try StatementParser.parse(path: file, options: options) { event in
                    if case .end(_, let verification) = event, !verification.ok { mismatches += 1 }
                    stream.handle(event)
                }
                stream.endFile()
            }
            stream.endDocument()
        } else {
            for file in files {
                var summary = StatementSummaryPrinter(file: file)
                try StatementParser.parse(path: file, options: options) { event in
                    summary.handle(event)
                }
                mismatches += summary.mismatches
                summary.finish()
            }
        }
        Console.flush()
        if mismatches > 0 {
            Console.error("warning: \(mismatches) statement(s) whose balances do not add up")
            return ExitCode.failure
        }
        return ExitCode.success
    }
}
