import Testing
@testable import BankStatements

/// The `recon parse --json` document: pinned for a small file, and the byte writer used for
/// entries checked against the `JSONValue` rendering it replaces.
@Suite("Statement JSON stream")
struct StatementJSONStreamTests {
    /// Runs `text` through the parser and the byte-writing stream, as `recon parse --json` does.
    static func document(_ text: String, file: String) throws -> String {
        var output: [UInt8] = []
        var stream = StatementJSONStream(writeBytes: { output.append(contentsOf: $0) })
        stream.beginDocument()
        stream.beginFile(file)
        try StatementParser.parse(input: MemoryInput(text), name: file) { stream.handle($0) }
        stream.endFile()
        stream.endDocument()
        return String(decoding: output, as: UTF8.self)
    }

    @Test("a small MT940 file gives the JSON written out by hand")
    func pinnedDocument() throws {
        let mt940 = """
            :20:STMT1
            :25:NL69INGB0123456789EUR
            :28C:1
            :60F:C230102EUR100,00
            :61:2301030103D12,5NTRFNONREF//B1
            :86:/EREF/E2E1//CNTP/NL91ABNA0417164300/ABNANL2A/JAN "J" JANSEN/UTRECHT//REMI/USTD//Factuur 7\\8/
            :62F:C230103EUR87,50
            -
            """
        // Written from the README's contract and the MT940 rules, not copied from a run:
        // the :61: debit of 12.50 on 3 January (entry date 0103), NONREF dropped, bank reference
        // B1; the :86: gives the end-to-end id, the other side (a debit, so the creditor) and one
        // remittance line; quotes and backslashes are escaped in every string.
        let information = #"/EREF/E2E1//CNTP/NL91ABNA0417164300/ABNANL2A/JAN \"J\" JANSEN/UTRECHT//REMI/USTD//Factuur 7\\8/"#
        let party = #"{"name":"JAN \"J\" JANSEN","iban":"NL91ABNA0417164300","bic":"ABNANL2A","address":["UTRECHT"]}"#
        let transaction = #"{"amount":"12.50","currency":"EUR","creditDebit":"DBIT","endToEndId":"E2E1","bankReference":"B1","#
            + #""counterparty":\#(party),"creditor":\#(party),"#
            + #""remittance":{"unstructured":"Factuur 7\\8","lines":["Factuur 7\\8"],"references":[]}}"#
        let entry = #"{"amount":"12.50","currency":"EUR","creditDebit":"DBIT","reversal":false,"status":"BOOK","#
            + #""bookingDate":"2023-01-03","valueDate":"2023-01-03","bankReference":"B1","#
            + #""bankTransactionCode":{"proprietary":"NTRF","issuer":"SWIFT"},"#
            + #""information":"\#(information)","line":5,"transactions":[\#(transaction)]}"#
        let balances = #"[{"type":"OPBD","amount":"100.00","currency":"EUR","creditDebit":"CRDT","date":"2023-01-02"},"#
            + #"{"type":"CLBD","amount":"87.50","currency":"EUR","creditDebit":"CRDT","date":"2023-01-03"}]"#
        let expected = "{\"files\":[\n{\"file\":\"t.940\",\"format\":\"mt940\",\"statements\":[\n{"
            + #""format":"mt940","messageId":"STMT1","id":"STMT1","sequence":"1","#
            + #""account":{"iban":"NL69INGB0123456789","currency":"EUR"},"entries":["#
            + "\n" + entry + "]"
            + #","balances":\#(balances),"#
            + #""verification":{"ok":true,"message":"opening 100.00 + 1 booked entries -12.50 = closing 87.50"}}"#
            + "\n]}\n]}\n"
        let actual = try Self.document(mt940, file: "t.940")
        #expect(actual == expected)
    }

