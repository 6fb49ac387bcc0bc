/// Leaves of a statement outside its entries: identification, account, balances, totals.
extension CAMTDocumentReader {
    mutating func statementLeaf(_ key: UInt64) throws(StatementParseError) {
        switch key {
        case PathKey.of(.Id): header.id = string()
        case PathKey.of(.ElctrncSeqNb): header.sequenceNumber = string()
        case PathKey.of(.LglSeqNb): header.legalSequenceNumber = string()
        case PathKey.of(.CreDtTm):
            header.creationDateTime = string()
            header.creationDate = CalendarDate(isoBytes: trimmed)
        case PathKey.of(.FrToDt, .FrDtTm): header.periodStart = try date()
        case PathKey.of(.FrToDt, .ToDtTm): header.periodEnd = try date()
        case PathKey.of(.StmtPgntn, .PgNb), PathKey.of(.RptPgntn, .PgNb), PathKey.of(.NtfctnPgntn, .PgNb):
            header.pageNumber = try integer()
        case PathKey.of(.StmtPgntn, .LastPgInd), PathKey.of(.RptPgntn, .LastPgInd),
             PathKey.of(.NtfctnPgntn, .LastPgInd):
            header.isLastPage = try boolean()
        case PathKey.of(.Acct, .Id, .IBAN): header.account.iban = identifier()
        case PathKey.of(.Acct, .Id, .Othr, .Id), PathKey.of(.Acct, .Id, .PrtryAcct, .Id): header.account.other = string()
        case PathKey.of(.Acct, .Id, .Othr, .SchmeNm, .Cd), PathKey.of(.Acct, .Id, .Othr, .SchmeNm, .Prtry):
            header.account.otherScheme = string()
        case PathKey.of(.Acct, .Ccy):
            header.account.currency = try currency(trimmed)
        case PathKey.of(.Acct, .Nm): header.account.name = string()
        case PathKey.of(.Acct, .Ownr, .Nm), PathKey.of(.Acct, .Ownr, .Pty, .Nm):
            header.account.ownerName = string()
        case PathKey.of(.Acct, .Svcr, .FinInstnId, .BIC), PathKey.of(.Acct, .Svcr, .FinInstnId, .BICFI):
            header.account.servicerBIC = identifier()
        case PathKey.of(.Acct, .Svcr, .FinInstnId, .Nm), PathKey.of(.Acct, .Svcr, .FinInstnId, .NmAndAdr, .Nm):
            header.account.servicerName = string()
        case PathKey.of(.AddtlStmtInf), PathKey.of(.AddtlRptInf), PathKey.of(.AddtlNtfctnInf):
            if let value = string() {
                trailer.additionalInfo = trailer.additionalInfo.map { $0 + "\n" + value } ?? value
            }
        default:
            try summaryLeaf(key)
        }
    }

    /// `TxsSummry` counts and sums; the sums carry no currency of their own, so they need the account's.
    private mutating func summaryLeaf(_ key: UInt64) throws(StatementParseError) {
        switch key {
        case PathKey.of(.TxsSummry, .TtlNtries, .NbOfNtries):
            summary.entryCount = try integer()
        case PathKey.of(.TxsSummry, .TtlCdtNtries, .NbOfNtries):
            summary.creditCount = try integer()
        case PathKey.of(.TxsSummry, .TtlDbtNtries, .NbOfNtries):
            summary.debitCount = try integer()
        case PathKey.of(.TxsSummry, .TtlCdtNtries, .Sum):
            if let currency = header.account.currency { summary.creditTotal = try signedMoney(currency) }
        case PathKey.of(.TxsSummry, .TtlDbtNtries, .Sum):
            if let currency = header.account.currency { summary.debitTotal = try signedMoney(currency) }
        default:
            break
        }
    }

    private var summary: TransactionsSummary {
        get { trailer.summary ?? TransactionsSummary() }
        set { trailer.summary = newValue }
    }

    mutating func balanceLeaf(_ key: UInt64) throws(StatementParseError) {
        switch key {
        case PathKey.of(.Tp, .CdOrPrtry, .Cd), PathKey.of(.Tp, .Cd):
            if let code = string() { balance.kind = Balance.Kind(rawValue: code) }
        case PathKey.of(.Tp, .CdOrPrtry, .Prtry), PathKey.of(.Tp, .Prtry):
            if let code = string() {
                balance.kind = Balance.Kind(rawValue: code)
                balance.isProprietary = true
            }
        case PathKey.of(.Tp, .SubTp, .Cd), PathKey.of(.Tp, .SubTp, .Prtry):
            balance.subType = string()
        case PathKey.of(.Amt): balance.amount = try money()
        case PathKey.of(.CdtDbtInd): balance.creditDebit = try direction()
        case PathKey.of(.Dt, .Dt): balance.date = try date()
        case PathKey.of(.Dt, .DtTm):
            balance.date = try date()
            balance.dateTime = string()
        default:
            break
        }
    }
}
