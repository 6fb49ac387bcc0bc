import BankStatements

/// Reads a whole input file, refusing files beyond a size bound.
enum FileReading {
    /// - Throws: `StatementParseError` ("cannot open: …", "file larger than …") naming the file.
    static func readAll(path: String, maximumBytes: Int) throws -> [UInt8] {
        let input = try FileInput(path: path)
        var bytes: [UInt8] = []
        while true {
            let count = try input.read(into: &bytes, maximumCount: 1 << 16)
            if count == 0 { break }
            if bytes.count > maximumBytes {
                throw StatementParseError(file: path, message: "file larger than \(maximumBytes) bytes")
            }
        }
        return bytes
    }
}
