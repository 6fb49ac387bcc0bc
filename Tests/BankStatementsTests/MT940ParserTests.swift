import Testing
@testable import BankStatements

/// Small hand-written MT940 inputs; expected values are read off the input by hand.
@Suite("MT940 parser")
struct MT940ParserTests {
    static func statements(_ text: String) throws -> [Statement] {
        try statements(bytes: Array(text.utf8))
    }

    static func statements(bytes: [UInt8], options: ParseOptions = ParseOptions()) throws -> [Statement] {
        var collector = StatementCollector()
        var input = MemoryInput(bytes)
        try MT940Parser(options: options).parse(&input) { collector.handle($0) }
        return collector.statements
    }

    /// One statement around `body` (its `:61:`/`:86:` lines) with balances that add up to `closing`.
    static func wrap(_ body: String, opening: String = "C230101EUR100,00", closing: String = "C230101EUR100,00") -> String {
        ":20:REF\n:25:NL91ABNA0417164300EUR\n:28C:1/1\n:60F:\(opening)\n\(body)\n:62F:\(closing)\n-\n"
    }

    static func entry(_ body: String, opening: String = "C230101EUR100,00", closing: String = "C230101EUR100,00") throws -> Entry {
        let statements = try statements(wrap(body, opening: opening, closing: closing))
        return try #require(statements.first?.entries.first)
    }

    @Test func envelopeSeveralStatementsCRLF() throws {
        let text = "{1:F01INGBNL2AXXXX0000000000}{2:O940INGBNL2AXXXXN}{3:}{4:\r\n:20:A\r\n:25:NL91ABNA0417164300\r\n:28C:1\r\n:60F:C230101EUR10,\r\n:61:2301020102D2,50NTRFNONREF//B1\r\n:86:text\r\n:62F:C230102EUR7,50\r\n-}{5:}\r\n{1:F01}{2:O940}{4:\r\n:20:B\r\n:25:NL91ABNA0417164300\r\n:28C:2\r\n:60F:C230102EUR7,50  \r\n:62F:C230102EUR7,50\r\n-}\r\n"
        let statements = try Self.statements(text)
        #expect(statements.count == 2)
        #expect(statements[0].entries.count == 1)
        #expect(statements[0].verification.ok)
        #expect(statements[0].entries[0].accountServicerReference == "B1")
        #expect(statements[0].entries[0].bookingDate == CalendarDate(year: 2023, month: 1, day: 2))
        #expect(statements[1].header.sequenceNumber == "2")
        #expect(statements[0].format == .mt940)
    }

    @Test("the :61: debit/credit marks", arguments: [
        ("C", CreditDebit.credit, false, EntryStatus.booked),
        ("D", .debit, false, .booked),
        ("RC", .debit, true, .booked),
        ("RD", .credit, true, .booked),
        ("CR", .credit, false, .booked),
        ("DR", .debit, false, .booked),
        ("EC", .credit, false, .pending),
        ("ED", .debit, false, .pending),
    ])
    func marks(mark: String, direction: CreditDebit, reversal: Bool, status: EntryStatus) throws {
        let entry = try Self.entry(":61:230101\(mark)5,00NTRFNONREF", closing: "C230101EUR\(direction == .credit || status != .booked ? (status != .booked ? "100" : "105") : "95"),00")
        #expect(entry.creditDebit == direction)
        #expect(entry.reversal == reversal)
        #expect(entry.status == status)
        #expect(entry.amount.minorUnits == 500)
        #expect(entry.fundsCode == (mark.hasSuffix("R") && mark.count == 2 ? "R" : nil))
    }

    @Test func yearRollOverPicksNearestEntryDate() throws {
        let late = try Self.entry(":61:2312310102C1,NTRFNONREF", closing: "C230101EUR101,00")
        #expect(late.bookingDate == CalendarDate(year: 2024, month: 1, day: 2))
        let early = try Self.entry(":61:2401021230C1,NTRFNONREF", closing: "C230101EUR101,00")
        #expect(early.bookingDate == CalendarDate(year: 2023, month: 12, day: 30))
        let none = try Self.entry(":61:240102C1,NTRFNONREF", closing: "C230101EUR101,00")
        #expect(none.bookingDate == nil)
        #expect(none.valueDate == CalendarDate(year: 2024, month: 1, day: 2))
    }

    @Test("amount forms", arguments: [("80,", Int64(8000)), (",32", 32), ("0000001,5", 150), ("12.34", 1234)])
    func amounts(text: String, minor: Int64) throws {
        let statements = try Self.statements(Self.wrap(":61:230101D\(text)NTRFNONREF"))
        #expect(statements[0].entries[0].amount.minorUnits == minor)
    }

