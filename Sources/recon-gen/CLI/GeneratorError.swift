/// Something the generator cannot do: a bad option value or a file it cannot write.
struct GeneratorError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}
