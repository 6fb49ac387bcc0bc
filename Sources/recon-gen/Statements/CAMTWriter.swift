import BankStatements

/// Writes camt.053.001.02, camt.053.001.08 and camt.052.001.08 documents, element order following
/// the ISO 20022 schemas, one `<Stmt>`/`<Rpt>` per draft.
struct CAMTWriter {
    let format: StatementFileFormat
    let sink: ByteSink

    private var isReport: Bool { format == .camt052v08 }
    private var v8: Bool { format.isVersion8 }

    /// The XML declaration, `<Document>` and the group header.
    func beginDocument(messageId: String, created: CalendarDate, time: String) {
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:" as StaticString)
        sink.write(format.rawValue)
        sink.write("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n" as StaticString)
        sink.write(isReport ? "  <BkToCstmrAcctRpt>\n" as StaticString : "  <BkToCstmrStmt>\n" as StaticString)
        sink.write("    <GrpHdr>\n      " as StaticString)
        sink.element("MsgId", messageId)
        sink.write("\n      <CreDtTm>" as StaticString)
        dateTime(created, time)
        sink.write("</CreDtTm>\n      <MsgPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></MsgPgntn>\n    </GrpHdr>\n" as StaticString)
    }

    func endDocument() {
        sink.write(isReport ? "  </BkToCstmrAcctRpt>\n</Document>\n" as StaticString : "  </BkToCstmrStmt>\n</Document>\n" as StaticString)
    }

    func statement(_ draft: StatementDraft) {
        sink.write(isReport ? "    <Rpt>\n      " as StaticString : "    <Stmt>\n      " as StaticString)
        sink.element("Id", draft.id)
        if v8 {
            sink.write(isReport ? "\n      <RptPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></RptPgntn>" as StaticString
                                : "\n      <StmtPgntn><PgNb>1</PgNb><LastPgInd>true</LastPgInd></StmtPgntn>" as StaticString)
        }
        sink.write("\n      <ElctrncSeqNb>" as StaticString)
        sink.integer(draft.sequence)
        sink.write("</ElctrncSeqNb>\n" as StaticString)
        if !isReport {
            sink.write("      <LglSeqNb>" as StaticString)
            sink.integer(draft.sequence)
            sink.write("</LglSeqNb>\n" as StaticString)
        }
        sink.write("      <CreDtTm>" as StaticString)
        dateTime(draft.date, draft.creationTime)
        sink.write("</CreDtTm>\n      <FrToDt><FrDtTm>" as StaticString)
        dateTime(draft.date, "00:00:00")
        sink.write("</FrDtTm><ToDtTm>" as StaticString)
        dateTime(draft.date, isReport ? draft.creationTime : "23:59:59")
        sink.write("</ToDtTm></FrToDt>\n      <Acct>\n        <Id><IBAN>" as StaticString)
        sink.write(draft.account.iban)
        sink.write("</IBAN></Id>\n        <Ccy>EUR</Ccy>\n        <Ownr><Nm>" as StaticString)
        sink.xmlText(draft.ownerName)
        sink.write("</Nm></Ownr>\n        <Svcr><FinInstnId>" as StaticString)
        bic(draft.account.bank.bic)
        sink.write("</FinInstnId></Svcr>\n      </Acct>\n" as StaticString)
        balance(code: "OPBD", signed: draft.opening, date: draft.date)
        balance(code: isReport ? "ITBD" : "CLBD", signed: draft.closing, date: draft.date)
        if !isReport { balance(code: "CLAV", signed: draft.closing, date: draft.date) }
        summary(draft)
        for entry in draft.entries { self.entry(entry) }
        sink.write(isReport ? "    </Rpt>\n" as StaticString : "    </Stmt>\n" as StaticString)
    }

    private func dateTime(_ date: CalendarDate, _ time: String) {
        sink.isoDate(date)
        sink.byte(UInt8(ascii: "T"))
        sink.write(time)
        sink.write("+01:00" as StaticString)
    }

    private func bic(_ value: String) {
        sink.write(v8 ? "<BICFI>" as StaticString : "<BIC>" as StaticString)
        sink.write(value)
        sink.write(v8 ? "</BICFI>" as StaticString : "</BIC>" as StaticString)
    }

    private func amount(_ minorUnits: Int64) {
        sink.write("<Amt Ccy=\"EUR\">" as StaticString)
        sink.amount(minorUnits)
        sink.write("</Amt>" as StaticString)
    }

    private func creditDebit(_ value: CreditDebit) {
        sink.write(value == .credit ? "<CdtDbtInd>CRDT</CdtDbtInd>" as StaticString : "<CdtDbtInd>DBIT</CdtDbtInd>" as StaticString)
    }

