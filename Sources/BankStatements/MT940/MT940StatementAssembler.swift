/// Builds one statement at a time from finished fields and reports it as events.
///
/// Only the current statement's header, balances and one pending entry are held, so memory does
/// not grow with the file. An entry is reported once the field after its `:86:` arrives.
struct MT940StatementAssembler {
    let options: ParseOptions
    /// `true`/`false` when the SWIFT envelope names the message type (`{2:O942…}`), else `nil`.
    var envelopeSaysMT942: Bool?

    private(set) var inStatement = false
    private(set) var statementCount = 0
    private var header = StatementHeader(format: .mt940)
    private var begun = false
    private var sawAccount = false
    private var opening: Balance?
    private var closing: Balance?
    private var otherBalances: [Balance] = []
    private var trailer = StatementTrailer()
    private var sawMT942Field = false
    private var afterClosing = false
    private var verifier = BalanceVerifier()
    private var entryCount = 0
    private var pending: (line: MT940StatementLine, sourceLine: Int, hasInformation: Bool, nonSwift: String?)?
    /// The pending entry's `:86:` bytes; the storage is reused from entry to entry.
    private var information: [UInt8] = []
    /// Storage the `:86:` readers reuse for joined lines.
    private var scratch: [UInt8] = []

    init(options: ParseOptions) { self.options = options }

    /// `true` when an `:86:` now would describe the last entry, not the statement.
    var expectsEntryInformation: Bool { pending != nil && !afterClosing }

    mutating func handle(_ field: MT940Field, onEvent: (StatementEvent) throws -> Void) throws {
        if case .transactionReference = field.tag {
            if inStatement { try finish(onEvent: onEvent) }
            start(field)
            return
        }
        guard inStatement else {
            throw StatementParseError(line: field.line, message: "expected :20: to start a statement, found \(MT940Parser.name(of: field.tag))")
        }
        switch field.tag {
        case .transactionReference:
            break
        case .relatedReference:
            header.relatedReference = text(field)
        case .account:
            header.account = MT940AccountField.parse(field)
            sawAccount = true
        case .statementNumber:
            let number = text(field)
            header.sequenceNumber = number
            if let slash = number.firstIndex(of: "/"), let page = Int(number[number.index(after: slash)...].prefix(9)) {
                header.pageNumber = page
            }
        case .openingBalance(let final):
            let balance = try MT940BalanceField.parse(field, kind: final ? .openingBooked : .interimBooked, tagName: final ? ":60F:" : ":60M:", fallbackCurrency: header.account.currency)
            opening = balance
            if header.account.currency == nil { header.account.currency = balance.amount.currency }
        case .statementLine:
            try flushEntry(onEvent: onEvent)
            try beginIfNeeded(onEvent: onEvent)
            guard let currency = opening?.amount.currency ?? floorLimitCurrency ?? header.account.currency else {
                throw StatementParseError(line: field.line, message: ":61: no currency known: expected :60F:/:60M: or a currency after the :25: account")
            }
            guard entryCount < options.limits.maximumEntriesPerStatement else {
                throw StatementParseError(line: field.line, message: "more than \(options.limits.maximumEntriesPerStatement) entries in one statement")
            }
            pending = (try MT940StatementLine.parse(field, currency: currency), field.line, false, nil)
        case .information:
            if expectsEntryInformation, pending?.hasInformation == false {
                pending?.hasInformation = true
                information.removeAll(keepingCapacity: true)
                information.append(contentsOf: field.bytes)
            } else {
                let info = MT940Text.string(field.bytes, 0..<field.bytes.count)
                trailer.additionalInfo = trailer.additionalInfo.map { $0 + "\n" + info } ?? info
            }
        case .closingBalance(let final):
            try flushEntry(onEvent: onEvent)
            closing = try MT940BalanceField.parse(field, kind: final ? .closingBooked : .interimBooked, tagName: final ? ":62F:" : ":62M:", fallbackCurrency: statementCurrency)
            afterClosing = true
        case .closingAvailable:
            try flushEntry(onEvent: onEvent)
            otherBalances.append(try MT940BalanceField.parse(field, kind: .closingAvailable, tagName: ":64:", fallbackCurrency: statementCurrency))
        case .forwardAvailable:
            try flushEntry(onEvent: onEvent)
            otherBalances.append(try MT940BalanceField.parse(field, kind: .forwardAvailable, tagName: ":65:", fallbackCurrency: statementCurrency))
        case .floorLimit:
            sawMT942Field = true
            trailer.floorLimits.append(text(field))
        case .dateTime:
            sawMT942Field = true
            trailer.dateTimeIndication = text(field)
        case .debitSummary, .creditSummary:
            sawMT942Field = true
            try summary(field)
        case .nonSwift:
            if expectsEntryInformation { pending?.nonSwift = MT940Text.string(field.bytes, 0..<field.bytes.count) }
        }
    }

