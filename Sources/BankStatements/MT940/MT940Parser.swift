/// Streaming parser for SWIFT MT940 statements and MT942 interim reports in every bank dialect.
///
/// The file is read line by line; lines are gathered into fields (a known tag at the start of a
/// line opens one, anything else continues it) and each finished field goes to the statement
/// assembler. Envelope blocks, bank preambles and `-` separators end a statement.
public struct MT940Parser {
    public let options: ParseOptions

    public init(options: ParseOptions = ParseOptions()) { self.options = options }

    /// Parses a whole MT940/MT942 file from `input`, reporting statements as they complete.
    public func parse(_ input: inout some ByteInput, onEvent: (StatementEvent) throws -> Void) throws {
        var reader = MT940LineReader(input: input, maximumLineLength: options.limits.maximumLineLength)
        var state = LineState(options: options)
        while let range = try reader.nextLine() {
            try state.handle(reader.buffer, range, line: reader.lineNumber, onEvent: onEvent)
        }
        try state.finish(onEvent: onEvent)
        if state.assembler.statementCount == 0 {
            throw StatementParseError(line: reader.lineNumber, message: "no MT940/MT942 statement found: expected a :20: field")
        }
    }

    /// The tag as written in a file, for messages.
    static func name(of tag: MT940Tag) -> String {
        switch tag {
        case .transactionReference: return ":20:"
        case .relatedReference: return ":21:"
        case .account: return ":25:"
        case .statementNumber: return ":28C:"
        case .openingBalance(let final): return final ? ":60F:" : ":60M:"
        case .statementLine: return ":61:"
        case .information: return ":86:"
        case .closingBalance(let final): return final ? ":62F:" : ":62M:"
        case .closingAvailable: return ":64:"
        case .forwardAvailable: return ":65:"
        case .floorLimit: return ":34F:"
        case .dateTime: return ":13D:"
        case .debitSummary: return ":90D:"
        case .creditSummary: return ":90C:"
        case .nonSwift: return ":NS:"
        }
    }
}

/// Decides for each line whether it opens a field, continues one, or separates statements.
///
/// Some decisions need the next line: a lone `-` inside an `:86:` is text when more text follows
/// (Rabobank) but a separator before `:20:`; a lone `:` may be a tag broken as `:\n86:`.
private struct LineState {
    var assembler: MT940StatementAssembler
    private let options: ParseOptions
    private var field = MT940Field()
    private var fieldOpen = false
    private var pendingBlankLines = 0
    private var pendingDash = false
    private var pendingColon = false

    init(options: ParseOptions) {
        self.options = options
        assembler = MT940StatementAssembler(options: options)
    }

    mutating func handle(_ bytes: [UInt8], _ range: Range<Int>, line: Int, onEvent: (StatementEvent) throws -> Void) throws {
        if range.isEmpty {
            if fieldOpen, field.tag == .information { pendingBlankLines += 1 } else { try closeField(onEvent: onEvent) }
            return
        }
        let first = bytes[range.lowerBound]
        if range.count == 1 && first == UInt8(ascii: ":") {
            pendingColon = true
            return
        }
        if pendingColon {
            pendingColon = false
            if let (tag, contentStart) = MT940Tag.recognize(bytes, from: range.lowerBound, to: range.upperBound, hasColon: false) {
                try openField(tag, bytes, contentStart..<range.upperBound, line: line, onEvent: onEvent)
                return
            }
            try continueField(Array(":".utf8), 0..<1, line: line - 1)
        }
        if first == UInt8(ascii: ":"), let (tag, contentStart) = MT940Tag.recognize(bytes, from: range.lowerBound, to: range.upperBound) {
            try openField(tag, bytes, contentStart..<range.upperBound, line: line, onEvent: onEvent)
            return
        }
        if isLoneDash(bytes, range) {
            if pendingDash {
                // Two dashes in a row: the first was text.
                try continueField(Array("-".utf8), 0..<1, line: line - 1)
            }
            if fieldOpen, field.tag == .information, assembler.expectsEntryInformation {
                pendingDash = true
            } else {
                try endStatement(onEvent: onEvent)
            }
            return
        }
        if let envelope = envelopeStart(bytes, range) {
            try endStatement(onEvent: onEvent)
            try envelopeLine(bytes, envelope..<range.upperBound, line: line, onEvent: onEvent)
            return
        }
        if pendingDash {
            pendingDash = false
            try continueField(Array("-".utf8), 0..<1, line: line - 1)
        }
        if fieldOpen {
            try continueField(bytes, range, line: line)
        }
        // Otherwise a preamble line (`ABNANL2A`, `940`, `:940:`, `0000 01INGBNL2A…`): ignored.
    }