    private func balance(code: StaticString, signed: Int64, date: CalendarDate) {
        sink.write("      <Bal>\n        <Tp><CdOrPrtry><Cd>" as StaticString)
        sink.write(code)
        sink.write("</Cd></CdOrPrtry></Tp>\n        " as StaticString)
        amount(signed.magnitude > UInt64(Int64.max) ? Int64.max : Int64(signed.magnitude))
        sink.write("\n        " as StaticString)
        creditDebit(signed < 0 ? .debit : .credit)
        sink.write("\n        <Dt><Dt>" as StaticString)
        sink.isoDate(date)
        sink.write("</Dt></Dt>\n      </Bal>\n" as StaticString)
    }

    private func summary(_ draft: StatementDraft) {
        sink.write("      <TxsSummry>\n        <TtlNtries><NbOfNtries>" as StaticString)
        sink.integer(draft.entries.count)
        sink.write("</NbOfNtries><Sum>" as StaticString)
        sink.amount(draft.creditSum + draft.debitSum)
        sink.write("</Sum></TtlNtries>\n        <TtlCdtNtries><NbOfNtries>" as StaticString)
        sink.integer(draft.creditCount)
        sink.write("</NbOfNtries><Sum>" as StaticString)
        sink.amount(draft.creditSum)
        sink.write("</Sum></TtlCdtNtries>\n        <TtlDbtNtries><NbOfNtries>" as StaticString)
        sink.integer(draft.debitCount)
        sink.write("</NbOfNtries><Sum>" as StaticString)
        sink.amount(draft.debitSum)
        sink.write("</Sum></TtlDbtNtries>\n      </TxsSummry>\n" as StaticString)
    }

    private func entry(_ entry: Entry) {
        sink.write("      <Ntry>\n        " as StaticString)
        amount(entry.amount.minorUnits)
        sink.write("\n        " as StaticString)
        creditDebit(entry.creditDebit)
        if entry.reversal { sink.write("\n        <RvslInd>true</RvslInd>" as StaticString) }
        sink.write(v8 ? "\n        <Sts><Cd>BOOK</Cd></Sts>\n        <BookgDt><Dt>" as StaticString
                      : "\n        <Sts>BOOK</Sts>\n        <BookgDt><Dt>" as StaticString)
        if let date = entry.bookingDate { sink.isoDate(date) }
        sink.write("</Dt></BookgDt>\n        <ValDt><Dt>" as StaticString)
        if let date = entry.valueDate ?? entry.bookingDate { sink.isoDate(date) }
        sink.write("</Dt></ValDt>\n" as StaticString)
        if let reference = entry.accountServicerReference {
            sink.write("        " as StaticString)
            sink.element("AcctSvcrRef", reference)
            sink.byte(UInt8(ascii: "\n"))
        }
        if let code = entry.bankTransactionCode { transactionCode(code) }
        if !entry.transactions.isEmpty {
            sink.write("        <NtryDtls>\n" as StaticString)
            if let count = entry.batchTransactionCount {
                sink.write("          <Btch>" as StaticString)
                if let id = entry.batchPaymentInformationId { sink.element("PmtInfId", id) }
                sink.write("<NbOfTxs>" as StaticString)
                sink.integer(count)
                sink.write("</NbOfTxs>" as StaticString)
                sink.write("<TtlAmt Ccy=\"EUR\">" as StaticString)
                sink.amount(entry.amount.minorUnits)
                sink.write("</TtlAmt>" as StaticString)
                creditDebit(entry.creditDebit)
                sink.write("</Btch>\n" as StaticString)
            }
            for transaction in entry.transactions { self.transaction(transaction, entry: entry) }
            sink.write("        </NtryDtls>\n" as StaticString)
        }
        if let info = entry.additionalInfo {
            sink.write("        " as StaticString)
            sink.element("AddtlNtryInf", info)
            sink.byte(UInt8(ascii: "\n"))
        }
        sink.write("      </Ntry>\n" as StaticString)
    }

    private func transactionCode(_ code: BankTransactionCode) {
        sink.write("        <BkTxCd>" as StaticString)
        if let domain = code.domain, let family = code.family, let subFamily = code.subFamily {
            sink.write("<Domn><Cd>" as StaticString)
            sink.write(domain)
            sink.write("</Cd><Fmly><Cd>" as StaticString)
            sink.write(family)
            sink.write("</Cd><SubFmlyCd>" as StaticString)
            sink.write(subFamily)
            sink.write("</SubFmlyCd></Fmly></Domn>" as StaticString)
        }
        if let proprietary = code.proprietaryCode {
            sink.write("<Prtry><Cd>" as StaticString)
            sink.xmlText(proprietary)
            sink.write("</Cd>" as StaticString)
            if let issuer = code.proprietaryIssuer { sink.element("Issr", issuer) }
            sink.write("</Prtry>" as StaticString)
        }
        sink.write("</BkTxCd>\n" as StaticString)
    }