    @Test func yenHasNoDecimals() throws {
        let statements = try Self.statements(":20:J\n:25:123\n:28C:1\n:60F:C230101JPY15459988,\n:61:230101C12,NMSCNONREF\n:62F:C230101JPY15460000,\n")
        #expect(statements[0].entries[0].amount == Money(minorUnits: 12, currency: Currency(code: "JPY", exponent: 0)))
        #expect(statements[0].verification.ok)
    }

    @Test func referencesAndSupplementaryLine() throws {
        let entry = try Self.entry(":61:230101D1,00NTRFMYREF//BANKREF\n/OCMT/EUR1,00/", closing: "C230101EUR99,00")
        #expect(entry.transactions[0].references.customerReference == "MYREF")
        #expect(entry.accountServicerReference == "BANKREF")
        #expect(entry.supplementaryDetails == "/OCMT/EUR1,00/")
        #expect(entry.bankTransactionCode?.proprietaryCode == "NTRF")
        let nonref = try Self.entry(":61:230101D1,00NTRFNONREF", closing: "C230101EUR99,00")
        #expect(nonref.transactions[0].references.customerReference == nil)
    }

    @Test func ingCodewords() throws {
        let entry = try Self.entry("""
            :61:230101C20,00NTRFNONREF//1
            :86:/EREF/E2E-1//CNTP/NL57ABNA0876543211/ABNANL2A/B Bert/Amsterdam//REMI/STRD/CUR/1234567890123456//MARF/M1//CSID/NL00ZZZ1//RTRN/MS03/
            """, closing: "C230101EUR120,00")
        let t = entry.transactions[0]
        #expect(t.references.endToEndId == "E2E-1")
        #expect(t.references.mandateId == "M1")
        #expect(t.references.creditorId == "NL00ZZZ1")
        #expect(t.counterparty?.iban == "NL57ABNA0876543211")
        #expect(t.counterparty?.bic == "ABNANL2A")
        #expect(t.counterparty?.name == "B Bert")
        #expect(t.debtor?.address == ["Amsterdam"])
        #expect(t.remittance.references == [.init(type: "SCOR", issuer: "CUR", reference: "1234567890123456")])
        #expect(t.returnInformation?.reasonCode == "MS03")
        #expect(entry.rawInformation?.hasPrefix("/EREF/E2E-1//CNTP/") == true)
    }

    @Test func ingWrappedMidWordAndUnstructuredRemittance() throws {
        let entry = try Self.entry(":61:230101D7,00NTRFNONREF\n:86:/CNTP/NL57ABNA0876543211/ABNANL2A/B Bert///REMI/USTD//22-08\n-2014 Schiphol parking/", closing: "C230101EUR93,00")
        #expect(entry.transactions[0].remittance.unstructuredLines == ["22-08-2014 Schiphol parking"])
        #expect(entry.transactions[0].creditor?.name == "B Bert")
    }

    @Test func rabobankPartiesDashInsideTextAndIBANOnSecondLine() throws {
        let entry = try Self.entry("""
            :61:230101C10,00N541EREF
            NL55RABO0444444444
            :86:/EREF/3434/ORDP//NAME/Delta Lloy
            d Zorg/REMI/kenmerk 1 -
            -
            """, closing: "C230101EUR110,00")
        let t = entry.transactions[0]
        #expect(t.debtor?.name == "Delta Lloyd Zorg")
        #expect(t.debtor?.iban == "NL55RABO0444444444")
        #expect(t.references.endToEndId == "3434")
        #expect(entry.rawInformation == "/EREF/3434/ORDP//NAME/Delta Lloy\nd Zorg/REMI/kenmerk 1 -\n-")
    }

