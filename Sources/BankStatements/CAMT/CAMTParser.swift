/// Streaming parser for ISO 20022 camt.052, camt.053 and camt.054 (every version).
///
/// Reads the input in 64 KiB chunks through libxml2's SAX2 parser; memory holds one chunk and the
/// entry being read, whatever the file's size. Elements are matched by local name, so any
/// namespace (ISO, national variants, none) and any wrapper around `Document` work; the version
/// comes from the namespace.
public struct CAMTParser {
    public let options: ParseOptions

    /// The size of the pieces read from the input, which libxml2 then takes a few KiB at a time.
    static let chunkSize = 64 * 1024

    public init(options: ParseOptions = ParseOptions()) { self.options = options }

    /// Parses a whole CAMT document from `input`, reporting statements as they complete.
    ///
    /// - Parameters:
    ///   - input: The document's bytes.
    ///   - onEvent: Receives `.begin`, `.entry` per `Ntry` and `.end` per statement; an error it
    ///     throws stops the parse.
    /// - Throws: `StatementParseError` with line and element path for malformed or unsafe XML,
    ///   missing required elements and bad values; or what `onEvent` threw.
    public func parse(_ input: inout some ByteInput, onEvent: (StatementEvent) throws -> Void) throws {
        // The reader hands events over from inside the SAX callbacks; the handler does not outlive
        // this call, which `withoutActuallyEscaping` checks.
        try withoutActuallyEscaping(onEvent) { onEvent in
            try parse(&input, sink: onEvent)
        }
    }

    private func parse(_ input: inout some ByteInput, sink: @escaping (StatementEvent) throws -> Void) throws {
        let source = CAMTByteSource(input, chunkSize: Self.chunkSize)
        defer { input = source.input }
        let parser = XMLStreamParser(reader: CAMTDocumentReader(limits: options.limits, sink: sink)) {
            (buffer: UnsafeMutableRawBufferPointer) throws(StatementParseError) -> Int in
            try source.read(into: buffer)
        }
        try parser.parse()
        guard source.sawBytes else { throw StatementParseError(line: 1, message: "file is empty") }
        try parser.finish()
    }
}
