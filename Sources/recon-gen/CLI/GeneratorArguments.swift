import BankStatements

/// `--name VALUE` options after the command word; anything not asked for is an error.
struct GeneratorArguments {
    private var words: [String]

    init(words: [String]) { self.words = words }

    mutating func string(_ name: String) throws(GeneratorError) -> String? {
        if let index = words.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            let value = String(words[index].dropFirst(name.count + 1))
            words.remove(at: index)
            return value
        }
        guard let index = words.firstIndex(of: name) else { return nil }
        guard index + 1 < words.count else { throw GeneratorError("\(name) needs a value") }
        let value = words[index + 1]
        words.removeSubrange(index...(index + 1))
        return value
    }

    mutating func integer(_ name: String, default value: Int, range: ClosedRange<Int>) throws(GeneratorError) -> Int {
        guard let text = try string(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw GeneratorError("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return number
    }

    mutating func seed() throws(GeneratorError) -> UInt64 {
        guard let text = try string("--seed") else { return 1 }
        guard let value = UInt64(text) else { throw GeneratorError("--seed must be a non-negative whole number, not '\(text)'") }
        return value
    }

    mutating func date(_ name: String, default value: CalendarDate) throws(GeneratorError) -> CalendarDate {
        guard let text = try string(name) else { return value }
        guard text.utf8.count == 10, let date = CalendarDate(iso: text) else {
            throw GeneratorError("\(name) must be a date YYYY-MM-DD, not '\(text)'")
        }
        return date
    }

    mutating func required(_ name: String) throws(GeneratorError) -> String {
        guard let value = try string(name) else { throw GeneratorError("\(name) is required") }
        return value
    }

    func finish() throws(GeneratorError) {
        if let word = words.first { throw GeneratorError("unexpected argument '\(word)'") }
    }
}
