/// Leaves of an `Ntry` outside its transaction details.
extension CAMTDocumentReader {
    mutating func entryLeaf(_ key: UInt64) throws(StatementParseError) {
        switch key {
        case PathKey.of(.Amt): entry.amount = try money()
        case PathKey.of(.CdtDbtInd): entry.creditDebit = try direction()
        case PathKey.of(.RvslInd): entry.entry.reversal = try boolean()
        case PathKey.of(.Sts), PathKey.of(.Sts, .Cd), PathKey.of(.Sts, .Prtry):
            // v02–v06 write `<Sts>BOOK</Sts>`, v08+ `<Sts><Cd>BOOK</Cd></Sts>`.
            if let status = status() { entry.entry.status = status }
        case PathKey.of(.BookgDt, .Dt), PathKey.of(.BookgDt, .DtTm): entry.entry.bookingDate = try date()
        case PathKey.of(.ValDt, .Dt), PathKey.of(.ValDt, .DtTm): entry.entry.valueDate = try date()
        case PathKey.of(.AcctSvcrRef): entry.entry.accountServicerReference = string()
        case PathKey.of(.NtryRef): entry.entry.entryReference = string()
        case PathKey.of(.AddtlNtryInf):
            if let value = string() {
                entry.entry.additionalInfo = entry.entry.additionalInfo.map { $0 + "\n" + value } ?? value
            }
        case PathKey.of(.NtryDtls, .Btch, .NbOfTxs), PathKey.of(.Btch, .NbOfTxs): entry.entry.batchTransactionCount = try integer()
        case PathKey.of(.NtryDtls, .Btch, .PmtInfId), PathKey.of(.Btch, .PmtInfId): entry.entry.batchPaymentInformationId = string()
        default:
            if stack.tag(at: (entryDepth ?? 0) + 1) == .BkTxCd, let entryDepth {
                let key = stack.key(from: entryDepth + 2)
                let value = string()
                // Taken out and put back rather than copied, so the strings already in it are not retained again.
                var code = entry.entry.bankTransactionCode.take() ?? BankTransactionCode()
                Self.apply(bankTransactionCode: key, value: value, to: &code)
                entry.entry.bankTransactionCode = code
            }
        }
    }

    /// `BkTxCd` leaves, given by their path below `BkTxCd`.
    static func apply(bankTransactionCode key: UInt64, value: String?, to code: inout BankTransactionCode) {
        switch key {
        case PathKey.of(.Domn, .Cd): code.domain = value
        case PathKey.of(.Domn, .Fmly, .Cd): code.family = value
        case PathKey.of(.Domn, .Fmly, .SubFmlyCd): code.subFamily = value
        case PathKey.of(.Prtry, .Cd): code.proprietaryCode = value
        case PathKey.of(.Prtry, .Issr): code.proprietaryIssuer = value
        default: break
        }
    }
}