    /// Entries that between them use every field the entry JSON can hold.
    static let entries: [Entry] = {
        let euro = Currency.euro
        let yen = Currency(code: "JPY", exponent: 0)
        let dinar = Currency(code: "KWD", exponent: 3)
        var full = Transaction(
            position: 0, amount: Money(minorUnits: 1_234_567, currency: euro), creditDebit: .credit,
            references: TransactionReferences(
                endToEndId: "E2E \"quoted\" \\ back", instructionId: "I1", transactionId: "T1",
                paymentInformationId: "P1", messageId: "M1", mandateId: "MD1", creditorId: "NL98ZZZ999999990000",
                accountServicerReference: "ASR", uetr: "0b1c", clearingSystemReference: "CSR", chequeNumber: "42",
                customerReference: "CUST", other: ["ZZZ": "last", "AAA": "first\ttab", "K\"ey": "v"]),
            debtor: Party(name: "Ünïcode ∑ naam", iban: "NL91ABNA0417164300", otherAccount: "123", bic: "ABNANL2A",
                          address: ["Straat 1", "1234 AB Plaats"], identification: "ID1"),
            creditor: Party(name: "Us"),
            ultimateDebtor: Party(name: "Ultimate"), ultimateCreditor: Party(name: "Ultimate creditor"),
            remittance: Remittance(
                unstructuredLines: ["first line of exactly thirty-five ch", "second\u{1}control", "third"],
                references: [.init(type: "SCOR", issuer: "CUR", reference: "1234567890123456"), .init(reference: "RF18")],
                referredDocuments: ["INV-1", "INV-2"], additional: ["extra"]),
            returnInformation: ReturnInformation(reasonCode: "MD06", additionalInfo: ["why", "because"], originator: "bank"),
            charges: [Charge(amount: Money(minorUnits: -250, currency: euro), creditDebit: .debit, type: "COMM",
                             bearer: "DEBT", includedInAmount: true),
                      Charge(amount: Money(minorUnits: 5, currency: dinar))],
            originalAmount: Money(minorUnits: 99, currency: yen),
            exchange: CurrencyExchange(sourceCurrency: yen, targetCurrency: euro, unitCurrency: yen,
                                       rate: DecimalNumber(significand: 123_456, scale: 4)),
            bankTransactionCode: BankTransactionCode(domain: "PMNT", family: "RCDT", subFamily: "ESCT"),
            purpose: "SALA", additionalInfo: "line\nbreak\r\u{7F}")
        full.amount = Money(minorUnits: 1_234_567, currency: euro)
        var bare = Transaction(creditDebit: .debit)
        bare.returnInformation = ReturnInformation(proprietaryReason: "X")
        let first = Entry(
            position: 0, sourceLine: 12, entryReference: "ER1", amount: Money(minorUnits: 1_234_567, currency: euro),
            creditDebit: .credit, reversal: true, status: .other("WEIRD\"status"),
            bookingDate: CalendarDate(year: 2023, month: 12, day: 31), valueDate: CalendarDate(year: 1999, month: 1, day: 2),
            accountServicerReference: "BANKREF",
            bankTransactionCode: BankTransactionCode(domain: "PMNT", family: "RCDT", subFamily: "ESCT",
                                                     proprietaryCode: "NTRF", proprietaryIssuer: "SWIFT"),
            transactions: [full, bare], batchTransactionCount: 2, batchPaymentInformationId: "BATCH",
            charges: [Charge(amount: Money(minorUnits: 1, currency: yen))], additionalInfo: "add\u{0}info",
            fundsCode: "R", supplementaryDetails: "/TRCD/1/\nsecond", rawInformation: "raw \\ \"info\"\nline 2")
        let minimal = Entry(amount: Money(minorUnits: 0, currency: dinar), creditDebit: .debit, status: .pending)
        let negative = Entry(amount: Money(minorUnits: Int64.min, currency: euro), creditDebit: .debit,
                             transactions: [Transaction(creditDebit: .debit)])
        let wide = Entry(amount: Money(minorUnits: -7, currency: Currency(code: "XXX", exponent: 25)), creditDebit: .credit)
        return [first, minimal, negative, wide]
    }()

    @Test("entries are written byte for byte as JSONValue renders them", arguments: entries.indices)
    func writerMatchesJSONValue(_ index: Int) {
        let entry = Self.entries[index]
        var writer = JSONWriter()
        entry.writeJSON(to: &writer)
        let written = writer.withBytes { String(decoding: $0, as: UTF8.self) }
        #expect(written == entry.jsonValue.rendered())
    }

    @Test("the String-writing stream and the byte-writing stream give the same document")
    func bothSinksAgree() {
        var text = ""
        var bytes: [UInt8] = []
        var byString = StatementJSONStream(write: { text += $0 })
        var byBytes = StatementJSONStream(writeBytes: { bytes.append(contentsOf: $0) })
        let header = StatementHeader(format: .mt940, messageId: "M", id: "S")
        for stream in [0, 1] {
            func each(_ body: (inout StatementJSONStream) -> Void) {
                if stream == 0 { body(&byString) } else { body(&byBytes) }
            }
            each { $0.beginDocument() }
            each { $0.beginFile("f\"ile") }
            each { $0.handle(.begin(header)) }
            for entry in Self.entries { each { $0.handle(.entry(entry)) } }
            each { $0.handle(.end(StatementTrailer(), Verification(ok: true, message: "ok"))) }
            each { $0.endFile() }
            each { $0.endDocument() }
        }
        #expect(!text.isEmpty)
        #expect(text == String(decoding: bytes, as: UTF8.self))
    }
}
