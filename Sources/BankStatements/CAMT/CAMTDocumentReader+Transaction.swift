/// Leaves of a `TxDtls`: amounts, references, parties, remittance and return details.
extension CAMTDocumentReader {
    mutating func transactionLeaf(from base: Int) throws(StatementParseError) {
        switch stack.tag(at: base) {
        case .RltdPties: try partyLeaf(from: base + 1)
        case .RltdAgts: agentLeaf(stack.key(from: base + 1))
        case .RmtInf: try remittanceLeaf(stack.key(from: base + 1))
        case .RtrInf: try returnLeaf(stack.key(from: base + 1))
        case .Refs: referenceLeaf(stack.top)
        case .BkTxCd:
            Self.apply(bankTransactionCode: stack.key(from: base + 1), value: string(),
                       to: &transaction.bankTransactionCode)
        case .AmtDtls where stack.tag(at: base + 2) == .CcyXchg:
            try exchangeLeaf(stack.top)
        default:
            switch stack.key(from: base) {
            // An empty amount (`<Amt Ccy="EUR"/>`) in the details is treated as absent: the entry has the amount.
            case PathKey.of(.Amt):
                if !trimmed.isEmpty { transaction.ownAmount = try money() }
            case PathKey.of(.AmtDtls, .TxAmt, .Amt):
                if !trimmed.isEmpty { transaction.transactionAmount = try money() }
            case PathKey.of(.AmtDtls, .InstdAmt, .Amt):
                if !trimmed.isEmpty { transaction.transaction.originalAmount = try money() }
            case PathKey.of(.CdtDbtInd): transaction.creditDebit = try direction()
            case PathKey.of(.Purp, .Cd), PathKey.of(.Purp, .Prtry): transaction.transaction.purpose = string()
            case PathKey.of(.AddtlTxInf):
                if let value = string() {
                    transaction.transaction.additionalInfo =
                        transaction.transaction.additionalInfo.map { $0 + "\n" + value } ?? value
                }
            default: break
            }
        }
    }

    private mutating func referenceLeaf(_ tag: CAMTTag) {
        guard let value = reference() else { return }
        switch tag {
        case .MsgId: transaction.transaction.references.messageId = value
        case .AcctSvcrRef: transaction.transaction.references.accountServicerReference = value
        case .PmtInfId: transaction.transaction.references.paymentInformationId = value
        case .InstrId: transaction.transaction.references.instructionId = value
        case .EndToEndId: transaction.transaction.references.endToEndId = value
        case .TxId: transaction.transaction.references.transactionId = value
        case .MndtId: transaction.transaction.references.mandateId = value
        case .ChqNb: transaction.transaction.references.chequeNumber = value
        case .ClrSysRef: transaction.transaction.references.clearingSystemReference = value
        case .UETR: transaction.transaction.references.uetr = value
        default: break
        }
    }

    private mutating func exchangeLeaf(_ tag: CAMTTag) throws(StatementParseError) {
        var exchange = transaction.transaction.exchange ?? CurrencyExchange()
        switch tag {
        case .SrcCcy: exchange.sourceCurrency = try currency(trimmed)
        case .TrgtCcy: exchange.targetCurrency = try currency(trimmed)
        case .UnitCcy: exchange.unitCurrency = try currency(trimmed)
        case .XchgRate:
            guard let rate = DecimalNumber(String(decoding: trimmed, as: UTF8.self)) else {
                throw failure("'\(String(decoding: trimmed.prefix(40), as: UTF8.self))' is not an exchange rate")
            }
            exchange.rate = rate
        default: return
        }
        transaction.transaction.exchange = exchange
    }

    /// `RltdPties/…`; v08+ wrap a party's name and address in `Pty`, which is skipped.
    private mutating func partyLeaf(from base: Int) throws(StatementParseError) {
        let role = stack.tag(at: base)
        var start = base + 1
        if stack.tag(at: start) == .Pty { start += 1 }
        let key = stack.key(from: start)
        // The parties are updated in place, from the leaf's bytes taken beforehand: the draft is
        // large, and copying it out and back per leaf would cost more than the rest of the leaf.
        let value = text.trimmed
        let maximum = limits.maximumTransactionsPerEntry
        var fits = true
        switch role {
        case .Dbtr: fits = Self.update(&transaction.debtor, key, value, maximum: maximum)
        case .Cdtr: fits = Self.update(&transaction.creditor, key, value, maximum: maximum)
        case .UltmtDbtr: fits = Self.update(&transaction.ultimateDebtor, key, value, maximum: maximum)
        case .UltmtCdtr: fits = Self.update(&transaction.ultimateCreditor, key, value, maximum: maximum)
        case .DbtrAcct: Self.updateAccount(&transaction.debtor, key, value)
        case .CdtrAcct: Self.updateAccount(&transaction.creditor, key, value)
        case .CdtrSchmeId:
            if stack.top == .Id, transaction.transaction.references.creditorId == nil {
                transaction.transaction.references.creditorId = string()
            }
        default: break
        }
        guard fits else { throw failure("more than \(maximum) repetitions") }
    }