    /// Completes the current statement: reports its last entry and its balances.
    mutating func finish(onEvent: (StatementEvent) throws -> Void) throws {
        guard inStatement else { return }
        try flushEntry(onEvent: onEvent)
        let isMT942 = format == .mt942
        if !sawAccount {
            throw StatementParseError(line: header.sourceLine, message: "statement \(header.id ?? "") has no account :25:")
        }
        if !isMT942 {
            if opening == nil {
                throw StatementParseError(line: header.sourceLine, message: "statement \(header.id ?? "") has no opening balance :60F:/:60M:")
            }
            if closing == nil {
                throw StatementParseError(line: header.sourceLine, message: "statement \(header.id ?? "") has no closing balance :62F:/:62M: (file truncated?)")
            }
        }
        try beginIfNeeded(onEvent: onEvent)
        // An opening ITBD goes first and a closing one last, so the verifier pairs them.
        var balances: [Balance] = []
        if let opening { balances.append(opening) }
        balances += otherBalances
        if let closing { balances.append(closing) }
        trailer.balances = balances
        let verification = verifier.verify(balances: balances)
        inStatement = false
        statementCount += 1
        try onEvent(.end(trailer, verification))
    }

    private var format: StatementFormat {
        if let envelopeSaysMT942 { return envelopeSaysMT942 ? .mt942 : .mt940 }
        return sawMT942Field && opening == nil ? .mt942 : .mt940
    }

    private var statementCurrency: Currency? { opening?.amount.currency ?? header.account.currency }

    private var floorLimitCurrency: Currency? {
        guard let first = trailer.floorLimits.first, first.utf8.count >= 3 else { return nil }
        return Currency(code: first.prefix(3))
    }

    private mutating func start(_ field: MT940Field) {
        let id = text(field)
        header = StatementHeader(format: .mt940, messageId: id, id: id, sourceLine: field.line)
        begun = false
        sawAccount = false
        opening = nil
        closing = nil
        otherBalances = []
        trailer = StatementTrailer()
        sawMT942Field = false
        afterClosing = false
        entryCount = 0
        pending = nil
        inStatement = true
    }

    private mutating func beginIfNeeded(onEvent: (StatementEvent) throws -> Void) throws {
        guard !begun else { return }
        begun = true
        header.format = format
        verifier = BalanceVerifier(currency: opening?.amount.currency ?? header.account.currency)
        try onEvent(.begin(header))
    }

