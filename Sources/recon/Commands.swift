/// Every sub-command, in the order `recon --help` lists them.
enum Commands {
    static var all: [any Command.Type] {
        [
            ParseCommand.self,
            ImportCommand.self,
            InvoicesCommand.self,
            StatementsCommand.self,
            TransactionsCommand.self,
            MatchCommand.self,
            ReviewCommand.self,
            UndoCommand.self,
            AllocationsCommand.self,
            CreditsCommand.self,
            OverdueCommand.self,
            CustomersCommand.self,
            ConfigCommand.self,
            RatesCommand.self,
        ]
    }

    static func named(_ name: String) -> (any Command.Type)? { all.first { $0.name == name } }
}
