/// Turns the SAX events of a CAMT document into statement events, holding one entry at a time.
///
/// The reader keeps the stack of open elements and four anchors into it (statement, balance,
/// entry, transaction). Text is collected only for elements it knows, and only while such an
/// element has no children yet, so a value is exactly the text of a leaf. Leaves are recognised by
/// their path below the innermost anchor (see the `+Statement`, `+Entry` and `+Transaction`
/// extensions). Finished events wait in `events` until the caller drains them after each chunk,
/// which keeps the caller's closure out of the C callbacks.
///
/// A struct, held inline by `XMLPushParser`: each SAX event is then one exclusive access to the
/// reader rather than one per field touched, which matters at millions of events per second.
struct CAMTDocumentReader {
    let limits: ParseLimits
    /// Events ready for the caller, in document order.
    var events: [StatementEvent] = []

    var stack = CAMTElementStack()
    /// The leaf text buffer; only `text[0..<textCount]` is meaningful. It never shrinks, so that
    /// clearing it per element is a store rather than a call.
    var text: [UInt8] = []
    var textCount = 0
    var collecting = false
    var line = 0
    /// The `Ccy` attribute of the amount element being read.
    var amountCurrency: Currency?

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
    var entry = CAMTEntryDraft(sourceLine: 0, position: 0)
    var transactionDepth: Int?
    var transaction = CAMTTransactionDraft(position: 0, entryCreditDebit: .credit)
    var chargesDepth: Int?
    var charge = CAMTChargeDraft()

    /// libxml2 interns element names for the life of a parse, so a name's address identifies it:
    /// a small direct-mapped cache from address to tag skips hashing for all but the first sighting.
    private var cachedNames = [UnsafePointer<UInt8>?](repeating: nil, count: 256)
    private var cachedTags = [CAMTTag](repeating: .other, count: 256)

    init(limits: ParseLimits) {
        self.limits = limits
        text = [UInt8](repeating: 0, count: 256)
    }

    private mutating func tag(for name: UnsafePointer<UInt8>) -> CAMTTag {
        // Fibonacci hashing spreads the closely packed addresses of libxml2's name pool.
        let slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: name)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        if cachedNames[slot] == name { return cachedTags[slot] }
        let tag = CAMTTag.lookup(name)
        cachedNames[slot] = name
        cachedTags[slot] = tag
        return tag
    }

    // MARK: SAX events

    mutating func startElement(
        _ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, attributes: XMLAttributes, line: Int
    ) throws(StatementParseError) {
        self.line = line
        let index = stack.depth
        guard index < limits.maximumDepth else {
            throw failure("elements are nested deeper than \(limits.maximumDepth) levels")
        }
        let tag = tag(for: name)
        stack.push(tag)
        textCount = 0
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
        if tag != .other { try close(tag, at: index) }
        stack.pop()
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws(StatementParseError) {
        guard collecting else { return }
        let needed = textCount + bytes.count
        guard needed <= limits.maximumTextLength else {
            throw failure("text longer than \(limits.maximumTextLength) bytes")
        }
        if needed > text.count { text += [UInt8](repeating: 0, count: max(needed - text.count, text.count)) }
        let start = textCount
        text.withUnsafeMutableBytes { buffer in
            UnsafeMutableRawBufferPointer(rebasing: buffer[start..<needed]).copyMemory(from: UnsafeRawBufferPointer(bytes))
        }
        textCount = needed
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
        events.append(.begin(header))
    }

    private mutating func beginEntry(at index: Int) throws(StatementParseError) {
        try emitHeaderIfNeeded()
        guard entryCount < limits.maximumEntriesPerStatement else {
            throw failure("more than \(limits.maximumEntriesPerStatement) entries in one statement")
        }
        entryDepth = index
        entry = CAMTEntryDraft(sourceLine: line, position: entryCount)
    }

    private mutating func beginTransaction(at index: Int) throws(StatementParseError) {
        guard entry.entry.transactions.count < limits.maximumTransactionsPerEntry else {
            throw failure("more than \(limits.maximumTransactionsPerEntry) transactions in one entry")
        }
        transactionDepth = index
        transaction = CAMTTransactionDraft(position: entry.entry.transactions.count,
                                           entryCreditDebit: entry.creditDebit ?? .credit)
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
            // Move the draft out rather than copy it: it is replaced at the next TxDtls anyway.
            var finished = CAMTTransactionDraft(position: 0, entryCreditDebit: .credit)
            swap(&finished, &transaction)
            entry.entry.transactions.append(finished.build(entryCreditDebit: entry.creditDebit))
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
            events.append(.end(trailer, verifier.verify(balances: trailer.balances)))
            statementDepth = nil
        } else if index == messageDepth {
            guard statementsInMessage > 0 else {
                throw failure("holds no \(CAMTMessageIdentity.statementTag(for: messageTag).name): nothing to read")
            }
            messageDepth = nil
        }
    }

    private mutating func finishEntry() throws(StatementParseError) {
        switch entry.build() {
        case .success(let value):
            verifier.add(value)
            events.append(.entry(value))
            entryCount += 1
            entryDepth = nil
        case .failure(let missing):
            throw StatementParseError(line: entry.sourceLine, element: stack.path(), message: "missing \(missing.name)")
        }
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
            headerVersion = CAMTMessageIdentity.headerVersion(Array(trimmed))
        }
    }

    private mutating func chargeLeaf(_ key: UInt64) throws(StatementParseError) {
        switch key {
        case PathKey.of(.Amt), PathKey.of(.Rcrd, .Amt):
            if !trimmed.isEmpty { charge.amount = try money() }
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
