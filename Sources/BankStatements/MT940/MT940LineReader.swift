#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a `ByteInput` into lines, reading 64 KiB at a time so memory stays constant.
///
/// A line ends at LF; a CR before it, trailing blanks and the control bytes some banks use as
/// framing (SOH, ETX, SUB) are cut off, so the parser sees the same line on every platform.
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
            if let newline = findNewline() {
                let start = cursor
                cursor = newline + 1
                lineNumber += 1
                try checkLength(newline - start)
                return trimmed(start..<newline)
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

    private func findNewline() -> Int? {
        guard cursor < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { raw -> Int? in
            guard let base = raw.baseAddress else { return nil }
            guard let found = memchr(base + cursor, 0x0A, raw.count - cursor) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
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
