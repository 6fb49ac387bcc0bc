import Foundation
import Testing
@testable import BankStatements

@Suite("CAMT parser: versions and mapping")
struct CAMTParserTests {
    private typealias F = CAMTFixture

    @Test("v02 statement: header, balances, entry and transaction details")
    func version02() throws {
        let details = """
        <TxDtls>
          <Refs><MsgId>NOTPROVIDED</MsgId><EndToEndId>NOTPROVIDED</EndToEndId><MndtId>M-77</MndtId></Refs>
          <AmtDtls><TxAmt><Amt Ccy="EUR">100.5</Amt></TxAmt></AmtDtls>
          <RltdPties>
            <Dbtr><Nm>Erika Musterfrau</Nm><PstlAdr><AdrLine>Hauptstr. 1</AdrLine><AdrLine>10115 Berlin</AdrLine></PstlAdr></Dbtr>
            <DbtrAcct><Id><IBAN>de02 1203 0000 0000 2020 51</IBAN></Id></DbtrAcct>
          </RltdPties>
          <RltdAgts><DbtrAgt><FinInstnId><BIC>BYLADEM1001</BIC></FinInstnId></DbtrAgt></RltdAgts>
          <RmtInf><Ustrd>Invoice 4711</Ustrd><Ustrd>and 4712</Ustrd></RmtInf>
        </TxDtls>
        """
        let statement = """
        <Id>STMT-1</Id><ElctrncSeqNb>42</ElctrncSeqNb><LglSeqNb>7</LglSeqNb><CreDtTm>2024-03-01T18:00:00</CreDtTm>
        <FrToDt><FrDtTm>2024-03-01T00:00:00</FrDtTm><ToDtTm>2024-03-01T23:59:59</ToDtTm></FrToDt>
        <Acct><Id><IBAN>DE89 3704 0044 0532 0130 00</IBAN></Id><Ccy>EUR</Ccy><Nm>Giro</Nm>
          <Ownr><Nm>ACME GmbH</Nm></Ownr><Svcr><FinInstnId><BIC>COBADEFFXXX</BIC></FinInstnId></Svcr></Acct>
        \(F.balance("PRCD", "1000.00"))
        \(F.balance("CLBD", "1100.50"))
        \(F.entry("100.50", "CRDT", extra: "<AcctSvcrRef>BANK-REF-1</AcctSvcrRef>", details: details))
        <AddtlStmtInf>Statement note</AddtlStmtInf>
        """
        let statements = try F.parse(F.document(statements: [statement]))
        #expect(statements.count == 1)
        let s = try #require(statements.first)
        #expect(s.format == .camt(message: "053", version: "001.02"))
        #expect(s.header.messageId == "MSG-1")
        #expect(s.header.id == "STMT-1")
        #expect(s.header.sequenceNumber == "42")
        #expect(s.header.legalSequenceNumber == "7")
        #expect(s.header.creationDate == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(s.header.periodEnd == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(s.account.iban == "DE89370400440532013000")
        #expect(s.account.currency == Currency(code: "EUR"))
        #expect(s.account.name == "Giro")
        #expect(s.account.ownerName == "ACME GmbH")
        #expect(s.account.servicerBIC == "COBADEFFXXX")
        #expect(s.balances.map(\.kind) == [.previouslyClosedBooked, .closingBooked])
        #expect(s.balance(.closingBooked)?.amount.minorUnits == 110_050)
        #expect(s.trailer.additionalInfo == "Statement note")
        #expect(s.verification.ok, "\(s.verification.message)")
        let entry = try #require(s.entries.first)
        #expect(entry.amount == Money(minorUnits: 10_050, currency: .euro))
        #expect(entry.creditDebit == .credit)
        #expect(entry.status == .booked)
        #expect(entry.bookingDate == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(entry.valueDate == CalendarDate(year: 2024, month: 3, day: 2))
        #expect(entry.accountServicerReference == "BANK-REF-1")
        let tx = try #require(entry.transactions.first)
        #expect(entry.transactions.count == 1)
        #expect(tx.amount == Money(minorUnits: 10_050, currency: .euro))
        #expect(tx.references.endToEndId == nil)
        #expect(tx.references.messageId == nil)
        #expect(tx.references.mandateId == "M-77")
        #expect(tx.debtor?.name == "Erika Musterfrau")
        #expect(tx.debtor?.address == ["Hauptstr. 1", "10115 Berlin"])
        #expect(tx.debtor?.iban == "DE02120300000000202051")
        #expect(tx.debtor?.bic == "BYLADEM1001")
        #expect(tx.counterparty?.name == "Erika Musterfrau")
        #expect(tx.remittance.unstructuredLines == ["Invoice 4711", "and 4712"])
    }

