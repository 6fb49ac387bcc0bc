/// The input of a parse, handed to libxml2 in the pieces it asks for.
///
/// libxml2 asks for a few KiB at a time; reading the input in larger chunks keeps calls to it (and
/// system calls behind it) few. A class so that the parser's C read callback can reach it; it
/// works on its own copy of the input, which the caller takes back when the parse ends.
final class CAMTByteSource<Input: ByteInput> {
    private(set) var input: Input
    private let chunkSize: Int
    private var pending: [UInt8] = []
    private var offset = 0
    /// Whether the input held any bytes at all.
    private(set) var sawBytes = false
    /// Sees every chunk before libxml2 does (see `CAMTAttributeGuard` for why).
    private var attributeGuard = CAMTAttributeGuard()

    init(_ input: Input, chunkSize: Int) {
        self.input = input
        self.chunkSize = chunkSize
        pending.reserveCapacity(chunkSize)
    }

    /// Copies the next bytes into `buffer`; returns how many, 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(StatementParseError) -> Int {
        if offset == pending.count {
            pending.removeAll(keepingCapacity: true)
            offset = 0
            guard try input.read(into: &pending, maximumCount: chunkSize) > 0 else { return 0 }
            sawBytes = true
            try pending.withUnsafeBufferPointer { bytes throws(StatementParseError) in try attributeGuard.scan(bytes) }
        }
        let count = min(buffer.count, pending.count - offset)
        pending.withUnsafeBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
        }
        offset += count
        return count
    }
}
