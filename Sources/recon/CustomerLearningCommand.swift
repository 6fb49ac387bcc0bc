import Ledger

/// `recon customers learned ID` and `recon customers forget ID [--iban IBAN | --alias NAME | --all]`
///
/// Only the learning part of `recon customers`; when the full command (`show`…) lands, it
/// dispatches `learned` and `forget` here.
enum CustomerLearningCommand: Command {
    static let name = "customers"
    static let summary = "Show or forget what recon learned about a customer's payments"
    static let help = """
        USAGE: recon customers learned ID [--db PATH]
               recon customers forget ID [--iban IBAN | --alias NAME | --all] [--db PATH]

        learned: the payer IBANs and names recon learned for the customer from review decisions
        ('recon review accept|assign'). A learned IBAN lets the next payment from it be allocated
        automatically when its amount equals exactly one of the customer's open invoices.
        forget: removes one learned IBAN, one learned name, or with --all (the default) everything
        learned. IBANs and names from invoice files are not affected.

        OPTIONS:
        \(DatabaseLocation.help)
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let databasePath = try DatabaseLocation.path(&arguments)
        if arguments.nextPositionalIs("learned") { return try learned(&arguments, databasePath) }
        if arguments.nextPositionalIs("forget") { return try forget(&arguments, databasePath) }
        throw UsageError(command: name, message: "use 'recon customers learned ID' or 'recon customers forget ID'")
    }

    static func learned(_ arguments: inout Arguments, _ path: String) throws -> Int32 {
        let words = try arguments.positionals()
        guard words.count == 1, let customer = words.first else { throw UsageError(command: name, message: "give one customer ID") }
        let store = try DatabaseLocation.open(path: path)
        let facts = try store.learnedFacts(customerID: customer)
        for iban in facts.ibans { Console.line("iban   \(iban)") }
        for alias in facts.aliases { Console.line("alias  \(alias)") }
        if facts.ibans.isEmpty && facts.aliases.isEmpty { Console.line("nothing learned for \(customer)") }
        return ExitCode.success
    }

    static func forget(_ arguments: inout Arguments, _ path: String) throws -> Int32 {
        let iban = try arguments.option("--iban")
        let alias = try arguments.option("--alias")
        let all = arguments.flag("--all")
        let words = try arguments.positionals()
        guard words.count == 1, let customer = words.first else { throw UsageError(command: name, message: "give one customer ID") }
        if [iban != nil, alias != nil, all].filter({ $0 }).count > 1 {
            throw UsageError(command: name, message: "give one of --iban, --alias and --all")
        }
        let store = try DatabaseLocation.open(path: path)
        let removed = try store.forgetLearned(customerID: customer, iban: iban, alias: alias)
        Console.line("forgot \(removed) learned fact(s) for \(customer)")
        return ExitCode.success
    }
}
