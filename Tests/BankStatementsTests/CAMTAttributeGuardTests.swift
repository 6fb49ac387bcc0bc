import ReconTestSupport
import Testing

@testable import BankStatements

/// The byte guard in front of libxml2 skips most tags with a single search for `<` and counts
/// lines only when it needs one; these tests hold it to a plain byte-by-byte reading of the same
/// rules, on random documents cut into random chunks.
@Suite("CAMT byte guard")
struct CAMTAttributeGuardTests {
    /// The rules read one byte at a time: what the guard must decide, and on which line.
    struct ReferenceGuard {
        enum State { case text, tagOpen, inTag, inDoubleQuote, inSingleQuote, markup, instruction }

        static func check(_ bytes: [UInt8]) -> (line: Int, message: String)? {
            var state = State.text
            var previous: (UInt8, UInt8) = (0, 0)
            var equalSigns = 0
            var nameLength: Int?
            var markupLength = 0
            var line = 1
            var tagLine = 1
            for byte in bytes {
                if byte == 0x0A { line += 1 }
                switch state {
                case .text:
                    if byte == UInt8(ascii: "<") {
                        state = .tagOpen
                        tagLine = line
                    }
                case .tagOpen:
                    if byte == 0 { continue }
                    if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                        state = byte == UInt8(ascii: "!") ? .markup : .instruction
                        previous = (0, 0)
                        markupLength = 0
                        continue
                    }
                    let folded = byte | 0x20
                    let isNameStart = (folded >= 97 && folded <= 122) || byte == UInt8(ascii: "_") || byte >= 0x80
                    state = isNameStart ? .inTag : .text
                    equalSigns = 0
                    nameLength = 1
                case .inTag:
                    if let length = nameLength {
                        if [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "\""),
                            UInt8(ascii: "'"), UInt8(ascii: "=")].contains(byte) {
                            nameLength = nil
                        } else if byte != 0 {
                            if length >= CAMTAttributeGuard.maximumNameLength {
                                return (tagLine, "an element name is longer than 1024 bytes")
                            }
                            nameLength = length + 1
                            continue
                        } else {
                            continue
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
                            return (tagLine, "an element has more than 256 attributes")
                        }
                    }
                case .inDoubleQuote:
                    if byte == UInt8(ascii: "\"") { state = .inTag }
                case .inSingleQuote:
                    if byte == UInt8(ascii: "'") { state = .inTag }
                case .markup, .instruction:
                    if byte == 0 { continue }
                    let ends = state == .instruction
                        ? byte == UInt8(ascii: ">") && previous.1 == UInt8(ascii: "?")
                        : byte == UInt8(ascii: ">") && previous.0 == previous.1
                            && (previous.1 == UInt8(ascii: "-") || previous.1 == UInt8(ascii: "]"))
                    previous = (previous.1, byte)
                    markupLength += 1
                    if markupLength > CAMTAttributeGuard.maximumMarkupLength {
                        return (tagLine, "a comment, CDATA section or processing instruction is longer than 1048576 bytes")
                    }
                    if ends { state = .text }
                }
            }
            return nil
        }
    }

    /// A random document of the pieces that matter to the guard, now and then over a limit.
    static func document(_ random: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = []
        func text(_ count: Int, _ random: inout SplitMix64) {
            let alphabet = Array("ab =>\"'\n\t1".utf8)
            for _ in 0..<count { bytes.append(alphabet[random.next(upTo: alphabet.count)]) }
        }
        for _ in 0..<(1 + random.next(upTo: 40)) {
            switch random.next(upTo: 9) {
            case 0, 1, 2:
                bytes += Array("<Nm>".utf8)
                text(random.next(upTo: 3) == 0 ? random.next(upTo: 3_000) : random.next(upTo: 30), &random)
                bytes += Array("</Nm>\n".utf8)
            case 3:
                // A start tag with attributes, some with `>` and `=` inside their values.
                let count = random.next(upTo: 4) == 0 ? 250 + random.next(upTo: 12) : random.next(upTo: 5)
                bytes += Array("<Amt".utf8)
                for index in 0..<count {
                    let value = random.next(upTo: 5) == 0 ? "a>b=c" : "\(index)"
                    bytes += Array((random.next(upTo: 2) == 0 ? " a\(index)=\"\(value)\"" : "\na\(index)='\(value)'").utf8)
                }
                bytes += Array(">1</Amt>".utf8)
            case 4:
                let length = random.next(upTo: 3) == 0 ? 1_000 + random.next(upTo: 40) : random.next(upTo: 20)
                bytes += Array(("<" + String(repeating: "N", count: length) + "/>").utf8)
            case 5:
                bytes += Array("<!-- ".utf8)
                text(random.next(upTo: 200), &random)
                bytes += Array(" -->".utf8)
            case 6:
                bytes += Array("<![CDATA[<a ==>".utf8)
                text(random.next(upTo: 50), &random)
                bytes += Array("]]>".utf8)
            case 7:
                bytes += Array("<?pi x=\"y\" ?>".utf8)
            default:
                text(random.next(upTo: 2_000), &random)
            }
        }
        return bytes
    }

    static func guardResult(_ bytes: [UInt8], cuts: [Int]) -> (line: Int, message: String)? {
        var guardUnderTest = CAMTAttributeGuard()
        var start = 0
        for end in cuts + [bytes.count] where end >= start {
            do throws(StatementParseError) {
                try bytes[start..<end].withUnsafeBufferPointer { (piece) throws(StatementParseError) in
                    try guardUnderTest.scan(piece)
                }
            } catch {
                return (error.line ?? 0, error.message)
            }
            start = end
        }
        return nil
    }

    @Test("decides like the byte-by-byte rules, on the same line, however the input is cut", arguments: 0..<4)
    func matchesReference(block: Int) {
        var random = SplitMix64(seed: 0xC0FFEE + UInt64(block))
        var refused = 0
        for _ in 0..<150 {
            var bytes = Self.document(&random)
            // UTF-16 in either byte order: the same text with a zero byte beside each.
            switch random.next(upTo: 4) {
            case 0: bytes = bytes.flatMap { byte -> [UInt8] in [byte, 0] }
            case 1: bytes = bytes.flatMap { byte -> [UInt8] in [0, byte] }
            default: break
            }
            let expected = ReferenceGuard.check(bytes)
            if expected != nil { refused += 1 }
            var cuts: [Int] = []
            var position = 0
            while true {
                position += 1 + random.next(upTo: random.next(upTo: 2) == 0 ? 9 : 5_000)
                if position >= bytes.count { break }
                cuts.append(position)
            }
            for pieces in [[], cuts] {
                let actual = Self.guardResult(bytes, cuts: pieces)
                #expect(actual?.line == expected?.line && actual?.message == expected?.message,
                        "cut at \(pieces.count) places: \(String(describing: actual)) vs \(String(describing: expected))")
            }
        }
        // The documents must exercise both outcomes, or the comparison proves little.
        #expect(refused > 10 && refused < 140, "\(refused) of 150 refused")
    }

    @Test("a UTF-16 comment over the limit is refused even when it is full of '<'", arguments: [false, true])
    func longUTF16Comment(bigEndian: Bool) throws {
        var text = Array("<a>\n<!-- ".utf8)
        let filler = Array(String(repeating: "x", count: 499).utf8) + [UInt8(ascii: "<")]
        while text.count < CAMTAttributeGuard.maximumMarkupLength + 1_000 { text += filler }
        let bytes: [UInt8] = text.flatMap { byte -> [UInt8] in bigEndian ? [0, byte] : [byte, 0] }
        let result = try #require(Self.guardResult(bytes, cuts: [7, 65_536, 131_072]))
        #expect(result.line == 2)
        #expect(result.message.hasPrefix("a comment, CDATA section or processing instruction is longer than"))
    }

    @Test("a comment over the limit is refused on the line it opened")
    func longComment() throws {
        var bytes = Array("<a>\n\n<!-- ".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: CAMTAttributeGuard.maximumMarkupLength + 10)
        let result = try #require(Self.guardResult(bytes, cuts: [5, 4_000, 70_000]))
        #expect(result.line == 3)
        #expect(result.message.hasPrefix("a comment, CDATA section or processing instruction is longer than"))
    }
}

@Suite("Byte search")
struct ByteSearchTests {
    @Test("finds the first byte and counts bytes like a plain loop", arguments: 0..<3)
    func matchesPlainLoop(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &* 7919)
        for _ in 0..<300 {
            let count = random.next(upTo: 70)
            // Few distinct values, so matches, misses and runs of equal bytes all occur.
            let values: [UInt8] = [0, 0x0A, 0x3C, 0x3E, 0x80, 0xFF, 0x3B, 0x0B]
            let bytes = (0..<count).map { _ in values[random.next(upTo: values.count)] }
            let start = count == 0 ? 0 : random.next(upTo: count + 1)
            bytes.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
                for target in values {
                    let expected = bytes[start...].firstIndex(of: target) ?? count
                    #expect(ByteSearch.firstIndex(of: target, in: base, from: start, to: count) == expected)
                    #expect(ByteSearch.count(of: target, in: base, count: count) == bytes.filter { $0 == target }.count)
                }
            }
        }
    }
}
