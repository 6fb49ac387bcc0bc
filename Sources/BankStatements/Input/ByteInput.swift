/// A source of bytes read front to back in chunks, so that parsers never hold a whole file.
public protocol ByteInput {
    /// Reads up to `maximumCount` bytes, appending them to `buffer`. Returns 0 at the end.
    mutating func read(into buffer: inout [UInt8], maximumCount: Int) throws(StatementParseError) -> Int
}

/// Bytes already in memory (tests, small inputs).
public struct MemoryInput: ByteInput {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    public mutating func read(into buffer: inout [UInt8], maximumCount: Int) throws(StatementParseError) -> Int {
        let count = min(maximumCount, bytes.count - offset)
        guard count > 0 else { return 0 }
        buffer.append(contentsOf: bytes[offset..<(offset + count)])
        offset += count
        return count
    }
}