    mutating func finish(onEvent: (StatementEvent) throws -> Void) throws {
        pendingDash = false
        try closeField(onEvent: onEvent)
        try assembler.finish(onEvent: onEvent)
    }

    private mutating func openField(_ tag: MT940Tag, _ bytes: [UInt8], _ content: Range<Int>, line: Int,
                                    onEvent: (StatementEvent) throws -> Void) throws {
        if pendingDash {
            pendingDash = false
            if tag == .transactionReference {
                try endStatement(onEvent: onEvent)
            } else {
                try continueField(Array("-".utf8), 0..<1, line: line - 1)
            }
        }
        try closeField(onEvent: onEvent)
        field.start(tag, line: line)
        field.bytes.append(contentsOf: bytes[content])
        fieldOpen = true
    }

    private mutating func continueField(_ bytes: [UInt8], _ range: Range<Int>, line: Int) throws {
        guard fieldOpen else { return }
        if field.tag == .information {
            while pendingBlankLines > 0 {
                field.appendLine(from: [], 0..<0)
                pendingBlankLines -= 1
            }
        }
        pendingBlankLines = 0
        guard field.lineCount < options.limits.maximumTransactionsPerEntry,
              field.bytes.count + range.count < options.limits.maximumTextLength else {
            throw StatementParseError(line: line, message: "\(MT940Parser.name(of: field.tag)) field starting at line \(field.line) is longer than the limit of \(options.limits.maximumTextLength) bytes")
        }
        field.appendLine(from: bytes, range)
    }

    private mutating func closeField(onEvent: (StatementEvent) throws -> Void) throws {
        pendingBlankLines = 0
        guard fieldOpen else { return }
        fieldOpen = false
        try assembler.handle(field, onEvent: onEvent)
    }

    private mutating func endStatement(onEvent: (StatementEvent) throws -> Void) throws {
        pendingDash = false
        try closeField(onEvent: onEvent)
        try assembler.finish(onEvent: onEvent)
    }

    /// A line holding only `-` (some banks indent it).
    private func isLoneDash(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range.upperBound - 1] == UInt8(ascii: "-")
            && bytes[range.lowerBound..<(range.upperBound - 1)].allSatisfy(MT940Bytes.isBlank)
    }

    /// Where an envelope or separator line starts: `{1:…`, `{5:…}`, `-}`, `-å` (Handelsbanken's
    /// ISO 646 braces), after optional blanks. `nil` for any other line.
    private func envelopeStart(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound, MT940Bytes.isBlank(bytes[index]) { index += 1 }
        guard index < range.upperBound else { return nil }
        if bytes[index] == UInt8(ascii: "{") { return index }
        if bytes[index] == UInt8(ascii: "-"), range.upperBound - index <= 3,
           index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "}") || bytes[index + 1] >= 0x80 {
            return index
        }
        if bytes[index] == UInt8(ascii: "-"), index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "}") { return index }
        return nil
    }

    /// Reads the message type from `{2:I942…` / `{2:O940…` and any field that follows `{4:` on the same line.
    private mutating func envelopeLine(_ bytes: [UInt8], _ range: Range<Int>, line: Int,
                                       onEvent: (StatementEvent) throws -> Void) throws {
        var index = range.lowerBound
        while index + 3 < range.upperBound {
            if bytes[index] == UInt8(ascii: "{"), bytes[index + 2] == UInt8(ascii: ":") {
                if bytes[index + 1] == UInt8(ascii: "2"), index + 7 <= range.upperBound {
                    let type = bytes[(index + 4)..<(index + 7)]
                    if type.elementsEqual("942".utf8) { assembler.envelopeSaysMT942 = true }
                    else if type.elementsEqual("940".utf8) { assembler.envelopeSaysMT942 = false }
                }
                if bytes[index + 1] == UInt8(ascii: "4") {
                    let rest = (index + 3)..<range.upperBound
                    if !rest.isEmpty, bytes[rest.lowerBound] == UInt8(ascii: ":"),
                       let (tag, contentStart) = MT940Tag.recognize(bytes, from: rest.lowerBound, to: rest.upperBound) {
                        try openField(tag, bytes, contentStart..<rest.upperBound, line: line, onEvent: onEvent)
                    }
                    return
                }
            }
            index += 1
        }
    }
}
