/// Reads any supported statement file, choosing the parser by content.
public enum StatementParser {
    /// How many bytes are looked at to tell the format.
    static let detectionWindow = 4096

    /// Streams the statements of the file at `path` to `onEvent`, entry by entry.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - options: Strictness and size limits.
    ///   - onEvent: Receives the statements in file order; an error it throws stops the parse.
    /// - Throws: `StatementParseError` with file and line, or what `onEvent` threw.
    public static func parse(
        path: String, options: ParseOptions = ParseOptions(), onEvent: (StatementEvent) throws -> Void
    ) throws {
        let input = try FileInput(path: path)
        try parse(input: input, name: path, options: options, onEvent: onEvent)
    }

    /// Streams the statements in `input`; `name` is used in error messages.
    public static func parse(
        input: some ByteInput, name: String?, options: ParseOptions = ParseOptions(),
        onEvent: (StatementEvent) throws -> Void
    ) throws {
        var input = input
        var prefix: [UInt8] = []
        while prefix.count < detectionWindow {
            let count = try input.read(into: &prefix, maximumCount: detectionWindow - prefix.count)
            if count == 0 { break }
        }
        if prefix.isEmpty { throw StatementParseError(file: name, line: 1, message: "file is empty") }
        guard let family = FormatDetector.detect(prefix) else {
            throw StatementParseError(
                file: name, line: 1,
                message: "not a bank statement: expected CAMT XML (camt.052/053/054) or SWIFT MT940/MT942")
        }
        var combined = PrefixedInput(prefix: prefix, base: input)
        var statementLine = 0
        let strictHandler: (StatementEvent) throws -> Void = { event in
            if case .begin(let header) = event { statementLine = header.sourceLine }
            if options.strict, case .end(_, let verification) = event, !verification.ok {
                throw StatementParseError(file: name, line: statementLine, message: "balances do not add up: \(verification.message)")
            }
            try onEvent(event)
        }
        do {
            switch family {
            case .camt:
                try CAMTParser(options: options).parse(&combined, onEvent: strictHandler)
            case .mt940:
                try MT940Parser(options: options).parse(&combined, onEvent: strictHandler)
            }
        } catch let error as StatementParseError {
            throw error.inFile(name)
        }
    }

    /// Reads the whole file into statements. Memory grows with the file: for large files, stream.
    public static func statements(path: String, options: ParseOptions = ParseOptions()) throws -> [Statement] {
        var collector = StatementCollector()
        try parse(path: path, options: options) { collector.handle($0) }
        return collector.statements
    }

    /// Reads statements from bytes in memory.
    public static func statements(bytes: [UInt8], name: String? = nil, options: ParseOptions = ParseOptions()) throws -> [Statement] {
        var collector = StatementCollector()
        try parse(input: MemoryInput(bytes), name: name, options: options) { collector.handle($0) }
        return collector.statements
    }
}