    @Test func abnAmroSEPAAndFixedColumns() throws {
        let sepa = try Self.entry(":61:230101D10,N658NONREF\n:86:/TRTP/SEPA OVERBOEKING/IBAN/NL25ABNA0987654321/BIC/ABNANL2A/NAME/\nFOOBAR/REMI/SAVINGS/EREF/NOTPROVIDED", closing: "C230101EUR90,00")
        #expect(sepa.transactions[0].creditor?.iban == "NL25ABNA0987654321")
        #expect(sepa.transactions[0].creditor?.name == "FOOBAR")
        #expect(sepa.transactions[0].references.endToEndId == nil)
        #expect(sepa.transactions[0].remittance.unstructuredLines == ["SAVINGS"])
        let old = try Self.entry(":61:230101D10,N426NONREF\n:86:52.89.39.882                    MYCOM DEN HAAG", closing: "C230101EUR90,00")
        #expect(old.transactions[0].creditor?.otherAccount == "528939882")
        #expect(old.transactions[0].creditor?.name == "MYCOM DEN HAAG")
        let keyword = try Self.entry(":61:230101C4,N944NONREF\n:86:SEPA IDEAL                       IBAN: NL70ABNA0888888888\nBIC: ABNANL2A                    NAAM: NS GROEP\nOMSCHRIJVING: TICKET\nKENMERK: 26-01-2014 003000", closing: "C230101EUR104,00")
        #expect(keyword.transactions[0].debtor?.iban == "NL70ABNA0888888888")
        #expect(keyword.transactions[0].debtor?.name == "NS GROEP")
        #expect(keyword.transactions[0].references.endToEndId == "26-01-2014 003000")
    }

    @Test func abnAmroFixedColumnPaymentReference() throws {
        // Old ABN AMRO layout: two 32-character columns; the betalingskenmerk runs to the end of
        // its column, the next line's first column is other text.
        let entry = try Self.entry("""
            :61:230101D9,N192NONREF
            :86:GIRO   123456 ENERGIE BV         BETALINGSKENM.  000000012345678
            9876543210                       BETREFT FACTUUR D.D. 20-05-2011
            """, closing: "C230101EUR91,00")
        let transaction = try #require(entry.transactions.first)
        #expect(transaction.creditor?.otherAccount == "123456")
        #expect(transaction.creditor?.name == "ENERGIE BV")
        #expect(transaction.remittance.references == [.init(type: "SCOR", issuer: "CUR", reference: "000000012345678")])
        // The text itself stays as written.
        #expect(transaction.remittance.unstructuredLines.first == "GIRO   123456 ENERGIE BV         BETALINGSKENM.  000000012345678")
        // Rabobank's old text writes it alone, digits grouped by spaces.
        let rabo = try Self.entry(":61:230101D9,N060NONREF\n:86:BETALINGSKENM.  1234 5678 9012 3456", closing: "C230101EUR91,00")
        #expect(rabo.transactions.first?.remittance.references.first?.reference == "1234567890123456")
        // A text without one gets no reference.
        let plain = try Self.entry(":61:230101D9,N060NONREF\n:86:GIRO   123456 ENERGIE BV", closing: "C230101EUR91,00")
        #expect(plain.transactions.first?.remittance.references.isEmpty == true)
    }

    @Test("a lone CR ends a line like LF and CR LF", arguments: ["\r", "\n", "\r\n"])
    func lineEnds(_ end: String) throws {
        let text = [":20:MAC", ":25:NL91ABNA0417164300EUR", ":28C:1", ":60F:C230101EUR100,00",
                    ":61:2301020102D2,50NTRFNONREF//B1", ":86:/EREF/E2E1//REMI/USTD//first", "second line/",
                    ":62F:C230102EUR97,50", "-", ""].joined(separator: end)
        let statements = try Self.statements(text)
        let entry = try #require(statements.first?.entries.first)
        #expect(statements.count == 1)
        #expect(statements.first?.verification.ok == true)
        #expect(entry.sourceLine == 5)
        #expect(entry.transactions.first?.references.endToEndId == "E2E1")
        #expect(entry.rawInformation == "/EREF/E2E1//REMI/USTD//first\nsecond line/")
    }

    @Test func crAtAChunkBoundaryBeforeItsLineFeed() throws {
        // The reader takes 64 KiB at a time: a CR as the chunk's last byte must wait for the next
        // chunk (whose first byte is its LF) instead of ending a line on its own.
        let chunk = 64 * 1024
        var text = ":20:BIG\r\n:25:NL91ABNA0417164300EUR\r\n:28C:1\r\n:60F:C230101EUR100,00\r\n"
        let statementLine = ":61:2301020102D0,01NTRFREF//B\r\n"
        var entries = 0
        while text.utf8.count + 400 < chunk {
            text += statementLine + ":86:" + String(repeating: "x", count: 60) + "\r\n"
            entries += 1
        }
        // This :86: line's CR is byte chunk - 1.
        let padding = chunk - 1 - (text.utf8.count + statementLine.utf8.count + 4)
        text += statementLine + ":86:" + String(repeating: "y", count: padding) + "\r\n"
        entries += 1
        #expect(Array(text.utf8)[chunk - 1] == 0x0D)
        #expect(Array(text.utf8)[chunk] == 0x0A)
        for _ in 0..<10 {
            text += statementLine + ":86:z\r\n"
            entries += 1
        }
        let cents = 10_000 - entries  // each entry is a debit of 0,01
        text += ":62F:C230101EUR\(cents / 100),\(cents % 100 < 10 ? "0" : "")\(cents % 100)\r\n-\r\n"
        let statements = try Self.statements(text)
        let statement = try #require(statements.first)
        #expect(statement.entries.count == entries)
        #expect(statement.entries.last?.sourceLine == 4 + 2 * entries - 1)
        #expect(statement.entries.last?.rawInformation == "z")
        #expect(statement.verification.ok)
    }

