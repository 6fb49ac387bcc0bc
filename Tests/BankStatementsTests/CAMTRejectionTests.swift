import Foundation
import Testing
@testable import BankStatements

@Suite("CAMT parser: malformed and hostile input")
struct CAMTRejectionTests {
    private typealias F = CAMTFixture

    private static let valid = F.document(statements: ["<Id>V</Id>\(F.account())\(F.entry("1.00", "CRDT"))"])

    @Test("a truncated document is an error with a line, after the entries already read")
    func truncated() throws {
        let end = try #require(Self.valid.range(of: "</Stmt>"))
        let cut = String(Self.valid[..<end.lowerBound])
        var entries = 0
        var input = MemoryInput(cut)
        #expect(throws: StatementParseError.self) {
            try CAMTParser().parse(&input) { if case .entry = $0 { entries += 1 } }
        }
        let error = try #require(F.error(cut))
        #expect(error.line != nil)
        #expect(error.message.hasPrefix("malformed XML"))
        #expect(entries == 1)
    }

    @Test("malformed XML names the line", arguments: [
        ("<Document>\n<BkToCstmrStmt>\n<Stmt></Stmts>", 3),
        ("<Document>\n\n<a b=c/>", 3),
    ])
    func malformed(xml: String, line: Int) throws {
        let error = try #require(F.error(xml))
        #expect(error.line == line)
        #expect(error.message.hasPrefix("malformed XML"))
    }

    @Test("XML that is not a CAMT message is refused", arguments: [
        "<?xml version=\"1.0\"?><Invoice><Amt>1</Amt></Invoice>",
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn/></Document>",
    ])
    func wrongRoot(xml: String) throws {
        let error = try #require(F.error(xml))
        #expect(error.message.contains("not a CAMT statement"))
    }

    @Test("a namespace that is not CAMT is refused")
    func foreignNamespace() throws {
        let xml = F.document(namespace: "urn:weird-namespace", statements: ["<Id>W</Id>\(F.account())"])
        let error = try #require(F.error(xml))
        #expect(error.message.contains("unsupported namespace 'urn:weird-namespace'"))
        #expect(error.element == "Document/BkToCstmrStmt")
    }

    @Test("a message without statements is refused")
    func noStatements() throws {
        let error = try #require(F.error(F.document(statements: [])))
        #expect(error.message.contains("holds no Stmt"))
    }

    @Test("bad values name the element and line", arguments: [
        ("<Amt Ccy=\"EUR\">12..34</Amt>", "Ntry/Amt", "not a decimal amount"),
        ("<Amt Ccy=\"EURO\">1.00</Amt>", "Ntry/Amt", "not a currency code"),
        ("<Amt>1.00</Amt><CdtDbtInd>CREDIT</CdtDbtInd>", "Ntry/CdtDbtInd", "not CRDT or DBIT"),
        ("<Amt Ccy=\"EUR\">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-02-30</Dt></BookgDt>", "Ntry/BookgDt/Dt", "not a date"),
        ("<Amt Ccy=\"EUR\">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>maybe</RvslInd>", "Ntry/RvslInd", "not true or false"),
    ])
    func badValues(entryBody: String, path: String, message: String) throws {
        let xml = F.document(statements: ["<Id>B</Id>\(F.account())\n\n<Ntry>\(entryBody)</Ntry>"])
        let error = try #require(F.error(xml))
        #expect(error.element == "Document/BkToCstmrStmt/Stmt/\(path)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.line == 7)
    }

    @Test("missing required elements are named with their path", arguments: [
        ("\(F.account())<Ntry><CdtDbtInd>CRDT</CdtDbtInd></Ntry>", "Document/BkToCstmrStmt/Stmt/Ntry", "missing Amt"),
        ("\(F.account())<Ntry><Amt Ccy=\"EUR\">1</Amt></Ntry>", "Document/BkToCstmrStmt/Stmt/Ntry", "missing CdtDbtInd"),
        ("\(F.account())<Bal><Amt Ccy=\"EUR\">1</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>", "Document/BkToCstmrStmt/Stmt/Bal", "missing Tp"),
        ("\(F.account())<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><CdtDbtInd>CRDT</CdtDbtInd></Bal>", "Document/BkToCstmrStmt/Stmt/Bal", "missing Amt"),
        (F.entry("1.00", "CRDT"), "Document/BkToCstmrStmt/Stmt", "missing Acct"),
    ])
    func missingElements(body: String, path: String, message: String) throws {
        let error = try #require(F.error(F.document(statements: ["<Id>M</Id>\(body)"])))
        #expect(error.element == path)
        #expect(error.message == message)
        #expect(error.line != nil)
    }

    @Test("any DOCTYPE is refused, including billion laughs")
    func doctype() throws {
        let plain = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document>\n" + Self.valid.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "")
        let error = try #require(F.error(plain))
        #expect(error.message.contains("DOCTYPE"))
        #expect(error.line == 2)

        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        var previous = "lol"
        for level in 1...9 {
            let name = "lol\(level)"
            laughs += "<!ENTITY \(name) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
            previous = name
        }
        laughs += "]>\n<Document><BkToCstmrStmt><Stmt><Id>&\(previous);</Id></Stmt></BkToCstmrStmt></Document>"
        let laughError = try #require(F.error(laughs))
        #expect(laughError.message.contains("DOCTYPE"))
    }

    @Test("an external entity is refused and its file never reaches the output")
    func externalEntity() throws {
        let secret = "SECRET-\(UInt64.random(in: 0...UInt64.max))"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("camt-xxe-\(secret).txt")
        try secret.write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE Document [<!ENTITY xxe SYSTEM "\(path.absoluteString)">]>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&xxe;</Id>
        \(F.account())\(F.entry("1.00", "CRDT", details: "<TxDtls><RltdPties><Dbtr><Nm>&xxe;</Nm></Dbtr></RltdPties></TxDtls>"))
        </Stmt></BkToCstmrStmt></Document>
        """
        var events: [StatementEvent] = []
        var input = MemoryInput(xml)
        var caught: StatementParseError?
        do {
            try CAMTParser().parse(&input) { events.append($0) }
        } catch let error as StatementParseError {
            caught = error
        }
        #expect(caught?.message.contains("DOCTYPE") == true)
        #expect(events.isEmpty)
        #expect(!"\(events)".contains(secret))
        #expect(caught.map { !"\($0)".contains(secret) } ?? true)
    }

    @Test("entity references without a DTD are refused")
    func undeclaredEntity() throws {
        let xml = F.document(statements: ["<Id>&foo;</Id>\(F.account())"])
        #expect(F.error(xml) != nil)
    }

    @Test("nesting deeper than the limit is refused")
    func tooDeep() throws {
        let depth = 100_000
        let xml = "<Document><BkToCstmrStmt>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
            + "</BkToCstmrStmt></Document>"
        let error = try #require(F.error(xml))
        #expect(error.message.contains("nested deeper than 64"))
        var limits = ParseLimits()
        // The fixture's deepest elements (Stmt/Ntry/BookgDt/Dt) are on level 6.
        limits.maximumDepth = 6
        #expect(F.error(Self.valid, options: ParseOptions(limits: limits)) == nil)
        limits.maximumDepth = 5
        let shallow = try #require(F.error(Self.valid, options: ParseOptions(limits: limits)))
        #expect(shallow.message.contains("nested deeper than 5"))
    }

    @Test("text longer than the limit is refused")
    func tooLong() throws {
        var limits = ParseLimits()
        limits.maximumTextLength = 100
        let xml = F.document(statements: ["<Id>\(String(repeating: "x", count: 101))</Id>\(F.account())"])
        let error = try #require(F.error(xml, options: ParseOptions(limits: limits)))
        #expect(error.message.contains("longer than 100 bytes"))
        #expect(error.element == "Document/BkToCstmrStmt/Stmt/Id")
        #expect(F.error(xml) == nil)
    }

    @Test("too many transactions in one entry are refused")
    func tooManyTransactions() throws {
        var limits = ParseLimits()
        limits.maximumTransactionsPerEntry = 2
        let details = String(repeating: "<TxDtls><Amt Ccy=\"EUR\">1</Amt></TxDtls>", count: 3)
        let xml = F.document(statements: ["<Id>T</Id>\(F.account())\(F.entry("3", "CRDT", details: details))"])
        let error = try #require(F.error(xml, options: ParseOptions(limits: limits)))
        #expect(error.message.contains("more than 2 transactions"))
    }

    @Test("input that is not UTF-8 and declares nothing is refused", arguments: [
        [UInt8]("<Document><BkToCstmrStmt><Stmt><Id>".utf8) + [0xFC, 0xFF] + [UInt8]("</Id></Stmt></BkToCstmrStmt></Document>".utf8),
        [],
    ])
    func badBytes(bytes: [UInt8]) throws {
        let error = try #require(F.error(bytes: bytes))
        #expect(!error.message.isEmpty)
    }
}
