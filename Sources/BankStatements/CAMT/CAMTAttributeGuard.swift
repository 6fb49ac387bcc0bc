/// Refuses markup no CAMT file has and that libxml2 2.9.14 handles badly, before libxml2 sees it:
/// a start tag with very many attributes or a very long name, and huge comments, CDATA sections or
/// processing instructions.
///
/// libxml2 2.9.14 checks each attribute of a start tag against all earlier ones, so the time a tag
/// costs grows with the square of its attribute count: 100,000 attributes (1.3 MB) took about 20
/// seconds and a 10 MB tag would take many minutes. The check has to happen on the bytes, because
/// libxml2 reports the element only after that work is done. Zero bytes are skipped so that UTF-16
/// input is scanned the same way.
struct CAMTAttributeGuard {
    /// CAMT elements carry at most a handful of attributes (`Ccy`, namespace declarations).
    static let maximumAttributes = 256
    /// The longest element name accepted (with its prefix); CAMT's longest are about 30 bytes.
    /// libxml2, when it reads the input itself, went on reading a 2 GB element name past its own
    /// 50,000-byte limit, so the name is bounded here first.
    static let maximumNameLength = 1024
    /// Comments, CDATA sections and processing instructions are collected whole by libxml2 before
    /// it reports them, and in the mode recon uses it did not stop a 2 GB comment at its 10 MB
    /// limit: memory would grow with the comment. None of them carries statement data.
    static let maximumMarkupLength = 1 << 20

    private enum State: UInt8 { case text, tagOpen, inTag, inDoubleQuote, inSingleQuote, markup, instruction }

    private var state = State.text
    /// The two bytes before the current one inside `<!…>`, to find the `-->` or `]]>` that ends it.
    private var previous: (UInt8, UInt8) = (0, 0)
    private var equalSigns = 0
    /// Bytes of the start tag's name so far; `nil` once the name has ended.
    private var nameLength: Int?
    /// Bytes inside the current comment, CDATA section or processing instruction.
    private var markupLength = 0
    private var line = 1
    private var tagLine = 1

    /// Scans the next chunk of the document; throws when a start tag in it has too many attributes.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(StatementParseError) {
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") {
                    state = .tagOpen
                    tagLine = line
                }
            case .tagOpen:
                // Only a start tag (`<Name`) counts: not `</`, `<!--`, `<![CDATA[` or `<?`.
                if byte == 0 { continue }
                if byte == UInt8(ascii: "!") {
                    state = .markup
                    previous = (0, 0)
                    markupLength = 0
                    continue
                }
                if byte == UInt8(ascii: "?") {
                    state = .instruction
                    previous = (0, 0)
                    markupLength = 0
                    continue
                }
                let isNameStart = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                    || byte == UInt8(ascii: "_") || byte >= 0x80
                state = isNameStart ? .inTag : .text
                equalSigns = 0
                nameLength = 1
            case .inTag:
                if let length = nameLength {
                    if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/")
                        || byte == UInt8(ascii: ">") {
                        nameLength = nil
                    } else if byte != 0 {
                        guard length < CAMTAttributeGuard.maximumNameLength else {
                            throw StatementParseError(
                                line: tagLine, message: "an element name is longer than \(CAMTAttributeGuard.maximumNameLength) bytes")
                        }
                        nameLength = length + 1
                    }
                }
                if byte == UInt8(ascii: ">") {
                    state = .text
                } else if byte == UInt8(ascii: "\"") {
                    state = .inDoubleQuote
                } else if byte == UInt8(ascii: "'") {
                    state = .inSingleQuote
                } else if byte == UInt8(ascii: "=") {
                    equalSigns += 1
                    if equalSigns > CAMTAttributeGuard.maximumAttributes {
                        throw StatementParseError(
                            line: tagLine, message: "an element has more than \(CAMTAttributeGuard.maximumAttributes) attributes")
                    }
                }
            case .inDoubleQuote:
                if byte == UInt8(ascii: "\"") { state = .inTag }
            case .inSingleQuote:
                if byte == UInt8(ascii: "'") { state = .inTag }
            case .markup:
                // A comment or CDATA section ends at `-->` or `]]>`; what is inside is text.
                if byte == 0 { continue }
                if byte == UInt8(ascii: ">") && previous.0 == previous.1
                    && (previous.1 == UInt8(ascii: "-") || previous.1 == UInt8(ascii: "]")) {
                    state = .text
                }
                previous = (previous.1, byte)
                try countMarkup()
            case .instruction:
                // A processing instruction (and the XML declaration) ends at `?>`.
                if byte == 0 { continue }
                if byte == UInt8(ascii: ">") && previous.1 == UInt8(ascii: "?") { state = .text }
                previous = (previous.1, byte)
                try countMarkup()
            }
        }
    }

    private mutating func countMarkup() throws(StatementParseError) {
        markupLength += 1
        if markupLength > CAMTAttributeGuard.maximumMarkupLength {
            throw StatementParseError(
                line: tagLine,
                message: "a comment, CDATA section or processing instruction is longer than \(CAMTAttributeGuard.maximumMarkupLength) bytes")
        }
    }
}
