/// Turns the SAX events of a CAMT document into statement events, holding one entry at a time.
///
/// The reader keeps the stack of open elements and four anchors into it (statement, balance,
/// entry, transaction). Text is collected only for elements it knows, and only while such an
/// element has no children yet, so a value is exactly the text of a leaf. Leaves are recognised by
/// their path below the innermost anchor (see the `+Statement`, `+Entry` and `+Transaction`
/// extensions). Finished events go to the caller's handler as soon as they are complete, from
/// inside the SAX callback: a queue between the two would copy every entry once more.
///
/// A struct, held inline by `XMLStreamParser`: each SAX event is then one exclusive access to the
/// reader rather than one per field touched, which matters at millions of events per second.
/// Entries and transactions are built in place in their drafts and moved out when they close,
/// never copied.
struct CAMTDocumentReader {
    let limits: ParseLimits
    /// The caller's event handler.
    private let sink: (StatementEvent) throws -> Void
    /// What the handler threw; the parser stops and rethrows it unchanged.
    private(set) var sinkError: (any Error)?

    var stack: CAMTElementStack
    /// The text of the leaf being read.
    var text = CAMTTextBuffer()
    var collecting = false
    var line = 0
    /// The `Ccy` attribute of the amount element being read.
    var amountCurrency: Currency?
    /// The last three-byte currency code read, packed, and its currency (see `currency(_:)`).
    var lastCurrency: (key: UInt32, currency: Currency)?

    // The message (`BkToCstmrStmt` …) being read.
    var headerVersion: String?
    var messageDepth: Int?
    var messageTag = CAMTTag.other
    var format = StatementFormat.camt(message: "053", version: "unknown")
    var messageId: String?
    var messageCreation: String?
    var statementsInMessage = 0
    var messageCount = 0

    // The statement (`Stmt`, `Rpt`, `Ntfctn`) being read.
    var statementDepth: Int?
    var header = StatementHeader(format: .camt(message: "053", version: "unknown"))
    var headerEmitted = false
    var sawAccount = false
    var trailer = StatementTrailer()
    var verifier = BalanceVerifier()
    var entryCount = 0

    var balanceDepth: Int?
    var balance = CAMTBalanceDraft()

    var entryDepth: Int?
    var entry = CAMTEntryDraft()
    var transactionDepth: Int?
    var transaction = CAMTTransactionDraft()
    var chargesDepth: Int?
    var charge = CAMTChargeDraft()

    private let names = CAMTNameCache()

    /// - Parameter sink: receives the events; what it throws stops the parse and is rethrown.
    init(limits: ParseLimits, sink: @escaping (StatementEvent) throws -> Void) {
        self.limits = limits
        self.sink = sink
        stack = CAMTElementStack(capacity: limits.maximumDepth)
    }

    /// Hands `event` to the caller; an error it throws is kept in `sinkError` and stops the parse.
    private mutating func emit(_ event: consuming StatementEvent) throws(StatementParseError) {
        do {
            try sink(event)
        } catch {
            sinkError = error
            throw StatementParseError(line: line, message: "stopped by the event handler")
        }
    }

    // MARK: SAX events

    mutating func startElement(
        _ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, attributes: XMLAttributes, line: Int
    ) throws(StatementParseError) {
        self.line = line
        let index = stack.depth
        guard index < limits.maximumDepth, index < stack.capacity else {
            throw failure("elements are nested deeper than \(min(limits.maximumDepth, stack.capacity)) levels")
        }
        let tag = names.tag(for: name)
        stack.push(tag)
        text.removeAll()
        collecting = tag != .other
        switch tag {
        case .other:
            break
        case .Amt, .TtlChrgsAndTaxAmt:
            amountCurrency = try currency(attributes.value(of: "Ccy"))
        case .BkToCstmrStmt, .BkToCstmrAcctRpt, .BkToCstmrDbtCdtNtfctn,
             .BkToCstmrStmtV01, .BkToCstmrAcctRptV01, .BkToCstmrDbtCdtNtfctnV01:
            if messageDepth == nil { try beginMessage(tag, at: index, namespace: namespace) }
        case .Stmt, .Rpt, .Ntfctn:
            if let messageDepth, index == messageDepth + 1, tag == CAMTMessageIdentity.statementTag(for: messageTag) {
                beginStatement(at: index)
            }
        case .Bal:
            if let statementDepth, index == statementDepth + 1 {
                try emitHeaderIfNeeded()
                guard trailer.balances.count < limits.maximumTransactionsPerEntry else {
                    throw failure("more than \(limits.maximumTransactionsPerEntry) balances")
                }
                balanceDepth = index
                balance = CAMTBalanceDraft()
            }
        case .TxsSummry:
            if let statementDepth, index == statementDepth + 1 { try emitHeaderIfNeeded() }
        case .Ntry:
            if let statementDepth, index == statementDepth + 1 { try beginEntry(at: index) }
        case .TxDtls:
            // v01 puts `TxDtls` straight into `Ntry`; later versions into `Ntry/NtryDtls`.
            if let entryDepth, index == entryDepth + 1
                || (index == entryDepth + 2 && stack.tag(at: entryDepth + 1) == .NtryDtls) {
                try beginTransaction(at: index)
            }
        case .Chrgs:
            if let owner = transactionDepth ?? entryDepth, index == owner + 1 {
                chargesDepth = index
                charge = CAMTChargeDraft()
            }
        case .CdtrRefInf:
            if transactionDepth != nil { transaction.reference = CAMTReferenceDraft() }
        default:
            break
        }
    }

