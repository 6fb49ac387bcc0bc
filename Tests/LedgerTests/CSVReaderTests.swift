import Testing
@testable import Ledger

@Suite struct CSVReaderTests {
    private func records(_ text: String) throws(CSVError) -> [CSVRecord] {
        try records(Array(text.utf8))
    }

    private func records(_ bytes: [UInt8]) throws(CSVError) -> [CSVRecord] {
        var reader = CSVReader(bytes: bytes)
        var result: [CSVRecord] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    @Test func quotedFieldsWithCommasNewlinesAndDoubledQuotes() throws {
        let text = "a,b,c\n\"Muster, GmbH\",\"line1\nline2\",\"say \"\"hi\"\"\"\nx,,z\n"
        let result = try records(text)
        #expect(result.map(\.fields) == [["a", "b", "c"], ["Muster, GmbH", "line1\nline2", "say \"hi\""], ["x", "", "z"]])
        #expect(result.map(\.line) == [1, 2, 4])
    }

    @Test(arguments: ["a,b\r\n1,2\r\n", "a,b\n1,2\n", "a,b\n1,2", "\u{FEFF}a,b\r\n1,2", "a,b\n\n1,2\n\n"])
    func lineEndsBOMAndBlankLines(text: String) throws {
        #expect(try records(text).map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func emptyQuotedFieldIsAFieldNotABlankLine() throws {
        #expect(try records("a\n\"\"\n").map(\.fields) == [["a"], [""]])
    }

    @Test(arguments: [
        ("a,b\n\"open,2\n", 2, "never closed"),
        ("a,b\n\"x\"y,2\n", 2, "after a closing quote"),
        ("a,b\nx\"y,2\n", 2, "quote inside an unquoted field"),
    ])
    func syntaxErrorsCarryTheLine(text: String, line: Int, message: String) {
        #expect {
            _ = try records(text)
        } throws: { error in
            guard let error = error as? CSVError else { return false }
            return error.line == line && error.message.contains(message)
        }
    }

    @Test func invalidUTF8IsAnErrorWithItsLine() {
        let bytes = Array("a,b\n1,2\n3,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(throws: CSVError(line: 3, message: "invalid UTF-8")) { _ = try records(bytes) }
    }

    @Test func fieldSizeIsBounded() {
        var reader = CSVReader(bytes: Array(("a\n" + String(repeating: "x", count: 100)).utf8),
                               limits: CSVLimits(maximumFieldBytes: 50))
        #expect(throws: CSVError.self) { while try reader.next() != nil {} }
    }
}