    private mutating func flushEntry(onEvent: (StatementEvent) throws -> Void) throws {
        guard let (line, sourceLine, hasInformation, nonSwift) = pending.take() else { return }
        // The transaction is moved into its array and built there in place (the subscript
        // yields it for mutation), so it is never copied.
        var transactions: [Transaction] = []
        transactions.reserveCapacity(1)
        transactions.append(Transaction(position: 0, amount: line.amount, creditDebit: line.creditDebit))
        transactions[0].references.customerReference = line.customerReference
        MT940StatementAssembler.counterpartyFromStatementLine(line, into: &transactions[0])
        var raw: String?
        if hasInformation {
            let utf8 = information.withUnsafeBufferPointer { bytes in
                let utf8 = MT940Text.isUTF8(bytes)
                raw = MT940Text.string(bytes, utf8: utf8)
                return utf8
            }
            var details = MT940Details()
            MT940Information.parse(information, utf8: utf8, scratch: &scratch, into: &transactions[0], details: &details)
            details.resolve(into: &transactions[0])
        }
        let entry = Entry(
            position: entryCount, sourceLine: sourceLine, amount: line.amount, creditDebit: line.creditDebit,
            reversal: line.reversal, status: line.expected ? .pending : .booked, bookingDate: line.bookingDate,
            valueDate: line.valueDate, accountServicerReference: line.bankReference,
            bankTransactionCode: BankTransactionCode(proprietaryCode: line.typeCode, proprietaryIssuer: "SWIFT"),
            transactions: transactions, additionalInfo: nonSwift, fundsCode: line.fundsCode,
            supplementaryDetails: line.supplementaryDetails, rawInformation: raw)
        entryCount += 1
        verifier.add(entry)
        try onEvent(.entry(consume entry))
    }

    /// ASN and SNS give the other side's IBAN as the customer reference and its name on the next
    /// line; Rabobank gives the other account alone on the next line.
    private static func counterpartyFromStatementLine(_ line: MT940StatementLine, into transaction: inout Transaction) {
        // Most banks write a reference and `/`-led codes (or nothing) there: nothing to look at.
        if !line.referenceIsIBAN {
            guard let details = line.supplementaryDetails, !startsWithSlash(details) else { return }
        }
        var party = Party()
        if line.referenceIsIBAN {
            party.iban = line.customerReference
            transaction.references.customerReference = nil
            if let details = line.supplementaryDetails, !details.hasPrefix("/") {
                party.name = String(details.split(separator: "\n").first ?? "")
            }
        } else if let details = line.supplementaryDetails, !details.hasPrefix("/"), !details.contains(" ") {
            let bytes = Array(details.utf8)
            if MT940Bytes.looksLikeIBAN(bytes, 0..<bytes.count) {
                party.iban = details
            } else if bytes.count >= 7, bytes.allSatisfy(MT940Bytes.isDigit) {
                party.otherAccount = details
            }
        }
        guard !party.isEmpty else { return }
        if transaction.creditDebit == .credit { transaction.debtor = party } else { transaction.creditor = party }
    }

    /// `details.hasPrefix("/")`, answered from the first bytes when the slash is followed by ASCII
    /// (which always starts a new character).
    private static func startsWithSlash(_ details: String) -> Bool {
        var bytes = details.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "/") else { return false }
        guard let next = bytes.next() else { return true }
        return next < 0x80 ? true : details.hasPrefix("/")
    }

    private func text(_ field: MT940Field) -> String {
        let joined = field.joined
        return MT940Text.string(joined, MT940Bytes.trim(joined, 0..<joined.count))
    }

    /// `:90D:`/`:90C:`: number of entries, currency, total.
    private mutating func summary(_ field: MT940Field) throws {
        let bytes = field.joined
        var index = 0
        while index < bytes.count, MT940Bytes.isDigit(bytes[index]), index < 9 { index += 1 }
        let count = MT940Bytes.number(bytes, at: 0, count: index)
        guard index + 3 <= bytes.count, let currency = Currency(code: String(decoding: bytes[index..<(index + 3)], as: UTF8.self)) else {
            throw StatementParseError(line: field.line, message: "\(MT940Parser.name(of: field.tag)) expected a count, a currency and an amount, found '\(field.excerpt(0..<field.bytes.count))'")
        }
        let total = try MT940Amount.parse(bytes, (index + 3)..<bytes.count, currency: currency, line: field.line, field: MT940Parser.name(of: field.tag))
        var summary = trailer.summary ?? TransactionsSummary()
        if field.tag == .debitSummary {
            summary.debitCount = count
            summary.debitTotal = total
        } else {
            summary.creditCount = count
            summary.creditTotal = total
        }
        trailer.summary = summary
    }
}