    mutating func endElement(line: Int) throws(StatementParseError) {
        self.line = line
        let index = stack.depth - 1
        let tag = stack.top
        if collecting { try leaf(tag) }
        collecting = false
        if tag.closesScope { try close(tag, at: index) }
        stack.pop()
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws(StatementParseError) {
        guard collecting else { return }
        guard text.count + bytes.count <= limits.maximumTextLength else {
            throw failure("text longer than \(limits.maximumTextLength) bytes")
        }
        text.append(bytes)
    }

    /// Checks that the document held a complete CAMT message.
    mutating func finish() throws(StatementParseError) {
        guard messageCount > 0 else {
            throw StatementParseError(
                line: line,
                message: "not a CAMT statement: no BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn element")
        }
    }

    // MARK: Structure

    private mutating func beginMessage(_ tag: CAMTTag, at index: Int, namespace: UnsafePointer<UInt8>?) throws(StatementParseError) {
        var uri: [UInt8] = []
        if let namespace {
            var length = 0
            while namespace[length] != 0 && length < 1024 { length += 1 }
            uri = Array(UnsafeBufferPointer(start: namespace, count: length))
        }
        guard let format = CAMTMessageIdentity.format(for: tag, namespace: uri, headerVersion: headerVersion) else {
            let shown = String(decoding: uri.prefix(120), as: UTF8.self)
            throw failure("unsupported namespace '\(shown)': expected an ISO 20022 camt.052, camt.053 or camt.054 namespace")
        }
        self.format = format
        messageDepth = index
        messageTag = tag
        messageId = nil
        messageCreation = nil
        statementsInMessage = 0
        messageCount += 1
    }

    private mutating func beginStatement(at index: Int) {
        statementDepth = index
        header = StatementHeader(format: format, messageId: messageId, sourceLine: line)
        headerEmitted = false
        sawAccount = false
        trailer = StatementTrailer()
        entryCount = 0
        statementsInMessage += 1
    }

    /// Reports the statement's header once its account is known: before its first balance or entry.
    private mutating func emitHeaderIfNeeded() throws(StatementParseError) {
        guard !headerEmitted, let statementDepth else { return }
        guard sawAccount else {
            throw StatementParseError(line: header.sourceLine, element: stack.path(depth: statementDepth + 1),
                                      message: "missing Acct")
        }
        if header.creationDateTime == nil, let messageCreation {
            header.creationDateTime = messageCreation
            header.creationDate = CalendarDate(iso: messageCreation)
        }
        verifier = BalanceVerifier(currency: header.account.currency)
        headerEmitted = true
        try emit(.begin(header))
    }

    private mutating func beginEntry(at index: Int) throws(StatementParseError) {
        try emitHeaderIfNeeded()
        guard entryCount < limits.maximumEntriesPerStatement else {
            throw failure("more than \(limits.maximumEntriesPerStatement) entries in one statement")
        }
        entryDepth = index
        entry.start(sourceLine: line, position: entryCount)
    }

    private mutating func beginTransaction(at index: Int) throws(StatementParseError) {
        guard entry.entry.transactions.count < limits.maximumTransactionsPerEntry else {
            throw failure("more than \(limits.maximumTransactionsPerEntry) transactions in one entry")
        }
        transactionDepth = index
        transaction.start(position: entry.entry.transactions.count, entryCreditDebit: entry.creditDebit ?? .credit)
    }

    private mutating func close(_ tag: CAMTTag, at index: Int) throws(StatementParseError) {
        if index == chargesDepth {
            try flushCharge()
            chargesDepth = nil
        } else if tag == .Rcrd, let chargesDepth, index == chargesDepth + 1 {
            try flushCharge()
        } else if tag == .CdtrRefInf, transactionDepth != nil {
            let draft = transaction.reference
            if let reference = draft.reference {
                try ensureRoom(transaction.transaction.remittance.references.count)
                transaction.transaction.remittance.references.append(
                    Remittance.CreditorReference(type: draft.type, issuer: draft.issuer, reference: reference))
            }
        } else if index == transactionDepth {
            entry.entry.transactions.append(transaction.take(entryCreditDebit: entry.creditDebit))
            transactionDepth = nil
        } else if index == entryDepth {
            try finishEntry()
        } else if index == balanceDepth {
            switch balance.build() {
            case .success(let value): trailer.balances.append(value)
            case .failure(let missing): throw failure("missing \(missing.name)")
            }
            balanceDepth = nil
        } else if tag == .Acct, let statementDepth, index == statementDepth + 1 {
            sawAccount = true
        } else if index == statementDepth {
            try emitHeaderIfNeeded()
            let verification = verifier.verify(balances: trailer.balances)
            try emit(.end(trailer, verification))
            statementDepth = nil
        } else if index == messageDepth {
            guard statementsInMessage > 0 else {
                throw failure("holds no \(CAMTMessageIdentity.statementTag(for: messageTag).name): nothing to read")
            }
            messageDepth = nil
        }
    }

    private mutating func finishEntry() throws(StatementParseError) {
        // Thrown rather than returned as a `Result`, whose payload would be copied out of it.
        let value: Entry
        do {
            value = try entry.take()
        } catch {
            throw StatementParseError(line: entry.sourceLine, element: stack.path(), message: "missing \(error.name)")
        }
        verifier.add(value)
        entryCount += 1
        entryDepth = nil
        try emit(.entry(value))
    }

    private mutating func flushCharge() throws(StatementParseError) {
        if let value = charge.charge {
            if transactionDepth != nil {
                try ensureRoom(transaction.transaction.charges.count)
                transaction.transaction.charges.append(value)
            } else {
                try ensureRoom(entry.entry.charges.count)
                entry.entry.charges.append(value)
            }
        }
        charge = CAMTChargeDraft()
    }

    // MARK: Leaves

    private mutating func leaf(_ tag: CAMTTag) throws(StatementParseError) {
        if let chargesDepth {
            try chargeLeaf(stack.key(from: chargesDepth + 1))
        } else if let transactionDepth {
            try transactionLeaf(from: transactionDepth + 1)
        } else if let entryDepth {
            try entryLeaf(stack.key(from: entryDepth + 1))
        } else if let balanceDepth {
            try balanceLeaf(stack.key(from: balanceDepth + 1))
        } else if let statementDepth {
            try statementLeaf(stack.key(from: statementDepth + 1))
        } else if let messageDepth {
            switch stack.key(from: messageDepth + 1) {
            case PathKey.of(.GrpHdr, .MsgId): messageId = string()
            case PathKey.of(.GrpHdr, .CreDtTm): messageCreation = string()
            default: break
            }
        } else if tag == .MsgDefIdr, headerVersion == nil {
            headerVersion = CAMTMessageIdentity.headerVersion(Array(text.trimmed))
        }
    }

    private mutating func chargeLeaf(_ key: UInt64) throws(StatementParseError) {
        switch key {
        case PathKey.of(.Amt), PathKey.of(.Rcrd, .Amt):
            if !text.trimmed.isEmpty { charge.amount = try money() }
        case PathKey.of(.CdtDbtInd), PathKey.of(.Rcrd, .CdtDbtInd):
            charge.creditDebit = try direction()
        case PathKey.of(.Tp, .Cd), PathKey.of(.Tp, .Prtry, .Id), PathKey.of(.Rcrd, .Tp, .Cd),
             PathKey.of(.Rcrd, .Tp, .Prtry, .Id):
            charge.type = string()
        case PathKey.of(.Br), PathKey.of(.Rcrd, .Br):
            charge.bearer = string()
        case PathKey.of(.ChrgInclInd), PathKey.of(.Rcrd, .ChrgInclInd):
            charge.includedInAmount = try boolean()
        default:
            break
        }
    }

    /// Checks that a list the input controls may grow by one, within the per-entry bound.
    mutating func ensureRoom(_ count: Int) throws(StatementParseError) {
        guard count < limits.maximumTransactionsPerEntry else {
            throw failure("more than \(limits.maximumTransactionsPerEntry) repetitions")
        }
    }
}
