import Ledger

/// `recon customers learned ID` and `recon customers forget ID [--iban IBAN | --alias NAME | --all]`:
/// what recon learned from review decisions, and taking it back. Dispatched by `CustomersCommand`.
enum CustomerLearning {
    static let name = CustomersCommand.name

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
