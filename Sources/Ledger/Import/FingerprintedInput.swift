import BankStatements

/// A statement file read once, for the parser and for its fingerprint together.
///
/// The parser pulls the bytes through `read`, and every byte it gets is hashed on the way, so the
/// fingerprint is of exactly the bytes parsed (a file replaced between two reads could not give
/// one statement's hash to another's entries), without holding the file in memory. A class: the
/// parser works on its own copy of the input, and the hash must survive that.
final class FingerprintedInput: ByteInput {
    private let file: FileInput
    private let maximumBytes: Int
    private var hasher = SHA256()
    private(set) var size = 0

    /// - Throws: `StatementParseError` naming the file when it cannot be opened.
    init(path: String, maximumBytes: Int) throws(StatementParseError) {
        file = try FileInput(path: path)
        self.maximumBytes = maximumBytes
    }

    func read(into buffer: inout [UInt8], maximumCount: Int) throws(StatementParseError) -> Int {
        let start = buffer.count
        let count = try file.read(into: &buffer, maximumCount: maximumCount)
        size += count
        if size > maximumBytes {
            throw StatementParseError(file: file.path, message: "file larger than \(maximumBytes) bytes")
        }
        hasher.update(buffer[start...])
        return count
    }

    /// Reads what the parser left after the end of the document, then returns the lower-case hex
    /// SHA-256 of every byte of the file.
    func finish() throws(StatementParseError) -> String {
        var rest: [UInt8] = []
        while true {
            rest.removeAll(keepingCapacity: true)
            if try read(into: &rest, maximumCount: 1 << 16) == 0 { break }
        }
        return SHA256.hex(hasher.finalize())
    }
}
