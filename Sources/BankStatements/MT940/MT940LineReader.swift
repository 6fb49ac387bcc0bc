#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a `ByteInput` into lines, reading 64 KiB at a time so memory stays constant.
///
/// A line ends at LF, CR LF, or a CR alone (old Mac-style files); trailing blanks and the
/// control bytes some banks use as framing (SOH, ETX, SUB) are cut off, so the parser sees the
/// same line on every platform.
struct MT940LineReader<Input: ByteInput> {
    static var chunkSize: Int { 64 * 1024 }

    private var input: Input
    private let maximumLineLength: Int
    /// Bytes read but not yet handed out start at `cursor`.
    private(set) var buffer: [UInt8] = []
    private var cursor = 0
    private var endOfInput = false
    /// The 1-based number of the line last returned.
    private(set) var lineNumber = 0

    init(input: Input, maximumLineLength: Int) {
        self.input = input
        self.maximumLineLength = maximumLineLength
        buffer.reserveCapacity(MT940LineReader.chunkSize * 2)
    }

    /// The next line as a range of `buffer` (valid until the next call), or `nil` at the end.
    mutating func nextLine() throws(StatementParseError) -> Range<Int>? {
        while true {
            if let (end, next) = findLineEnd() {
                let start = cursor
                cursor = next
                lineNumber += 1
                try checkLength(end - start)
                return trimmed(start..<end)
            }
            if endOfInput {
                guard cursor < buffer.count else { return nil }
                let start = cursor
                cursor = buffer.count
                lineNumber += 1
                try checkLength(buffer.count - start)
                return trimmed(start..<buffer.count)
            }
            if buffer.count - cursor > maximumLineLength {
                lineNumber += 1
                try checkLength(buffer.count - cursor)
            }
            try refill()
        }
    }

    private func checkLength(_ length: Int) throws(StatementParseError) {
        guard length > maximumLineLength else { return }
        throw StatementParseError(
            line: lineNumber,
            message: "line is longer than \(maximumLineLength) bytes: not a statement file, or line breaks are missing")
    }

    /// Where the next line ends and the one after starts, or `nil` when more input is needed.
    ///
    /// The LF is found first; a CR before it that is not part of a CR LF ends the line earlier.
    /// A CR as the last byte read waits for the next chunk, which may start with its LF.
    private func findLineEnd() -> (end: Int, next: Int)? {
        guard cursor < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { raw -> (end: Int, next: Int)? in
            guard let base = raw.baseAddress else { return nil }
            let lineFeed = memchr(base + cursor, 0x0A, raw.count - cursor)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
            let limit = lineFeed ?? raw.count
            if let found = memchr(base + cursor, 0x0D, limit - cursor) {
                let carriageReturn = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if carriageReturn + 1 < raw.count {
                    return (carriageReturn, raw[carriageReturn + 1] == 0x0A ? carriageReturn + 2 : carriageReturn + 1)
                }
                return endOfInput ? (carriageReturn, carriageReturn + 1) : nil
            }
            return lineFeed.map { ($0, $0 + 1) }
        }
    }

    private mutating func refill() throws(StatementParseError) {
        if cursor > 0 {
            buffer.removeSubrange(0..<cursor)
            cursor = 0
        }
        let count = try input.read(into: &buffer, maximumCount: MT940LineReader.chunkSize)
        if count == 0 { endOfInput = true }
    }

    /// Drops trailing CR, blanks and framing control bytes, and leading framing control bytes.
    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while upper > lower, MT940LineReader.isTrailingNoise(buffer[upper - 1]) { upper -= 1 }
        while lower < upper, MT940LineReader.isFraming(buffer[lower]) { lower += 1 }
        return lower..<upper
    }

    private static func isTrailingNoise(_ byte: UInt8) -> Bool {
        byte == 0x0D || byte == 0x20 || byte == 0x09 || isFraming(byte)
    }

    /// SOH, ETX and SUB frame messages in some banks' files; they never carry content.
    private static func isFraming(_ byte: UInt8) -> Bool {
        byte == 0x01 || byte == 0x03 || byte == 0x1A || byte == 0x00
    }
}
