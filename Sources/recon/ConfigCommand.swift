import Ledger

/// `recon config [list] | get KEY | set KEY VALUE | unset KEY`
enum ConfigCommand: Command {
    static let name = "config"
    static let summary = "Show or change settings (dunning thresholds…), stored in the database"
    static var help: String {
        var text = """
            USAGE: recon config [list] [--db PATH]
                   recon config get KEY [--db PATH]
                   recon config set KEY VALUE [--db PATH]
                   recon config unset KEY [--db PATH]

            Settings live in the database, so everyone working on one file uses the same. 'list' shows
            every known key with its value ('*' marks a changed one) and default; 'unset' returns a key
            to its default. An unknown key or a value the key does not accept is refused (exit code 64).
            The dunning thresholds must increase: reminder < call < final-notice < collection.

            KEYS:

            """
        for key in ConfigRegistry.keys {
            text += "  \(key.name) (default \(key.defaultValue); \(key.accepts))\n      \(key.summary)\n"
        }
        text += "\nOPTIONS:\n" + DatabaseLocation.help
        return text
    }

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let store = try DatabaseLocation.open(&arguments)
        let words = try arguments.positionals()
        do {
            switch (words.first ?? "list", words.count) {
            case ("list", 1), ("list", 0):
                let settings = try store.settings()
                let width = (settings.map(\.name.count).max() ?? 0) + 1
                for entry in settings {
                    let marker = entry.isDefault ? " " : "*"
                    Console.line("\(marker) \(entry.name.padding(toLength: width))\(entry.value.padding(toLength: 8))"
                                 + "(default \(entry.defaultValue))  \(entry.summary)")
                }
            case ("get", 2):
                Console.line(try store.setting(words[1]))
            case ("set", 3):
                let value = try store.setSetting(words[1], to: words[2])
                Console.line("\(words[1]) = \(value)")
            case ("unset", 2):
                try store.resetSetting(words[1])
                Console.line("\(words[1]) = \(try store.setting(words[1])) (default)")
            case ("get", _), ("unset", _):
                throw UsageError(command: name, message: "\(words[0]) takes one KEY")
            case ("set", _):
                throw UsageError(command: name, message: "set takes KEY VALUE")
            default:
                throw UsageError(command: name, message: "unknown action '\(words[0])' (list, get, set or unset)")
            }
        } catch let error as ConfigError {
            throw UsageError(command: name, message: error.description)
        }
        return ExitCode.success
    }
}
