import BankStatements
import Ledger
import Reconciliation

/// `recon rates [list] [--json]` and `recon rates set DATE PERCENT --commercial|--consumer`
enum RatesCommand: Command {
    static let name = "rates"
    static let summary = "Enter or list the statutory interest rates used for overdue claims"
    static let help = """
        USAGE: recon rates [list] [--json] [--db PATH]
               recon rates set YYYY-MM-DD PERCENT --commercial|--consumer [--db PATH]

        recon has no interest rate built in: enter each published rate with the day it takes effect
        (the Dutch statutory rates change on 1 January and 1 July). --commercial is the commercial
        rate (handelsrente, art. 6:119a BW), used for business customers; --consumer the statutory
        rate (wettelijke rente, art. 6:119 BW), used for customers of type consumer. A rate applies
        from its day until the next rate of the same kind. Setting a rate for a day that has one
        replaces it. Every change is recorded in the audit log.

        Example: recon rates set 2026-07-01 10.15 --commercial

        OPTIONS:
        \(DatabaseLocation.help)
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let commercial = arguments.flag("--commercial")
        let consumer = arguments.flag("--consumer")
        let json = arguments.flag("--json")
        let store = try DatabaseLocation.open(&arguments)
        let words = try arguments.positionals()
        switch words.first ?? "list" {
        case "list":
            guard words.count <= 1, !commercial, !consumer else {
                throw UsageError(command: name, message: "list takes no arguments except --json")
            }
            let rates = try store.interestRates()
            if json {
                Console.line(JSONValue.array(rates.map { rate in
                    .object([("kind", .string(rate.kind.rawValue)), ("from", .string(rate.effectiveFrom.description)),
                             ("percent", .string(rate.annualPercent.description))])
                }).rendered())
            } else {
                for rate in rates {
                    Console.line("\(rate.kind.rawValue.padding(toLength: 12))from \(rate.effectiveFrom)  \(rate.annualPercent) %")
                }
                if rates.isEmpty { Console.line("no rates entered; add them with 'recon rates set YYYY-MM-DD PERCENT --commercial'") }
            }
        case "set":
            guard words.count == 3 else { throw UsageError(command: name, message: "set takes YYYY-MM-DD PERCENT") }
            guard commercial != consumer else {
                throw UsageError(command: name, message: "give exactly one of --commercial and --consumer")
            }
            let from = try Arguments.date(words[1], what: "the date", command: name)
            guard words[2].utf8.count <= 12, let percent = DecimalNumber(words[2]), percent.significand >= 0,
                  !words[2].hasPrefix("-"), !words[2].hasPrefix("+")
            else { throw UsageError(command: name, message: "'\(words[2])' is not a percentage such as 10.15") }
            let rate = InterestRate(kind: commercial ? .commercial : .consumer, effectiveFrom: from, annualPercent: percent)
            do {
                try store.setInterestRate(rate)
            } catch LedgerError.invalidRequest(let message) {
                throw UsageError(command: name, message: message)
            }
            Console.line("\(rate.kind.rawValue) rate from \(from): \(percent) %")
        default:
            throw UsageError(command: name, message: "unknown action '\(words[0])' (list or set)")
        }
        return ExitCode.success
    }
}
