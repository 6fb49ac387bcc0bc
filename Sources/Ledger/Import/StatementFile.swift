import BankStatements

/// A statement file read and parsed in full, with the fingerprint of its bytes.
///
/// Reading every file of an import before the database is touched is what makes an import all or
/// nothing without holding the write lock while parsing. The file is read once, streaming: what
/// stays in memory is its statements, not its bytes.
public struct StatementFile: Sendable {
    /// The path as the user gave it.
    public var path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    public var size: Int
    public var statements: [BankStatements.Statement]

    public init(path: String, sha256: String, size: Int, statements: [BankStatements.Statement]) {
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.statements = statements
    }

    /// Reads, fingerprints and parses the file at `path` (CAMT or MT940, told apart by content).
    ///
    /// - Throws: `StatementParseError` with the file and line of the first problem.
    public static func read(path: String, options: ParseOptions = ParseOptions(),
                            maximumBytes: Int = 1 << 31) throws -> StatementFile {
        let input = try FingerprintedInput(path: path, maximumBytes: maximumBytes)
        var collector = StatementCollector()
        try StatementParser.parse(input: input, name: path, options: options) { collector.handle($0) }
        let sha256 = try input.finish()
        return StatementFile(path: path, sha256: sha256, size: input.size, statements: collector.statements)
    }
}
