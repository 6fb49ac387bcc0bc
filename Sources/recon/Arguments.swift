/// The words after the command name, taken apart as a command asks for them.
///
/// Every option a command does not ask for is an error, so a typo never silently does something else.
struct Arguments {
    private var words: [String]
    /// Options that may appear anywhere and were taken out before the command ran.
    let command: String

    init(command: String, words: [String]) {
        self.command = command
        self.words = words
    }

    /// Removes `--name` if present.
    mutating func flag(_ name: String) -> Bool {
        guard let index = words.firstIndex(of: name) else { return false }
        words.remove(at: index)
        return true
    }

    /// Removes `--name VALUE` or `--name=VALUE` and returns the value.
    mutating func option(_ name: String) throws(UsageError) -> String? {
        if let index = words.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            let value = String(words[index].dropFirst(name.count + 1))
            words.remove(at: index)
            return value
        }
        guard let index = words.firstIndex(of: name) else { return nil }
        guard index + 1 < words.count else { throw UsageError(command: command, message: "\(name) needs a value") }
        let value = words[index + 1]
        words.removeSubrange(index...(index + 1))
        return value
    }

    /// Removes every `--name VALUE` and returns the values in order.
    mutating func options(_ name: String) throws(UsageError) -> [String] {
        var values: [String] = []
        while let value = try option(name) { values.append(value) }
        return values
    }

    /// The remaining words, which must all be positional (no unknown `--options`).
    mutating func positionals() throws(UsageError) -> [String] {
        if let unknown = words.first(where: { $0.hasPrefix("-") && $0 != "-" && !Arguments.isNumber($0) }) {
            throw UsageError(command: command, message: "unknown option '\(unknown)'")
        }
        let rest = words
        words = []
        return rest
    }

    /// The next positional word, if any.
    mutating func nextPositional() -> String? {
        guard let index = words.firstIndex(where: { !$0.hasPrefix("--") || Arguments.isNumber($0) }) else { return nil }
        return words.remove(at: index)
    }

    /// Fails when words are left that nobody asked for.
    func finish() throws(UsageError) {
        if let word = words.first {
            throw UsageError(command: command, message: word.hasPrefix("-") ? "unknown option '\(word)'" : "unexpected argument '\(word)'")
        }
    }

    private static func isNumber(_ word: String) -> Bool {
        word.count > 1 && word.hasPrefix("-") && word.dropFirst().allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }
}

/// The command line was used wrongly: exit code 64 (EX_USAGE) and a pointer to the help.
struct UsageError: Error, CustomStringConvertible {
    let command: String
    let message: String

    var description: String { "\(message)\nRun 'recon help \(command)' for usage." }
}
