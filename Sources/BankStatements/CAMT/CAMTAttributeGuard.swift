/// Refuses markup no CAMT file has and that libxml2 2.9.14 handles badly, before libxml2 sees it:
/// a start tag with very many attributes or a very long name, and huge comments, CDATA sections or
/// processing instructions.
///
/// libxml2 2.9.14 checks each attribute of a start tag against all earlier ones, so the time a tag
/// costs grows with the square of its attribute count: 100,000 attributes (1.3 MB) took about 20
/// seconds and a 10 MB tag would take many minutes. The check has to happen on the bytes, because
/// libxml2 reports the element only after that work is done. Zero bytes are skipped so that UTF-16
/// input is scanned the same way.
///
/// Every byte of the document passes through here, so each state runs its own tight loop, and line
/// numbers (needed only for an error) are not counted byte by byte: the newlines of a whole chunk
/// are counted in one pass that the compiler vectorises, and a tag's line is worked out only when
/// it is needed.
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

    private enum State: UInt8 { case text, tagOpen, name, attributes, inDoubleQuote, inSingleQuote, markup, instruction }

    private var state = State.text
    /// The two bytes before the current one inside `<!…>`, to find the `-->` or `]]>` that ends it.
    private var previous: (UInt8, UInt8) = (0, 0)
    private var equalSigns = 0
    /// Bytes of the start tag's name so far.
    private var nameLength = 0
    /// Bytes inside the current comment, CDATA section or processing instruction.
    private var markupLength = 0
    /// The line the current chunk starts on.
    private var line = 1
    /// The line of the `<` that opened the current tag or markup, once known; while it is `nil`
    /// the `<` is at `tagOffset` in the current chunk.
    private var tagLine: Int? = 1
    private var tagOffset = 0

    /// Scans the next chunk of the document; throws when a start tag in it has too many attributes.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(StatementParseError) {
        guard let base = bytes.baseAddress else { return }
        let end = bytes.count
        var index = 0
        while index < end {
            switch state {
            case .text:
                index = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: base, from: index, to: end)
                while index < end, let next = Self.nextTagAfterPlainTag(base, open: index, end: end) {
                    index = next
                }
                guard index < end else { break }
                state = .tagOpen
                tagLine = nil
                tagOffset = index
                index += 1
            case .tagOpen:
                // Only a start tag (`<Name`) counts: not `</`, `<!--`, `<![CDATA[` or `<?`.
                let byte = base[index]
                index += 1
                if byte == 0 { continue }
                if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                    state = byte == UInt8(ascii: "!") ? .markup : .instruction
                    previous = (0, 0)
                    markupLength = 0
                    continue
                }
                let folded = byte | 0x20
                let isNameStart = (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z"))
                    || byte == UInt8(ascii: "_") || byte >= 0x80
                state = isNameStart ? .name : .text
                equalSigns = 0
                nameLength = 1
            case .name:
                while index < end {
                    let byte = base[index]
                    if Self.endsName(byte) {
                        state = .attributes
                        break
                    }
                    index += 1
                    if byte != 0 {
                        guard nameLength < CAMTAttributeGuard.maximumNameLength else {
                            throw failure("an element name is longer than \(CAMTAttributeGuard.maximumNameLength) bytes",
                                          in: base)
                        }
                        nameLength += 1
                    }
                }
            case .attributes:
                while index < end {
                    let byte = base[index]
                    index += 1
                    if byte == UInt8(ascii: ">") {
                        state = .text
                        break
                    } else if byte == UInt8(ascii: "\"") {
                        state = .inDoubleQuote
                        break
                    } else if byte == UInt8(ascii: "'") {
                        state = .inSingleQuote
                        break
                    } else if byte == UInt8(ascii: "=") {
                        equalSigns += 1
                        if equalSigns > CAMTAttributeGuard.maximumAttributes {
                            throw failure("an element has more than \(CAMTAttributeGuard.maximumAttributes) attributes",
                                          in: base)
                        }
                    }
                }
            case .inDoubleQuote, .inSingleQuote:
                let quote = state == .inDoubleQuote ? UInt8(ascii: "\"") : UInt8(ascii: "'")
                while index < end && base[index] != quote { index += 1 }
                guard index < end else { break }
                index += 1
                state = .attributes
            case .markup, .instruction:
                // A comment or CDATA section ends at `-->` or `]]>`, a processing instruction (and
                // the XML declaration) at `?>`; what is inside is text.
                let instruction = state == .instruction
                while index < end {
                    let byte = base[index]
                    index += 1
                    if byte == 0 { continue }
                    let ends = instruction
                        ? byte == UInt8(ascii: ">") && previous.1 == UInt8(ascii: "?")
                        : byte == UInt8(ascii: ">") && previous.0 == previous.1
                            && (previous.1 == UInt8(ascii: "-") || previous.1 == UInt8(ascii: "]"))
                    previous = (previous.1, byte)
                    markupLength += 1
                    if markupLength > CAMTAttributeGuard.maximumMarkupLength {
                        throw failure(
                            "a comment, CDATA section or processing instruction is longer than \(CAMTAttributeGuard.maximumMarkupLength) bytes",
                            in: base)
                    }
                    if ends {
                        state = .text
                        break
                    }
                }
            }
        }
        // A tag still open at the end of the chunk keeps its line; the offset means nothing in the next.
        if tagLine == nil { tagLine = line + Self.newlines(in: base, count: tagOffset) }
        line += Self.newlines(in: base, count: end)
    }

    /// The index of the next `<` after the tag opened at `open`, when that is near enough to
    /// prove the tag harmless without the state machine; `nil` when the tag needs the full scan
    /// (markup, or a long stretch before the next `<`).
    ///
    /// An attribute value cannot hold a `<`, so a start tag always ends before the next `<`; fewer
    /// than `plainTagLength` bytes cannot hold an overlong name or too many attributes. Nearly
    /// every tag of a statement is passed over this way, with a single search for `<`.
    @inline(__always)
    private static func nextTagAfterPlainTag(_ base: UnsafePointer<UInt8>, open: Int, end: Int) -> Int? {
        // In UTF-16 a zero byte sits between `<` and what follows it.
        var first = open + 1
        while first < end, first <= open + 2, base[first] == 0 { first += 1 }
        guard first < end, base[first] != UInt8(ascii: "!"), base[first] != UInt8(ascii: "?") else { return nil }
        let limit = min(end, open + plainTagLength)
        let next = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: base, from: first, to: limit)
        return next < limit ? next : nil
    }

    /// Below both bounds: a name of at most this length, and at most 204 attributes (each takes
    /// at least five bytes, ` a=""`).
    private static let plainTagLength = 1024

    /// Whether `byte` ends an element name: white space, `/`, `>`, or the start of an attribute
    /// value or assignment (which only malformed names contain; they end the name here so that
    /// the attribute count still sees them).
    @inline(__always)
    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
             UInt8(ascii: "="):
            true
        default:
            false
        }
    }

    private static func newlines(in base: UnsafePointer<UInt8>, count: Int) -> Int {
        ByteSearch.count(of: 0x0A, in: base, count: count)
    }

    /// The error for the tag or markup being scanned, on the line where it opened.
    private func failure(_ message: String, in base: UnsafePointer<UInt8>) -> StatementParseError {
        StatementParseError(line: tagLine ?? line + Self.newlines(in: base, count: tagOffset), message: message)
    }
}
