/// Bytes already read (for format detection) followed by the rest of an input.
struct PrefixedInput<Base: ByteInput>: ByteInput {
    private var prefix: [UInt8]
    private var prefixOffset = 0
    private var base: Base

    init(prefix: [UInt8], base: Base) {
        self.prefix = prefix
        self.base = base
    }

    mutating func read(into buffer: inout [UInt8], maximumCount: Int) throws(StatementParseError) -> Int {
        if prefixOffset < prefix.count {
            let count = min(maximumCount, prefix.count - prefixOffset)
            buffer.append(contentsOf: prefix[prefixOffset..<(prefixOffset + count)])
            prefixOffset += count
            if prefixOffset == prefix.count {
                // Free the detection bytes once they are consumed.
                prefix = []
                prefixOffset = 0
            }
            return count
        }
        return try base.read(into: &buffer, maximumCount: maximumCount)
    }
}
