/// Streaming parser for ISO 20022 camt.052, camt.053 and camt.054 (every version).
public struct CAMTParser {
    public let options: ParseOptions

    public init(options: ParseOptions = ParseOptions()) { self.options = options }

    /// Parses a whole CAMT document from `input`, reporting statements as they complete.
    public func parse(_ input: inout some ByteInput, onEvent: (StatementEvent) throws -> Void) throws {
        throw StatementParseError(message: "CAMT parsing is not implemented yet")
    }
}
