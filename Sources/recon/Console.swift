#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writing to standard output and standard error.
///
/// Output goes through one buffer and `fwrite` so that printing a million-entry JSON document
/// costs little more than producing it.
enum Console {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    static func out(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func line(_ text: String = "") { out(text + "\n") }

    /// Writes UTF-8 bytes as they are.
    static func out(bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes the bytes of `line` as they are, without a line break.
    static func out(_ line: OutputLine) {
        buffer.append(contentsOf: line.bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes `line` followed by a line break.
    static func line(_ line: OutputLine) {
        buffer.append(contentsOf: line.bytes)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func flush() {
        guard !buffer.isEmpty else { return }
        writeAll(buffer, to: 1)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes a line to standard error at once, after what is pending on standard output.
    static func error(_ text: String) {
        flush()
        writeAll(Array((text + "\n").utf8), to: 2)
    }

    /// Writes every byte to a file descriptor, retrying short writes; a closed pipe ends quietly.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
