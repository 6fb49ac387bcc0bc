/// Streaming parser for ISO 20022 camt.052, camt.053 and camt.054 (every version).
///
/// Reads the input in 64 KiB chunks through libxml2's SAX2 push parser; memory holds one chunk and
/// the entry being read, whatever the file's size. Elements are matched by local name, so any
/// namespace (ISO, national variants, none) and any wrapper around `Document` work; the version
/// comes from the namespace.
public struct CAMTParser {
    public let options: ParseOptions

    /// The size of the pieces read from the input and handed to libxml2.
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
        let parser = XMLPushParser(reader: CAMTDocumentReader(limits: options.limits))
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.chunkSize)
        var sawBytes = false
        var attributeGuard = CAMTAttributeGuard()
        while true {
            buffer.removeAll(keepingCapacity: true)
            let count = try input.read(into: &buffer, maximumCount: Self.chunkSize)
            if count > 0 { sawBytes = true }
            try buffer.withUnsafeBufferPointer { bytes throws(StatementParseError) in try attributeGuard.scan(bytes) }
            var failure: StatementParseError?
            do {
                try buffer.withUnsafeBufferPointer { bytes throws(StatementParseError) in
                    try parser.feed(bytes, isLast: count == 0)
                }
            } catch {
                failure = error
            }
            // Entries read before a failure still reach the caller, in order.
            for event in parser.reader.events { try onEvent(event) }
            parser.reader.events.removeAll(keepingCapacity: true)
            if let failure { throw failure }
            if count == 0 { break }
        }
        guard sawBytes else { throw StatementParseError(line: 1, message: "file is empty") }
        try parser.reader.finish()
    }
}