    @Test func triodosKnabAndASN() throws {
        let triodos = try Self.entry(":61:230101C10,00NET NONREF\n:86:000>100000000000\n>20RABONL2U\n>21NL12RABO0888888888\n>22STORTING AANDELEN>310454545454", closing: "C230101EUR110,00")
        #expect(triodos.transactions[0].debtor?.iban == "NL12RABO0888888888")
        #expect(triodos.transactions[0].debtor?.bic == "RABONL2U")
        #expect(triodos.transactions[0].remittance.unstructuredLines == ["STORTING AANDELEN"])
        let knab = try Self.entry(":61:230101C10,NTRFNONREF\n:86:REK: NL26ABNA0999999999/NAAM: BEDRIJF VOF", closing: "C230101EUR110,00")
        #expect(knab.transactions[0].debtor?.iban == "NL26ABNA0999999999")
        #expect(knab.transactions[0].debtor?.name == "BEDRIJF VOF")
        let asn = try Self.entry(":61:2001010101D65,00NOVBNL47INGB9999999999\nhr gjlm paulissen\n:86:NL47INGB9999999999 hr gjlm paulissen\n\nBetaling sieraden", closing: "C230101EUR35,00")
        #expect(asn.transactions[0].creditor?.iban == "NL47INGB9999999999")
        #expect(asn.transactions[0].creditor?.name == "hr gjlm paulissen")
        #expect(asn.transactions[0].remittance.unstructuredLines.last == "Betaling sieraden")
    }

    @Test func germanSubfieldsWithSEPAKeywords() throws {
        let entry = try Self.entry("""
            :61:230101D5,00NDDTNONREF
            :86:105?00BASISLASTSCHRIFT?10931?20EREF+E2E?21MREF+M-7?22CRED+DE98ZZZ?23SVWZ+Beitrag Jan?3
            0GENODEF1XXX?31DE89370400440532013000?32Verein e.V.
            """, closing: "C230101EUR95,00")
        let t = entry.transactions[0]
        #expect(t.references.endToEndId == "E2E")
        #expect(t.references.mandateId == "M-7")
        #expect(t.references.creditorId == "DE98ZZZ")
        #expect(t.remittance.unstructuredLines == ["Beitrag Jan"])
        #expect(t.creditor?.bic == "GENODEF1XXX")
        #expect(t.creditor?.iban == "DE89370400440532013000")
        #expect(t.creditor?.name == "Verein e.V.")
        #expect(t.bankTransactionCode?.proprietaryCode == "105")
        #expect(t.additionalInfo == "BASISLASTSCHRIFT")
    }

    @Test func germanReturnWithReason() throws {
        let entry = try Self.entry(":61:230101RC5,00NRTINONREF\n:86:109?00RUECKLASTSCHRIFT?20EREF+X?34AC04", closing: "C230101EUR95,00")
        #expect(entry.reversal)
        #expect(entry.creditDebit == .debit)
        #expect(entry.transactions[0].returnInformation?.reasonCode == "AC04")
    }

    @Test func unstructuredTextKeptAndStatementLevelInformation() throws {
        let statements = try Self.statements(":20:X\n:25:123456789\n:28C:1\n:60F:C230101EUR1,00\n:61:230101C1,00NMSCNONREF\n:86:911 TRANSAKCJA; TNR: 1\n20:44:45 :08 Karten\n:62F:C230101EUR2,00\n:86:/SUM/1/0/1,00/0,00/\n-")
        let entry = statements[0].entries[0]
        #expect(entry.rawInformation == "911 TRANSAKCJA; TNR: 1\n20:44:45 :08 Karten")
        #expect(entry.transactions[0].remittance.unstructuredLines == ["911 TRANSAKCJA; TNR: 1", "20:44:45 :08 Karten"])
        #expect(statements[0].trailer.additionalInfo == "/SUM/1/0/1,00/0,00/")
    }