    /// Returns `false` when an address line would exceed `maximum` lines.
    private static func update(_ party: inout Party, _ key: UInt64, _ value: UnsafeMutableBufferPointer<UInt8>,
                               maximum: Int) -> Bool {
        switch key {
        case PathKey.of(.Nm): party.name = string(value)
        case PathKey.of(.PstlAdr, .AdrLine):
            if let line = string(value) {
                guard party.address.count < maximum else { return false }
                party.address.append(line)
            }
        case PathKey.of(.Id, .OrgId, .Othr, .Id), PathKey.of(.Id, .PrvtId, .Othr, .Id),
             PathKey.of(.Id, .OrgId, .AnyBIC), PathKey.of(.Id, .OrgId, .BICOrBEI):
            if party.identification == nil { party.identification = string(value) }
        default: break
        }
        return true
    }

    private static func updateAccount(_ party: inout Party, _ key: UInt64, _ value: UnsafeMutableBufferPointer<UInt8>) {
        switch key {
        case PathKey.of(.Id, .IBAN): party.iban = identifier(value)
        case PathKey.of(.Id, .Othr, .Id): party.otherAccount = string(value)
        default: break
        }
    }

    private mutating func agentLeaf(_ key: UInt64) {
        switch key {
        case PathKey.of(.DbtrAgt, .FinInstnId, .BIC), PathKey.of(.DbtrAgt, .FinInstnId, .BICFI):
            transaction.debtor.bic = identifier()
        case PathKey.of(.CdtrAgt, .FinInstnId, .BIC), PathKey.of(.CdtrAgt, .FinInstnId, .BICFI):
            transaction.creditor.bic = identifier()
        default: break
        }
    }

    private mutating func remittanceLeaf(_ key: UInt64) throws(StatementParseError) {
        switch key {
        case PathKey.of(.Ustrd):
            // Kept even when blank inside, but not when empty: banks wrap text at fixed widths.
            if let line = string() {
                try ensureRoom(transaction.transaction.remittance.unstructuredLines.count)
                transaction.transaction.remittance.unstructuredLines.append(line)
            }
        case PathKey.of(.Strd, .CdtrRefInf, .Tp, .CdOrPrtry, .Cd), PathKey.of(.Strd, .CdtrRefInf, .Tp, .CdOrPrtry, .Prtry):
            transaction.reference.type = string()
        case PathKey.of(.Strd, .CdtrRefInf, .Tp, .Issr): transaction.reference.issuer = string()
        case PathKey.of(.Strd, .CdtrRefInf, .Ref): transaction.reference.reference = string()
        case PathKey.of(.Strd, .RfrdDocInf, .Nb):
            if let number = string() {
                try ensureRoom(transaction.transaction.remittance.referredDocuments.count)
                transaction.transaction.remittance.referredDocuments.append(number)
            }
        case PathKey.of(.Strd, .AddtlRmtInf):
            if let value = string() {
                try ensureRoom(transaction.transaction.remittance.additional.count)
                transaction.transaction.remittance.additional.append(value)
            }
        default: break
        }
    }

    private mutating func returnLeaf(_ key: UInt64) throws(StatementParseError) {
        switch key {
        case PathKey.of(.Rsn, .Cd): transaction.returnInformation.reasonCode = string()
        case PathKey.of(.Rsn, .Prtry): transaction.returnInformation.proprietaryReason = string()
        case PathKey.of(.AddtlInf):
            if let value = string() {
                try ensureRoom(transaction.returnInformation.additionalInfo.count)
                transaction.returnInformation.additionalInfo.append(value)
            }
        case PathKey.of(.Orgtr, .Nm), PathKey.of(.Orgtr, .Pty, .Nm):
            transaction.returnInformation.originator = string()
        default: return
        }
        transaction.hasReturnInformation = true
    }
}