    private func transaction(_ transaction: Transaction, entry: Entry) {
        sink.write("          <TxDtls>\n            <Refs>" as StaticString)
        let references = transaction.references
        if let value = references.accountServicerReference { sink.element("AcctSvcrRef", value) }
        if let value = references.paymentInformationId { sink.element("PmtInfId", value) }
        if let value = references.instructionId { sink.element("InstrId", value) }
        sink.element("EndToEndId", references.endToEndId ?? "NOTPROVIDED")
        if let value = references.mandateId { sink.element("MndtId", value) }
        sink.write("</Refs>\n            " as StaticString)
        let amountValue = transaction.amount?.minorUnits ?? entry.amount.minorUnits
        if v8 {
            amount(amountValue)
            creditDebit(transaction.creditDebit)
            sink.write("\n            <AmtDtls><TxAmt>" as StaticString)
        } else {
            sink.write("<AmtDtls><TxAmt>" as StaticString)
        }
        amount(amountValue)
        sink.write("</TxAmt></AmtDtls>\n" as StaticString)
        let hasParties = transaction.debtor != nil || transaction.creditor != nil || references.creditorId != nil
        if hasParties {
            sink.write("            <RltdPties>\n" as StaticString)
            if let debtor = transaction.debtor {
                party(tag: "Dbtr", debtor, schemeId: nil)
                account(tag: "DbtrAcct", debtor.iban)
            }
            if let creditor = transaction.creditor {
                party(tag: "Cdtr", creditor, schemeId: references.creditorId)
                account(tag: "CdtrAcct", creditor.iban)
            }
            sink.write("            </RltdPties>\n" as StaticString)
        }
        let other = EntryFactory.otherParty(of: transaction)
        let otherIsDebtor = other == transaction.debtor
        if let agent = other?.bic {
            sink.write(otherIsDebtor ? "            <RltdAgts><DbtrAgt><FinInstnId>" as StaticString
                                                          : "            <RltdAgts><CdtrAgt><FinInstnId>" as StaticString)
            bic(agent)
            sink.write(otherIsDebtor ? "</FinInstnId></DbtrAgt></RltdAgts>\n" as StaticString
                                                          : "</FinInstnId></CdtrAgt></RltdAgts>\n" as StaticString)
        }
        if let purpose = transaction.purpose {
            sink.write("            <Purp><Cd>" as StaticString)
            sink.write(purpose)
            sink.write("</Cd></Purp>\n" as StaticString)
        }
        remittance(transaction.remittance)
        if let returned = transaction.returnInformation {
            sink.write("            <RtrInf>" as StaticString)
            if let code = returned.reasonCode {
                sink.write("<Rsn><Cd>" as StaticString)
                sink.write(code)
                sink.write("</Cd></Rsn>" as StaticString)
            }
            for line in returned.additionalInfo { sink.element("AddtlInf", line) }
            sink.write("</RtrInf>\n" as StaticString)
        }
        if let info = transaction.additionalInfo {
            sink.write("            " as StaticString)
            sink.element("AddtlTxInf", info)
            sink.byte(UInt8(ascii: "\n"))
        }
        sink.write("          </TxDtls>\n" as StaticString)
    }

    private func party(tag: StaticString, _ party: Party, schemeId: String?) {
        sink.write("              <" as StaticString)
        sink.write(tag)
        sink.write(v8 ? "><Pty>" as StaticString : ">" as StaticString)
        if let name = party.name { sink.element("Nm", name) }
        if !party.address.isEmpty {
            sink.write("<PstlAdr>" as StaticString)
            for line in party.address { sink.element("AdrLine", line) }
            sink.write("</PstlAdr>" as StaticString)
        }
        if let schemeId {
            sink.write("<Id><PrvtId><Othr><Id>" as StaticString)
            sink.xmlText(schemeId)
            sink.write("</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id>" as StaticString)
        }
        sink.write(v8 ? "</Pty></" as StaticString : "</" as StaticString)
        sink.write(tag)
        sink.write(">\n" as StaticString)
    }

    private func account(tag: StaticString, _ iban: String?) {
        guard let iban else { return }
        sink.write("              <" as StaticString)
        sink.write(tag)
        sink.write("><Id><IBAN>" as StaticString)
        sink.write(iban)
        sink.write("</IBAN></Id></" as StaticString)
        sink.write(tag)
        sink.write(">\n" as StaticString)
    }

    private func remittance(_ remittance: Remittance) {
        guard !remittance.isEmpty else { return }
        sink.write("            <RmtInf>" as StaticString)
        for line in remittance.unstructuredLines { sink.element("Ustrd", line) }
        for reference in remittance.references {
            sink.write("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry>" as StaticString)
            if let issuer = reference.issuer { sink.element("Issr", issuer) }
            sink.write("</Tp>" as StaticString)
            sink.element("Ref", reference.reference)
            sink.write("</CdtrRefInf></Strd>" as StaticString)
        }
        sink.write("</RmtInf>\n" as StaticString)
    }
}
