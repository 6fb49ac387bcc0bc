@testable import BankStatements

/// Builds small CAMT documents for the tests and parses them.
enum CAMTFixture {
    /// A document of `message` (`053`…) in `version` whose statements are `statements`.
    static func document(
        message: String = "053", version: String = "001.02", namespace: String? = nil, statements: [String]
    ) -> String {
        let ns = namespace ?? "urn:iso:std:iso:20022:tech:xsd:camt.\(message).\(version)"
        let (root, statement) = names(message)
        let body = statements.map { "<\(statement)>\($0)</\(statement)>" }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="\(ns)">
          <\(root)>
            <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2024-03-01T08:00:00+01:00</CreDtTm></GrpHdr>
            \(body)
          </\(root)>
        </Document>
        """
    }

    static func names(_ message: String) -> (root: String, statement: String) {
        switch message {
        case "052": return ("BkToCstmrAcctRpt", "Rpt")
        case "054": return ("BkToCstmrDbtCdtNtfctn", "Ntfctn")
        default: return ("BkToCstmrStmt", "Stmt")
        }
    }

    /// An account block in `currency`.
    static func account(_ currency: String = "EUR", iban: String = "DE89 3704 0044 0532 0130 00") -> String {
        "<Acct><Id><IBAN>\(iban)</IBAN></Id><Ccy>\(currency)</Ccy></Acct>"
    }

    static func balance(_ code: String, _ amount: String, _ currency: String = "EUR", _ direction: String = "CRDT",
                        date: String = "2024-03-01") -> String {
        """
        <Bal><Tp><CdOrPrtry><Cd>\(code)</Cd></CdOrPrtry></Tp><Amt Ccy="\(currency)">\(amount)</Amt>
        <CdtDbtInd>\(direction)</CdtDbtInd><Dt><Dt>\(date)</Dt></Dt></Bal>
        """
    }

    static func entry(_ amount: String, _ direction: String, currency: String = "EUR", status: String = "<Sts>BOOK</Sts>",
                      extra: String = "", details: String = "") -> String {
        """
        <Ntry><Amt Ccy="\(currency)">\(amount)</Amt><CdtDbtInd>\(direction)</CdtDbtInd>\(status)
        <BookgDt><Dt>2024-03-01</Dt></BookgDt><ValDt><Dt>2024-03-02</Dt></ValDt>\(extra)
        \(details.isEmpty ? "" : "<NtryDtls>\(details)</NtryDtls>")</Ntry>
        """
    }

    static func parse(_ xml: String, options: ParseOptions = ParseOptions()) throws -> [Statement] {
        try parse(bytes: Array(xml.utf8), options: options)
    }

    static func parse(bytes: [UInt8], options: ParseOptions = ParseOptions()) throws -> [Statement] {
        var collector = StatementCollector()
        var input = MemoryInput(bytes)
        try CAMTParser(options: options).parse(&input) { collector.handle($0) }
        return collector.statements
    }

    /// The parse error for `xml`, or `nil` when it parses.
    static func error(_ xml: String, options: ParseOptions = ParseOptions()) -> StatementParseError? {
        error(bytes: Array(xml.utf8), options: options)
    }

    static func error(bytes: [UInt8], options: ParseOptions = ParseOptions()) -> StatementParseError? {
        do {
            _ = try parse(bytes: bytes, options: options)
            return nil
        } catch let error as StatementParseError {
            return error
        } catch {
            return StatementParseError(message: "unexpected error type: \(error)")
        }
    }
}