    @Test func brokenTagAndWrappedStatementLine() throws {
        let statements = try Self.statements(":20:S\n:25:1/2\n:28C:0000\n0\n:60F:C181126EUR1,00\n:61:1811261126CR\n30,00N062NONREF\n:\n86:166?00GUTSCHRIFT?20SVWZ+Test\n:62F:C181126EUR31,00\n")
        #expect(statements[0].header.sequenceNumber == "00000")
        #expect(statements[0].entries[0].amount.minorUnits == 3000)
        #expect(statements[0].entries[0].transactions[0].remittance.unstructuredLines == ["Test"])
        #expect(statements[0].verification.ok)
    }

    @Test func interimBalancesAndMT942() throws {
        let part = try Self.statements(":20:P\n:25:CH1\n:28C:1/2\n:60M:C230101CHF10,00\n:61:230101D1,00NTRFNONREF\n:62M:C230101CHF9,00\n")
        #expect(part[0].balances.map(\.kind) == [.interimBooked, .interimBooked])
        #expect(part[0].verification.ok)
        let mt942 = try Self.statements(":20:R\n:25:DE1/2\n:28C:1\n:34F:EURD0,\n:13D:1610301730+0000\n:61:161030D0,42NMSCNONREF\n:90D:1EUR0,42\n:90C:0EUR0,\n-")
        #expect(mt942[0].format == .mt942)
        #expect(mt942[0].trailer.summary?.debitTotal?.minorUnits == 42)
        #expect(mt942[0].trailer.dateTimeIndication == "1610301730+0000")
    }

    @Test func latin1Converted() throws {
        var bytes = Array(Self.wrap(":61:230101C1,NTRFNONREF\n:86:M", closing: "C230101EUR101,00").utf8)
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "M")))
        bytes.insert(contentsOf: [0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x01], at: at + 1)  // "üller" in Latin-1, then SOH
        let statements = try Self.statements(bytes: bytes)
        // The trailing SOH is framing and is cut with the line end.
        #expect(statements[0].entries[0].rawInformation == "Müller")
    }

    @Test("malformed input is an error with a line", arguments: [
        (":20:A\n:25:1\n:28C:1\n:60F:C230101EUR1,00\n:61:230101C1,", "ends before the amount"),  // truncated
        (":25:1\n:28C:1\n:60F:C230101EUR1,00\n:62F:C230101EUR1,00", "expected :20:"),
        (":20:A\n:25:1\n:60F:C230101EUR1,00\n:61:230101C1,00/NTRF\n:62F:C230101EUR1,00", "transaction type"),
        (":20:A\n:25:1\n:60F:C230101EUR1,00\n:61:230101C,NTRF\n:62F:C230101EUR1,00", "not a decimal amount"),
        (":20:A\n:25:1\n:60F:C230101EUR1,00\n:61:230101C123456789012345678901234567890,NTRF\n:62F:C230101EUR1,00", "too large"),
        (":20:A\n:25:1\n:60F:C230101EUR1,00\n:61:2302300230C1,NTRF\n:62F:C230101EUR1,00", "value date YYMMDD, found '230230'"),
        (":20:A\n:25:1\n:60F:C230101EUR1,00\n:61:2302280230C1,NTRF\n:62F:C230101EUR1,00", "entry date MMDD, found '0230'"),
        (":20:A\n:25:1\n:60F:C230101EUR1,00\n:61:2302X0C1,NTRF\n:62F:C230101EUR1,00", "value date YYMMDD, found '2302X0'"),
        (":20:A\n:25:1\n:60F:C230101EUR1,00\n", "no closing balance"),
    ])
    func malformed(text: String, expected: String) throws {
        let error = try #require(throws: StatementParseError.self) { try Self.statements(text) }
        #expect(error.line != nil)
        #expect(error.description.contains(expected), "\(error)")
    }

    @Test func binaryGarbageAndHugeLinesFailCleanly() throws {
        var garbage: [UInt8] = Array(":20:X\n".utf8)
        var seed: UInt32 = 12345
        for _ in 0..<100_000 {
            seed = seed &* 1_103_515_245 &+ 12345
            garbage.append(UInt8(truncatingIfNeeded: seed >> 16))
        }
        #expect(throws: StatementParseError.self) { try Self.statements(bytes: garbage) }
        let limits = ParseLimits(maximumLineLength: 1000)
        let long = Array((":20:A\n:25:1\n:86:" + String(repeating: "x", count: 2_000_000)).utf8)
        let error = try #require(throws: StatementParseError.self) { try Self.statements(bytes: long, options: ParseOptions(limits: limits)) }
        #expect(error.line == 3)
        #expect(error.message.contains("longer than 1000"))
    }
}
