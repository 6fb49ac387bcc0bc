/// Streaming parser for SWIFT MT940 statements and MT942 interim reports in every bank dialect.
public struct MT940Parser {
    public let options: ParseOptions

    public init(options: ParseOptions = ParseOptions()) { self.options = options }

    /// Parses a whole MT940/MT942 file from `input`, reporting statements as they complete.
    public func parse(_ input: inout some ByteInput, onEvent: (StatementEvent) throws -> Void) throws {
        throw StatementParseError(message: "MT940 parsing is not implemented yet")
    }
}