    @Test("v04 report: TxDtls/Amt, charge records, ISO bank transaction code")
    func version04Report() throws {
        let details = """
        <TxDtls><Amt Ccy="CHF">50.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
          <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
          <Chrgs><TtlChrgsAndTaxAmt Ccy="CHF">1.50</TtlChrgsAndTaxAmt>
            <Rcrd><Amt Ccy="CHF">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><ChrgInclInd>true</ChrgInclInd><Tp><Cd>COMM</Cd></Tp><Br>DEBT</Br></Rcrd>
            <Rcrd><Amt Ccy="CHF">0.50</Amt><CdtDbtInd>DBIT</CdtDbtInd></Rcrd></Chrgs>
          <RltdPties><Cdtr><Nm>Lieferant AG</Nm></Cdtr><CdtrAcct><Id><Othr><Id>12-3456-7</Id></Othr></Id></CdtrAcct></RltdPties>
          <Purp><Cd>SUPP</Cd></Purp><AddtlTxInf>extra</AddtlTxInf>
        </TxDtls>
        """
        let entry = F.entry("51.50", "DBIT", currency: "CHF", extra: """
            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn><Prtry><Cd>NTRF+116</Cd><Issr>DK</Issr></Prtry></BkTxCd>
            """, details: details)
        let xml = F.document(message: "052", version: "001.04", statements: ["<Id>R1</Id>\(F.account("CHF"))\(entry)"])
        let s = try #require(try F.parse(xml).first)
        #expect(s.format == .camt(message: "052", version: "001.04"))
        #expect(s.format.isIntraday)
        let e = try #require(s.entries.first)
        #expect(e.bankTransactionCode == BankTransactionCode(domain: "PMNT", family: "ICDT", subFamily: "ESCT",
                                                              proprietaryCode: "NTRF+116", proprietaryIssuer: "DK"))
        let tx = try #require(e.transactions.first)
        #expect(tx.amount == Money(minorUnits: 5000, currency: Currency(code: "CHF", exponent: 2)))
        #expect(tx.creditDebit == .debit)
        #expect(tx.charges.count == 2)
        #expect(tx.charges.first?.amount.minorUnits == 100)
        #expect(tx.charges.first?.type == "COMM")
        #expect(tx.charges.first?.bearer == "DEBT")
        #expect(tx.charges.first?.includedInAmount == true)
        #expect(tx.creditor?.name == "Lieferant AG")
        #expect(tx.creditor?.otherAccount == "12-3456-7")
        #expect(tx.counterparty?.name == "Lieferant AG")
        #expect(tx.purpose == "SUPP")
        #expect(tx.additionalInfo == "extra")
        #expect(tx.bankTransactionCode?.subFamily == "ESCT")
    }

    @Test("v08: Sts/Cd, Pty/Nm, BICFI, UETR, Ownr and Svcr")
    func version08() throws {
        let details = """
        <TxDtls><Refs><EndToEndId>E2E-1</EndToEndId><UETR>eb6305c9-1f7f-49de-aed0-16487c27b42d</UETR></Refs>
          <Amt Ccy="EUR">20.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
          <RltdPties><Dbtr><Pty><Nm>Max Payer</Nm><PstlAdr><AdrLine>Street 5</AdrLine></PstlAdr>
            <Id><OrgId><Othr><Id>CUST-9</Id></Othr></OrgId></Id></Pty></Dbtr>
            <UltmtDbtr><Pty><Nm>Max Senior</Nm></Pty></UltmtDbtr></RltdPties>
          <RltdAgts><DbtrAgt><FinInstnId><BICFI>INGDDEFFXXX</BICFI></FinInstnId></DbtrAgt></RltdAgts>
        </TxDtls>
        """
        let statement = """
        <Id>S8</Id><StmtPgntn><PgNb>2</PgNb><LastPgInd>false</LastPgInd></StmtPgntn>
        <Acct><Id><Othr><Id>0532013000</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id><Ccy>EUR</Ccy>
          <Svcr><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></Svcr></Acct>
        \(F.entry("20.00", "CRDT", status: "<Sts><Cd>BOOK</Cd></Sts>", details: details))
        """
        let s = try #require(try F.parse(F.document(version: "001.08", statements: [statement])).first)
        #expect(s.format.name == "camt.053.001.08")
        #expect(s.header.pageNumber == 2)
        #expect(s.header.isLastPage == false)
        #expect(s.account.iban == nil)
        #expect(s.account.other == "0532013000")
        #expect(s.account.otherScheme == "BBAN")
        #expect(s.account.servicerBIC == "COBADEFFXXX")
        let e = try #require(s.entries.first)
        #expect(e.status == .booked)
        let tx = try #require(e.transactions.first)
        #expect(tx.references.endToEndId == "E2E-1")
        #expect(tx.references.uetr == "eb6305c9-1f7f-49de-aed0-16487c27b42d")
        #expect(tx.debtor?.name == "Max Payer")
        #expect(tx.debtor?.address == ["Street 5"])
        #expect(tx.debtor?.identification == "CUST-9")
        #expect(tx.debtor?.bic == "INGDDEFFXXX")
        #expect(tx.ultimateDebtor?.name == "Max Senior")
    }

    @Test("v10+ accept both status forms", arguments: ["001.10", "001.12", "001.14"])
    func laterVersions(version: String) throws {
        let statement = """
        <Id>S</Id>\(F.account())
        \(F.entry("1.00", "CRDT", status: "<Sts>BOOK</Sts>"))
        \(F.entry("2.00", "DBIT", status: "<Sts><Cd>PDNG</Cd></Sts>"))
        """
        let s = try #require(try F.parse(F.document(message: "054", version: version, statements: [statement])).first)
        #expect(s.format == .camt(message: "054", version: version))
        #expect(s.entries.map(\.status) == [.booked, .pending])
        #expect(s.entries.map(\.position) == [0, 1])
    }

    @Test("batch: net entry amount, amounts only in AmtDtls, own indicators, charges that do not add up")
    func batch() throws {
        // 300.00 + 250.00 - 49.00 = 501.00 booked as net; the 1.00 difference is a charge.
        let tx = { (amount: String, direction: String, ref: String) in
            """
            <TxDtls><Refs><EndToEndId>\(ref)</EndToEndId></Refs>
            <AmtDtls><InstdAmt><Amt Ccy="EUR">\(amount)</Amt></InstdAmt><TxAmt><Amt Ccy="EUR">\(amount)</Amt></TxAmt></AmtDtls>
            <CdtDbtInd>\(direction)</CdtDbtInd></TxDtls>
            """
        }
        let details = "<Btch><NbOfTxs>3</NbOfTxs><PmtInfId>PMT-1</PmtInfId></Btch>"
            + tx("300.00", "CRDT", "A") + tx("250.00", "CRDT", "B") + tx("49.00", "DBIT", "C")
        let statement = """
        <Id>B</Id>\(F.account())\(F.balance("OPBD", "0.00"))\(F.balance("CLBD", "500.00"))
        \(F.entry("500.00", "CRDT", extra: "<Chrgs><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></Chrgs>", details: details))
        """
        let s = try #require(try F.parse(F.document(statements: [statement])).first)
        let e = try #require(s.entries.first)
        #expect(e.amount.minorUnits == 50_000)
        #expect(e.batchTransactionCount == 3)
        #expect(e.batchPaymentInformationId == "PMT-1")
        #expect(e.charges.map(\.amount.minorUnits) == [100])
        #expect(e.transactions.map(\.position) == [0, 1, 2])
        #expect(e.transactions.map { $0.amount?.minorUnits } == [30_000, 25_000, 4_900])
        #expect(e.transactions.map(\.originalAmount?.minorUnits) == [30_000, 25_000, 4_900])
        #expect(e.transactions.map(\.creditDebit) == [.credit, .credit, .debit])
        #expect(e.transactions.map(\.references.endToEndId) == ["A", "B", "C"])
        #expect(s.verification.ok)
    }

    @Test("an entry without TxDtls yields exactly one transaction built from the entry")
    func entryWithoutDetails() throws {
        let statement = """
        <Id>N</Id>\(F.account())
        \(F.entry("12.34", "DBIT", extra: "<AcctSvcrRef>R-9</AcctSvcrRef><AddtlNtryInf>Card payment</AddtlNtryInf>"))
        \(F.entry("7.00", "CRDT", details: "<Btch><NbOfTxs>12</NbOfTxs></Btch>"))
        """
        let s = try #require(try F.parse(F.document(statements: [statement])).first)
        let first = try #require(s.entries.first)
        #expect(first.transactions.count == 1)
        #expect(first.transactions.first?.amount == first.amount)
        #expect(first.transactions.first?.creditDebit == .debit)
        #expect(first.transactions.first?.references.accountServicerReference == "R-9")
        #expect(first.transactions.first?.additionalInfo == "Card payment")
        #expect(first.additionalInfo == "Card payment")
        let batch = try #require(s.entries.last)
        #expect(batch.batchTransactionCount == 12)
        #expect(batch.transactions.count == 1)
        #expect(batch.transactions.first?.amount?.minorUnits == 700)
    }

    @Test("reversal keeps the given direction: RvslInd with DBIT is a reversed credit")
    func reversal() throws {
        let statement = """
        <Id>R</Id>\(F.account())\(F.balance("OPBD", "100.00"))\(F.balance("CLBD", "60.00"))
        \(F.entry("40.00", "DBIT", extra: "<RvslInd>true</RvslInd>"))
        """
        let s = try #require(try F.parse(F.document(statements: [statement])).first)
        let e = try #require(s.entries.first)
        #expect(e.reversal)
        #expect(e.creditDebit == .debit)
        #expect(e.signedMinorUnits == -4000)
        #expect(s.verification.ok, "\(s.verification.message)")
    }

    @Test("returns carry their reason code, text and originator")
    func returns() throws {
        let details = """
        <TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">75.00</Amt></TxAmt></AmtDtls>
          <RtrInf><Orgtr><Nm>Debtor Bank</Nm></Orgtr><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>/RTYP/RTRN/</AddtlInf><AddtlInf>Konto erloschen</AddtlInf></RtrInf>
        </TxDtls>
        <TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">5.00</Amt></TxAmt></AmtDtls><RtrInf><Rsn><Prtry>X99</Prtry></Rsn></RtrInf></TxDtls>
        """
        let statement = "<Id>RT</Id>\(F.account())\(F.entry("80.00", "DBIT", extra: "<RvslInd>true</RvslInd>", details: details))"
        let e = try #require(try F.parse(F.document(statements: [statement])).first?.entries.first)
        let first = try #require(e.transactions.first?.returnInformation)
        #expect(first.reasonCode == "AC04")
        #expect(first.additionalInfo == ["/RTYP/RTRN/", "Konto erloschen"])
        #expect(first.originator == "Debtor Bank")
        #expect(e.transactions.last?.returnInformation?.reason == "X99")
        #expect(e.transactions.last?.returnInformation?.reasonCode == nil)
        #expect(e.transactions.allSatisfy { $0.creditDebit == .debit })
    }

    @Test("structured creditor references: SCOR with ISO, CUR, BBA; proprietary; referred documents")
    func structuredReferences() throws {
        let reference = { (type: String, issuer: String?, ref: String) in
            """
            <Strd><CdtrRefInf><Tp><CdOrPrtry>\(type)</CdOrPrtry>\(issuer.map { "<Issr>\($0)</Issr>" } ?? "")</Tp>
            <Ref>\(ref)</Ref></CdtrRefInf></Strd>
            """
        }
        let details = """
        <TxDtls><RmtInf>
          \(reference("<Cd>SCOR</Cd>", "ISO", "RF18539007547034"))
          \(reference("<Cd>SCOR</Cd>", "CUR", "1234567890123456"))
          \(reference("<Cd>SCOR</Cd>", "BBA", "+++090/9337/55493+++"))
          \(reference("<Prtry>QRR</Prtry>", nil, "210000000003139471430009017"))
          <Strd><RfrdDocInf><Nb>INV-2024-1</Nb></RfrdDocInf><AddtlRmtInf>see attachment</AddtlRmtInf></Strd>
        </RmtInf></TxDtls>
        """
        let statement = "<Id>SR</Id>\(F.account())\(F.entry("1.00", "CRDT", details: details))"
        let tx = try #require(try F.parse(F.document(statements: [statement])).first?.entries.first?.transactions.first)
        #expect(tx.remittance.references == [
            .init(type: "SCOR", issuer: "ISO", reference: "RF18539007547034"),
            .init(type: "SCOR", issuer: "CUR", reference: "1234567890123456"),
            .init(type: "SCOR", issuer: "BBA", reference: "+++090/9337/55493+++"),
            .init(type: "QRR", issuer: nil, reference: "210000000003139471430009017"),
        ])
        #expect(tx.remittance.referredDocuments == ["INV-2024-1"])
        #expect(tx.remittance.additional == ["see attachment"])
    }

    @Test("pending entries do not move the booked balance")
    func pending() throws {
        let statement = """
        <Id>P</Id>\(F.account())\(F.balance("OPBD", "10.00"))\(F.balance("CLBD", "15.00"))
        \(F.entry("5.00", "CRDT"))\(F.entry("99.00", "DBIT", status: "<Sts>PDNG</Sts>"))
        """
        let s = try #require(try F.parse(F.document(statements: [statement])).first)
        #expect(s.entries.map(\.status) == [.booked, .pending])
        #expect(s.verification.ok, "\(s.verification.message)")
    }

    @Test("several statements in one file, each with its own verification")
    func multipleStatements() throws {
        let one = "<Id>S1</Id>\(F.account())\(F.balance("OPBD", "0"))\(F.balance("CLBD", "1.00"))\(F.entry("1.00", "CRDT"))"
        let two = "<Id>S2</Id>\(F.account("USD", iban: "GB33BUKB20201555555555"))\(F.balance("OPBD", "5", "USD"))\(F.balance("CLBD", "4.00", "USD"))\(F.entry("2.00", "DBIT", currency: "USD"))"
        let statements = try F.parse(F.document(statements: [one, two]))
        #expect(statements.map(\.header.id) == ["S1", "S2"])
        #expect(statements.map(\.entries.count) == [1, 1])
        #expect(statements[0].verification.ok)
        #expect(!statements[1].verification.ok)
        #expect(statements[1].account.currency?.code == "USD")
    }

    @Test("currencies with 0 and 3 decimals", arguments: [
        ("JPY", "1500", Int64(1500)), ("JPY", "1500.00", 1500), ("KWD", "12.345", 12_345), ("KWD", "0.5", 500),
        ("EUR", "18.150", 1815), ("EUR", "0", 0),
    ])
    func minorUnits(currency: String, amount: String, expected: Int64) throws {
        let statement = "<Id>C</Id>\(F.account(currency))\(F.entry(amount, "CRDT", currency: currency))"
        let e = try #require(try F.parse(F.document(statements: [statement])).first?.entries.first)
        #expect(e.amount.minorUnits == expected)
        #expect(e.amount.currency.code == currency)
    }

    @Test("an amount with more decimals than its currency is an error", arguments: [("JPY", "1.5"), ("EUR", "1.005"), ("KWD", "1.0001")])
    func tooManyDecimals(currency: String, amount: String) {
        let statement = "<Id>C</Id>\(F.account(currency))\(F.entry(amount, "CRDT", currency: currency))"
        let error = F.error(F.document(statements: [statement]))
        #expect(error?.element == "Document/BkToCstmrStmt/Stmt/Ntry/Amt")
        #expect(error?.message.contains("decimal") == true)
    }

    @Test("SWIFT envelope: the Document's namespace wins over the AppHdr's version")
    func envelope() throws {
        let inner = F.document(version: "001.12", statements: ["<Id>E</Id>\(F.account("GBP"))\(F.entry("3.00", "CRDT", currency: "GBP"))"])
            .replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "")
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Envelope xmlns="urn:swift:xsd:envelope">
          <AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"><MsgDefIdr>camt.053.001.08</MsgDefIdr></AppHdr>
          \(inner)
        </Envelope>
        """
        let s = try #require(try F.parse(xml).first)
        #expect(s.format == .camt(message: "053", version: "001.12"))
        #expect(s.entries.count == 1)
    }

    @Test("no namespace: the message comes from the root child, the version from the AppHdr or 'unknown'")
    func noNamespace() throws {
        let plain = F.document(message: "052", namespace: "", statements: ["<Id>N</Id>\(F.account())\(F.entry("1.00", "CRDT"))"])
            .replacingOccurrences(of: " xmlns=\"\"", with: "")
        #expect(try F.parse(plain).first?.format == .camt(message: "052", version: "unknown"))
        let wrapped = """
        <message><AppHdr><MsgDefIdr>camt.052.001.06</MsgDefIdr></AppHdr>\(plain.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: ""))</message>
        """
        #expect(try F.parse(wrapped).first?.format == .camt(message: "052", version: "001.06"))
    }

    @Test("national namespaces that embed the ISO name, and prefixed elements")
    func otherNamespaces() throws {
        let stuzza = F.document(namespace: "ISO:camt.053.001.02:APC:STUZZA:payments:003",
                                statements: ["<Id>A</Id>\(F.account())\(F.entry("1.00", "CRDT"))"])
        #expect(try F.parse(stuzza).first?.format == .camt(message: "053", version: "001.02"))
        let prefixed = """
        <c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04"><c:BkToCstmrDbtCdtNtfctn>
        <c:Ntfctn><c:Id>X</c:Id><c:Acct><c:Id><c:IBAN>CH9300762011623852957</c:IBAN></c:Id></c:Acct>
        <c:Ntry><c:Amt Ccy="CHF">9.95</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Sts>BOOK</c:Sts></c:Ntry></c:Ntfctn>
        </c:BkToCstmrDbtCdtNtfctn></c:Document>
        """
        let s = try #require(try F.parse(prefixed).first)
        #expect(s.format == .camt(message: "054", version: "001.04"))
        #expect(s.entries.first?.amount.minorUnits == 995)
    }

    @Test("US BAI proprietary balance codes are kept and marked proprietary")
    func proprietaryBalances() throws {
        let bai = """
        <Bal><Tp><CdOrPrtry><Prtry>010</Prtry></CdOrPrtry></Tp><Amt Ccy="USD">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
        <Dt><DtTm>2024-03-01T23:30:00-05:00</DtTm></Dt></Bal>
        """
        let s = try #require(try F.parse(F.document(statements: ["<Id>U</Id>\(F.account("USD"))\(bai)"])).first)
        let balance = try #require(s.balances.first)
        #expect(balance.kind.rawValue == "010")
        #expect(balance.isProprietary)
        #expect(balance.date == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(balance.dateTime == "2024-03-01T23:30:00-05:00")
        #expect(s.verification.ok)
        #expect(s.entries.isEmpty)
    }

    @Test("date-times become the calendar date as written, whatever the offset")
    func dateTimes() throws {
        let entry = """
        <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><DtTm>2024-03-01T00:30:00+02:00</DtTm></BookgDt><ValDt><DtTm>2024-02-29T23:59:59-11:00</DtTm></ValDt></Ntry>
        """
        let e = try #require(try F.parse(F.document(statements: ["<Id>D</Id>\(F.account())\(entry)"])).first?.entries.first)
        #expect(e.bookingDate == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(e.valueDate == CalendarDate(year: 2024, month: 2, day: 29))
    }

    @Test("currency exchange details")
    func exchange() throws {
        let details = """
        <TxDtls><AmtDtls><InstdAmt><Amt Ccy="USD">110.00</Amt><CcyXchg><SrcCcy>USD</SrcCcy><TrgtCcy>EUR</TrgtCcy>
        <XchgRate>0.9090909</XchgRate></CcyXchg></InstdAmt><TxAmt><Amt Ccy="EUR">100.00</Amt></TxAmt></AmtDtls></TxDtls>
        """
        let tx = try #require(try F.parse(F.document(statements: ["<Id>X</Id>\(F.account())\(F.entry("100.00", "CRDT", details: details))"]))
            .first?.entries.first?.transactions.first)
        #expect(tx.amount == Money(minorUnits: 10_000, currency: .euro))
        #expect(tx.originalAmount?.minorUnits == 11_000)
        #expect(tx.originalAmount?.currency.code == "USD")
        #expect(tx.exchange?.sourceCurrency?.code == "USD")
        #expect(tx.exchange?.targetCurrency?.code == "EUR")
        #expect(tx.exchange?.rate == DecimalNumber(significand: 9_090_909, scale: 7))
    }

    @Test("ISO-8859-1 and UTF-16 documents reach the model as UTF-8")
    func encodings() throws {
        let xml = F.document(statements: ["<Id>L</Id>\(F.account())\(F.entry("1.00", "CRDT", details: "<TxDtls><RltdPties><Dbtr><Nm>Jürgen Müßig</Nm></Dbtr></RltdPties></TxDtls>"))"])
        let latin1Text = xml.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        // Latin-1 bytes: every scalar here is below 256.
        let latin1 = latin1Text.unicodeScalars.map { UInt8($0.value) }
        #expect(latin1.contains(0xFC))
        let fromLatin1 = try F.parse(bytes: latin1)
        #expect(fromLatin1.first?.entries.first?.transactions.first?.debtor?.name == "Jürgen Müßig")

        let utf16Text = xml.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in utf16Text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let fromUTF16 = try F.parse(bytes: utf16)
        #expect(fromUTF16.first?.entries.first?.transactions.first?.debtor?.name == "Jürgen Müßig")
    }

    @Test("predefined entities, character references and CDATA are text, not refused entities")
    func escapes() throws {
        let details = "<TxDtls><RltdPties><Cdtr><Nm>M&amp;M &#228;&#x20AC; &lt;AG&gt;</Nm></Cdtr></RltdPties><RmtInf><Ustrd><![CDATA[a<b & c]]></Ustrd></RmtInf></TxDtls>"
        let tx = try #require(try F.parse(F.document(statements: ["<Id>E</Id>\(F.account())\(F.entry("1.00", "DBIT", details: details))"]))
            .first?.entries.first?.transactions.first)
        #expect(tx.creditor?.name == "M&M ä€ <AG>")
        #expect(tx.remittance.unstructuredLines == ["a<b & c"])
    }

    @Test("large documents stream: entries arrive before the input is exhausted, across chunk boundaries")
    func streaming() throws {
        let entryCount = 3000
        let entries = (0..<entryCount).map { index in F.entry("\(index).01", index % 2 == 0 ? "CRDT" : "DBIT") }
        let xml = F.document(statements: ["<Id>BIG</Id>\(F.account())" + entries.joined()])
        let bytes = Array(xml.utf8)
        #expect(bytes.count > 4 * CAMTParser.chunkSize)
        let counter = DeliveredBytes()
        var input = CountingInput(bytes: bytes, counter: counter)
        var firstEntryAt: Int?
        var seen = 0
        var sum: Int64 = 0
        try CAMTParser().parse(&input) { event in
            if case .entry(let entry) = event {
                if firstEntryAt == nil { firstEntryAt = counter.count }
                #expect(entry.position == seen)
                seen += 1
                sum += entry.signedMinorUnits
            }
        }
        #expect(seen == entryCount)
        // Σ over even i of (100 i + 1) minus Σ over odd i of (100 i + 1), for i < 3000: -1500 × 100 = -150000.
        #expect(sum == -150_000)
        #expect((firstEntryAt ?? .max) < bytes.count)
    }
}

/// Memory input that reports how much it has handed out, to observe streaming.
private struct CountingInput: ByteInput {
    let bytes: [UInt8]
    let counter: DeliveredBytes
    var delivered = 0

    mutating func read(into buffer: inout [UInt8], maximumCount: Int) throws(StatementParseError) -> Int {
        let count = min(maximumCount, bytes.count - delivered)
        guard count > 0 else { return 0 }
        buffer.append(contentsOf: bytes[delivered..<(delivered + count)])
        delivered += count
        counter.count = delivered
        return count
    }
}

/// How many bytes the input has handed out so far, readable while the parser holds the input.
private final class DeliveredBytes {
    var count = 0
}
