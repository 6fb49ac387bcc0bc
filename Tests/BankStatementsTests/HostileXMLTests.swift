import Foundation
import Testing
@testable import BankStatements

/// Hostile CAMT documents beyond `CAMTRejectionTests` (which covers DOCTYPE, billion laughs, a
/// file entity, undeclared entities, 100k-level nesting and the text/transaction limits on small
/// inputs): each must end in a clear error or a correct parse, in bounded memory and time.
@Suite("Hostile XML")
struct HostileXMLTests {
    private typealias F = CAMTFixture

    static let twoGigabytes = 2 * 1024 * 1024 * 1024
    static let namespace = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"

    /// Opening of a statement up to the point where the hostile part goes.
    static let statementHead = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="\(namespace)"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId></GrpHdr><Stmt><Id>S</Id>
        """

    @Test("a 2 GB text node in an element the parser keeps stops at the text limit, after reading little")
    func twoGigabyteTextKept() throws {
        let meter = ReadMeter()
        let peakBefore = PeakMemory.mebibytes
        let input = SyntheticInput(
            head: Self.statementHead + "<Acct><Id><IBAN>", filler: "A", fillCount: Self.twoGigabytes,
            tail: "</IBAN></Id></Acct></Stmt></BkToCstmrStmt></Document>", meter: meter)
        let (error, statements) = HostileParse.camt(input)
        let failure = try #require(error)
        #expect(failure.message == "text longer than 65536 bytes")
        #expect(failure.element == "Document/BkToCstmrStmt/Stmt/Acct/Id/IBAN")
        #expect(failure.line == 2)
        #expect(statements.isEmpty)
        // The parser gave up within a few chunks of the limit instead of reading 2 GB.
        #expect(meter.delivered < 1024 * 1024, "read \(meter.delivered) bytes")
        #expect(PeakMemory.mebibytes - peakBefore < 256)
    }

    @Test("128 MB of text in an element the parser does not keep streams through in flat memory")
    func hugeTextSkipped() throws {
        let meter = ReadMeter()
        let peakBefore = PeakMemory.mebibytes
        let size = 128 * 1024 * 1024
        let filler = String(repeating: "lorem ipsum dolor sit amet ", count: 2_000)
        let input = SyntheticInput(
            head: Self.statementHead + "<SplmtryData>", filler: filler, fillCount: size,
            tail: "</SplmtryData>\(F.account())\(F.entry("1.00", "CRDT"))</Stmt></BkToCstmrStmt></Document>",
            meter: meter, budget: size + 1024 * 1024)
        let clock = ContinuousClock()
        let start = clock.now
        let (error, statements) = HostileParse.camt(input)
        #expect(error == nil, "\(String(describing: error))")
        #expect(statements.first?.entries.first?.amount.minorUnits == 100)
        #expect(meter.delivered > size)
        #expect(clock.now - start < .seconds(60))
        #expect(PeakMemory.mebibytes - peakBefore < 256, "peak memory grew by \(PeakMemory.mebibytes - peakBefore) MiB")
    }

    @Test("a 2 GB text node in an element the parser keeps for the statement is refused early")
    func twoGigabyteTextIgnored() throws {
        let element = "AddtlStmtInf"
        let meter = ReadMeter()
        let peakBefore = PeakMemory.mebibytes
        let input = SyntheticInput(
            head: Self.statementHead + "<\(element)>", filler: "lorem ipsum ", fillCount: Self.twoGigabytes,
            tail: "</\(element)></Stmt></BkToCstmrStmt></Document>", meter: meter)
        let clock = ContinuousClock()
        let start = clock.now
        let (error, _) = HostileParse.camt(input)
        let failure = try #require(error)
        #expect(failure.message.contains("longer than"), "\(failure)")
        #expect(meter.delivered < 64 * 1024 * 1024, "read \(meter.delivered) bytes")
        #expect(clock.now - start < .seconds(30))
        #expect(PeakMemory.mebibytes - peakBefore < 256)
    }

    @Test("2 GB of hostile structure is cut short by libxml2's own limits", arguments: [
        // An attribute value, a comment and a processing instruction each have a 10 MB limit
        // without XML_PARSE_HUGE (which the parser never sets).
        ("<Amt Ccy=\"", "E", "\">1</Amt>"),
        ("<!--", "-x", "-->"),
        ("<?pi ", "x", "?>"),
        // An element name longer than libxml2's 50,000-byte name limit.
        ("<A", "b", "/>"),
    ])
    func twoGigabyteStructure(open: String, filler: String, close: String) throws {
        let meter = ReadMeter()
        let input = SyntheticInput(
            head: Self.statementHead + open, filler: filler, fillCount: Self.twoGigabytes,
            tail: close + "</Stmt></BkToCstmrStmt></Document>", meter: meter)
        let (error, _) = HostileParse.camt(input)
        let failure = try #require(error)
        #expect(failure.message.hasPrefix("malformed XML") || failure.message.contains("longer than"), "\(failure)")
        #expect(failure.line != nil)
        #expect(meter.delivered < 64 * 1024 * 1024, "read \(meter.delivered) bytes")
    }

    @Test("an external DTD, file and network entities and parameter entities are refused before anything is fetched", arguments: [
        "<!DOCTYPE Document SYSTEM \"http://127.0.0.1:9/camt.dtd\">",
        "<!DOCTYPE Document PUBLIC \"-//BANK//CAMT//EN\" \"file:///etc/passwd\">",
        "<!DOCTYPE Document [<!ENTITY net SYSTEM \"http://127.0.0.1:9/secret\">]>",
        "<!DOCTYPE Document [<!ENTITY % remote SYSTEM \"file:///etc/passwd\"> %remote;]>",
        "<!DOCTYPE Document [<!ENTITY a \"\(String(repeating: "x", count: 1000))\">]>",
    ])
    func externalDefinitions(doctype: String) throws {
        let body = F.document(statements: ["<Id>X</Id>\(F.account())\(F.entry("1.00", "CRDT"))"])
        let xml = body.replacingOccurrences(
            of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(doctype)\n")
        let (error, statements) = HostileParse.camt(xml)
        let failure = try #require(error)
        #expect(failure.message == "a DOCTYPE is not allowed in a bank statement (DTDs and entities are refused for safety)")
        #expect(failure.line == 2)
        #expect(statements.isEmpty)
    }

    @Test("an XInclude element is not processed: the included file never reaches the model")
    func xinclude() throws {
        let details = """
            <TxDtls><RmtInf><Ustrd>before<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>after</Ustrd></RmtInf></TxDtls>
            """
        let xml = F.document(statements: ["<Id>X</Id>\(F.account())\(F.entry("1.00", "CRDT", details: details))"])
        let (error, statements) = HostileParse.camt(xml)
        #expect(error == nil)
        let transaction = try #require(statements.first?.entries.first?.transactions.first)
        // Mixed content is not a CAMT shape: the text around the element may be dropped, but
        // nothing from the file it names may appear.
        let text = transaction.remittance.unstructuredLines.joined()
        #expect(!text.contains("root:"))
        #expect(!"\(statements)".contains("/bin/"))
    }

    /// An entry whose `Amt` carries `count` extra attributes.
    static func entryWithAttributes(_ count: Int) -> String {
        let attributes = (0..<count).map { " a\($0)=\"\($0)\"" }.joined()
        let entry = "<Ntry><Amt Ccy=\"EUR\"\(attributes)>1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>"
        return F.document(statements: ["<Id>X</Id>\(F.account())\n\(entry)"])
    }

    @Test("100,000 attributes on one element are refused at once (libxml2 2.9.14 would spend minutes on them)")
    func manyAttributes() throws {
        let xml = Self.entryWithAttributes(100_000)
        let clock = ContinuousClock()
        let start = clock.now
        let (error, statements) = HostileParse.camt(xml)
        #expect(clock.now - start < .seconds(5))
        let failure = try #require(error)
        #expect(failure.message == "an element has more than 256 attributes")
        #expect(failure.line == 6)
        #expect(statements.isEmpty)

        // The same in UTF-16.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in xml.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"").utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let (utf16Error, _) = HostileParse.camt(bytes: utf16)
        #expect(utf16Error?.message == "an element has more than 256 attributes")
    }

    @Test("attributes up to the limit, and '=' in values, text, comments and CDATA, are not refused")
    func attributesWithinLimit() throws {
        let (error, statements) = HostileParse.camt(Self.entryWithAttributes(250))
        #expect(error == nil, "\(String(describing: error))")
        #expect(statements.first?.entries.first?.amount.minorUnits == 100)

        let equals = String(repeating: "=", count: 5_000)
        let details = "<TxDtls><RmtInf><Ustrd>\(equals)</Ustrd><Ustrd><![CDATA[<a \(equals)>]]></Ustrd></RmtInf></TxDtls>"
        let xml = F.document(statements: [
            "<Id>X</Id><!-- <b \(equals)> -->\(F.account())\(F.entry("1.00", "CRDT", extra: "<AddtlNtryInf a=\"\(equals)\">x</AddtlNtryInf>", details: details))",
        ])
        let (equalsError, parsed) = HostileParse.camt(xml)
        #expect(equalsError == nil, "\(String(describing: equalsError))")
        #expect(parsed.first?.entries.first?.transactions.first?.remittance.unstructuredLines.first == equals)
    }

    @Test("invalid UTF-8 in the middle of a UTF-8 document is an error on its line")
    func invalidUTF8Inside() throws {
        let xml = F.document(statements: ["<Id>X</Id>\(F.account())\n<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><AddtlNtryInf>@@</AddtlNtryInf></Ntry>"])
        var bytes = Array(xml.utf8)
        let marker = try #require(bytes.firstRange(of: Array("@@".utf8)))
        // A lone continuation byte, then an overlong encoding of '/'.
        bytes.replaceSubrange(marker, with: [0x80, 0xC0, 0xAF])
        let (error, _) = HostileParse.camt(bytes: bytes)
        let failure = try #require(error)
        #expect(failure.message.hasPrefix("malformed XML"), "\(failure)")
        #expect(failure.message.contains("UTF-8"), "\(failure)")
        #expect(failure.line == 6)
    }

    /// The same small statement in another encoding.
    static func encoded(_ encoding: String, bom: [UInt8], bigEndian: Bool?) -> [UInt8] {
        let xml = F.document(statements: ["<Id>E</Id>\(F.account())\(F.entry("12.34", "CRDT", details: "<TxDtls><RltdPties><Dbtr><Nm>Zoë Ærø</Nm></Dbtr></RltdPties></TxDtls>"))"])
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"\(encoding)\"")
        guard let bigEndian else { return bom + Array(xml.utf8) }
        var bytes = bom
        for unit in xml.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return bytes
    }

    @Test("byte-order marks and UTF-16 in either byte order reach the model as the same text", arguments: [
        ("UTF-8 with BOM", encoded("UTF-8", bom: [0xEF, 0xBB, 0xBF], bigEndian: nil)),
        ("UTF-16 big-endian with BOM", encoded("UTF-16", bom: [0xFE, 0xFF], bigEndian: true)),
        ("UTF-16 little-endian without BOM", encoded("UTF-16", bom: [], bigEndian: false)),
        ("UTF-16 big-endian without BOM", encoded("UTF-16", bom: [], bigEndian: true)),
    ])
    func encodings(name: String, bytes: [UInt8]) throws {
        let (error, statements) = HostileParse.camt(bytes: bytes)
        #expect(error == nil, "\(name): \(String(describing: error))")
        let entry = try #require(statements.first?.entries.first)
        #expect(entry.amount.minorUnits == 1234)
        #expect(entry.transactions.first?.debtor?.name == "Zoë Ærø")
        // The format detector sends all of them to the CAMT parser.
        #expect(FormatDetector.detect(Array(bytes.prefix(4096))) == .camt)
    }

    @Test("a BOM that contradicts the declared encoding is a clear error or the BOM's encoding wins", arguments: [
        ("UTF-8 BOM, declared UTF-16", encoded("UTF-16", bom: [0xEF, 0xBB, 0xBF], bigEndian: nil)),
        ("UTF-16LE BOM, declared UTF-8", encoded("UTF-8", bom: [0xFF, 0xFE], bigEndian: false)),
    ])
    func contradictoryBOM(name: String, bytes: [UInt8]) throws {
        let (error, statements) = HostileParse.camt(bytes: bytes)
        if let error {
            #expect(error.message.hasPrefix("malformed XML"), "\(name): \(error)")
        } else {
            #expect(statements.first?.entries.first?.transactions.first?.debtor?.name == "Zoë Ærø", "\(name)")
        }
    }

    @Test("a UTF-32 or EBCDIC document is refused with a clear error")
    func unsupportedEncodings() throws {
        var utf32: [UInt8] = [0xFF, 0xFE, 0x00, 0x00]
        for scalar in "<Document/>".unicodeScalars {
            let value = scalar.value
            utf32 += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), 0, 0]
        }
        let (error, _) = HostileParse.camt(bytes: utf32)
        let failure = try #require(error)
        #expect(!failure.message.isEmpty)

        let ebcdic: [UInt8] = [0x4C, 0x6F, 0xA7, 0x94] + Array(repeating: 0x40, count: 100)
        let (ebcdicError, _) = HostileParse.camt(bytes: ebcdic)
        #expect(ebcdicError != nil)
    }

    @Test("a namespace that lies about the message: the root element decides, the namespace gives the version")
    func lyingMessageNamespace() throws {
        // camt.052 in the namespace, but a camt.053 statement inside.
        let xml = F.document(namespace: "urn:iso:std:iso:20022:tech:xsd:camt.052.001.02",
                             statements: ["<Id>L</Id>\(F.account())\(F.entry("1.00", "CRDT"))"])
        let (error, statements) = HostileParse.camt(xml)
        #expect(error == nil)
        let statement = try #require(statements.first)
        #expect(statement.header.format == .camt(message: "053", version: "001.02"))
        #expect(statement.entries.count == 1)
    }

    @Test("a namespace that lies about the version: elements of any version are still read by name")
    func lyingVersionNamespace() throws {
        // Version 02 in the namespace, version 08 forms (Sts/Cd, Pty/Nm) in the body.
        let details = "<TxDtls><RltdPties><Dbtr><Pty><Nm>Newer Form</Nm></Pty></Dbtr></RltdPties></TxDtls>"
        let xml = F.document(version: "001.02", statements: [
            "<Id>L</Id>\(F.account())\(F.entry("2.50", "DBIT", status: "<Sts><Cd>BOOK</Cd></Sts>", details: details))",
        ])
        let (error, statements) = HostileParse.camt(xml)
        #expect(error == nil)
        let entry = try #require(statements.first?.entries.first)
        #expect(entry.status == .booked)
        #expect(entry.signedMinorUnits == -250)
        #expect(entry.transactions.first?.debtor?.name == "Newer Form")
    }

    @Test("a namespace naming a version that does not exist is read by element name and keeps the version it claims")
    func unknownVersionNamespace() throws {
        let xml = F.document(version: "001.99", statements: ["<Id>L</Id>\(F.account())\(F.entry("1.00", "CRDT"))"])
        let (error, statements) = HostileParse.camt(xml)
        #expect(error == nil)
        #expect(statements.first?.header.format == .camt(message: "053", version: "001.99"))
    }

    @Test("a namespace that is almost CAMT but has no version is refused or read as version 'unknown'")
    func unversionedCAMTNamespace() throws {
        let xml = F.document(namespace: "urn:iso:std:iso:20022:tech:xsd:camt.053", statements: ["<Id>L</Id>\(F.account())"])
        let (error, statements) = HostileParse.camt(xml)
        #expect(error == nil)
        #expect(statements.first?.header.format == .camt(message: "053", version: "unknown"))
    }
}
