/// Reads RFC 4180 CSV from bytes: quoted fields with doubled quotes, commas and line breaks inside
/// quotes, CRLF or LF line ends, and an optional UTF-8 byte order mark.
///
/// Works on bytes and turns a field into a `String` only once it is complete and checked to be
/// valid UTF-8. Blank lines are skipped. Every size the file controls is bounded by `CSVLimits`.
struct CSVReader {
    private let bytes: [UInt8]
    private let limits: CSVLimits
    private var index: Int
    private var line = 1
    private var records = 0

    init(bytes: [UInt8], limits: CSVLimits = CSVLimits()) {
        self.bytes = bytes
        self.limits = limits
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        self.index = bytes.starts(with: bom) ? 3 : 0
    }

    /// The next record, or `nil` at the end of the input.
    mutating func next() throws(CSVError) -> CSVRecord? {
        while index < bytes.count {
            let startLine = line
            var fields: [String] = []
            var endOfRecord = false
            var onlyEmpty = true
            while !endOfRecord {
                if fields.count >= limits.maximumFields {
                    throw CSVError(line: startLine, message: "more than \(limits.maximumFields) fields in one record")
                }
                let (field, quoted, ended) = try readField()
                if quoted || !field.isEmpty { onlyEmpty = false }
                fields.append(field)
                endOfRecord = ended
            }
            if onlyEmpty && fields.count == 1 { continue }
            records += 1
            if records > limits.maximumRecords {
                throw CSVError(line: startLine, message: "more than \(limits.maximumRecords) records")
            }
            return CSVRecord(line: startLine, fields: fields)
        }
        return nil
    }

    /// Reads one field; `ended` is `true` when a line end or the input's end follows it.
    private mutating func readField() throws(CSVError) -> (String, quoted: Bool, ended: Bool) {
        let fieldLine = line
        var value: [UInt8] = []
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        if index < bytes.count && bytes[index] == quote {
            index += 1
            while true {
                guard index < bytes.count else {
                    throw CSVError(line: fieldLine, message: "quoted field is never closed")
                }
                let byte = bytes[index]
                index += 1
                if byte == quote {
                    if index < bytes.count && bytes[index] == quote {
                        value.append(quote)
                        index += 1
                        continue
                    }
                    break
                }
                if byte == lf { line += 1 }
                value.append(byte)
                if value.count > limits.maximumFieldBytes { throw tooLong(fieldLine) }
            }
            // After the closing quote only a separator or a line end may follow.
            let ended = try consumeSeparator(afterQuoteOnLine: fieldLine)
            return (try text(value, fieldLine), true, ended)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == comma {
                index += 1
                return (try text(value, fieldLine), false, false)
            }
            if byte == cr || byte == lf {
                consumeLineEnd()
                return (try text(value, fieldLine), false, true)
            }
            if byte == quote {
                throw CSVError(line: fieldLine, message: "quote inside an unquoted field (quote the whole field and double the quote)")
            }
            value.append(byte)
            if value.count > limits.maximumFieldBytes { throw tooLong(fieldLine) }
            index += 1
        }
        return (try text(value, fieldLine), false, true)
    }

    private mutating func consumeSeparator(afterQuoteOnLine fieldLine: Int) throws(CSVError) -> Bool {
        guard index < bytes.count else { return true }
        let byte = bytes[index]
        if byte == UInt8(ascii: ",") {
            index += 1
            return false
        }
        if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
            consumeLineEnd()
            return true
        }
        throw CSVError(line: line, message: "unexpected text after a closing quote")
    }

    /// Skips `\r\n`, `\n` or a lone `\r`.
    private mutating func consumeLineEnd() {
        if bytes[index] == UInt8(ascii: "\r") {
            index += 1
            if index < bytes.count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
        } else {
            index += 1
        }
        line += 1
    }

    private func text(_ value: [UInt8], _ fieldLine: Int) throws(CSVError) -> String {
        guard let text = String(validating: value, as: UTF8.self) else {
            throw CSVError(line: fieldLine, message: "invalid UTF-8")
        }
        return text
    }

    private func tooLong(_ fieldLine: Int) -> CSVError {
        CSVError(line: fieldLine, message: "field longer than \(limits.maximumFieldBytes) bytes")
    }
}

/// One CSV record and the line it starts on.
struct CSVRecord: Hashable, Sendable {
    /// 1-based line where the record starts.
    var line: Int
    var fields: [String]
}

/// Bounds on what a CSV file may make the reader hold.
public struct CSVLimits: Sendable {
    public var maximumFieldBytes: Int
    public var maximumFields: Int
    public var maximumRecords: Int
    /// The largest file read at all.
    public var maximumFileBytes: Int

    public init(maximumFieldBytes: Int = 64 * 1024, maximumFields: Int = 200, maximumRecords: Int = 5_000_000,
                maximumFileBytes: Int = 1 << 30) {
        self.maximumFieldBytes = maximumFieldBytes
        self.maximumFields = maximumFields
        self.maximumRecords = maximumRecords
        self.maximumFileBytes = maximumFileBytes
    }
}

/// A CSV file that cannot be read as CSV at all.
struct CSVError: Error, Hashable, Sendable {
    var line: Int
    var message: String
}
