/// The `:61:` statement line: one booking.
///
/// `YYMMDD[MMDD](C|D|RC|RD|EC|ED)[funds code]amount(N|F|S)xxx[customer ref][//bank ref]` and, on
/// the following line, supplementary details.
struct MT940StatementLine {
    var valueDate: CalendarDate
    var bookingDate: CalendarDate?
    var creditDebit: CreditDebit
    var reversal: Bool
    /// MT942 `EC`/`ED`: an expected booking, not yet on the balance.
    var expected: Bool
    var fundsCode: String?
    var amount: Money
    var typeCode: String
    var customerReference: String?
    var bankReference: String?
    var supplementaryDetails: String?
    /// `true` when the customer reference has the shape of an IBAN (ASN and SNS put the other
    /// side's account there).
    var referenceIsIBAN: Bool

    private enum Outcome {
        case parsed(MT940StatementLine)
        /// The line stopped before the transaction type: some banks wrap it early.
        case incomplete
    }

    static func parse(_ field: MT940Field, currency: Currency) throws(StatementParseError) -> MT940StatementLine {
        try field.bytes.withUnsafeBufferPointer { bytes throws(StatementParseError) in
            try parse(bytes, line: field.line, currency: currency)
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, currency: Currency)
        throws(StatementParseError) -> MT940StatementLine
    {
        var mainEnd = lineEnd(bytes, from: 0)
        var outcome = try parseMain(UnsafeBufferPointer(rebasing: bytes[0..<mainEnd]), line: line, currency: currency)
        if case .incomplete = outcome {
            // Rare: the line was wrapped before the transaction type. Glue lines until it parses.
            var main = Array(bytes[0..<mainEnd])
            while case .incomplete = outcome {
                guard mainEnd < bytes.count else {
                    throw StatementParseError(line: line, message: ":61: ends before the amount and transaction type, found '\(MT940Text.string(main, 0..<min(main.count, 40)))'")
                }
                let next = lineEnd(bytes, from: mainEnd + 1)
                main.append(contentsOf: bytes[(mainEnd + 1)..<next])
                mainEnd = next
                outcome = try main.withUnsafeBufferPointer { joined throws(StatementParseError) in
                    try parseMain(joined, line: line, currency: currency)
                }
            }
        }
        guard case .parsed(var result) = outcome else {
            throw StatementParseError(line: line, message: ":61: ends before the amount and transaction type")
        }
        if mainEnd < bytes.count {
            result.supplementaryDetails = supplementary(bytes, from: mainEnd + 1)
        }
        return result
    }

    /// The end of the line that starts at `start`.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        return index
    }

    /// The lines from `start` on, each decoded on its own, empty ones left out, joined with `\n`.
    private static func supplementary(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
        let rest = UnsafeBufferPointer(rebasing: bytes[start...])
        // Printable ASCII without empty lines reads the same as a whole.
        var plain = !rest.isEmpty && rest[0] != 0x0A && rest[rest.count - 1] != 0x0A
        if plain {
            var previous: UInt8 = 0
            for byte in rest {
                if byte &- 0x20 < 0x5F || byte == 0x09 || (byte == 0x0A && previous != 0x0A) {
                    previous = byte
                    continue
                }
                plain = false
                break
            }
        }
        if plain { return String(decoding: rest, as: UTF8.self) }
        var lines: [String] = []
        var lineStart = 0
        while lineStart <= rest.count {
            let end = lineEnd(rest, from: lineStart)
            let text = MT940Text.string(UnsafeBufferPointer(rebasing: rest[lineStart..<end]))
            if !text.isEmpty { lines.append(text) }
            lineStart = end + 1
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    private static func parseMain(_ b: UnsafeBufferPointer<UInt8>, line: Int, currency: Currency) throws(StatementParseError) -> Outcome {
        var i = 0
        guard let valueDate = MT940Date.yymmdd(b, at: i) else {
            throw StatementParseError(line: line, message: ":61: expected a value date YYMMDD, found '\(MT940Date.shown(b, at: i, count: 6))'")
        }
        i += 6
        var bookingDate: CalendarDate?
        if let month = MT940Bytes.number(b, at: i, count: 2), let day = MT940Bytes.number(b, at: i + 2, count: 2) {
            guard let date = MT940Date.nearest(month: month, day: day, to: valueDate) else {
                throw StatementParseError(line: line, message: ":61: expected an entry date MMDD, found '\(MT940Date.shown(b, at: i, count: 4))', which is not a day of the year")
            }
            bookingDate = date
            i += 4
        } else if i + 4 <= b.count, b[i..<(i + 4)].allSatisfy({ $0 == 0x20 }) {
            i += 4
        }
        if i >= b.count { return .incomplete }
        var reversal = false
        var expected = false
        if i + 1 < b.count, b[i] == UInt8(ascii: "R") || b[i] == UInt8(ascii: "E"),
           b[i + 1] == UInt8(ascii: "C") || b[i + 1] == UInt8(ascii: "D") {
            reversal = b[i] == UInt8(ascii: "R")
            expected = b[i] == UInt8(ascii: "E")
            i += 1
        }
        guard i < b.count, b[i] == UInt8(ascii: "C") || b[i] == UInt8(ascii: "D") else {
            throw StatementParseError(line: line, message: ":61: expected a debit/credit mark C, D, RC, RD, EC or ED, found '\(MT940Date.shown(b, at: i, count: 3))'")
        }
        var creditDebit: CreditDebit = b[i] == UInt8(ascii: "C") ? .credit : .debit
        // RC reverses a credit, so money leaves the account; RD brings a debit back.
        if reversal { creditDebit = creditDebit.opposite }
        i += 1
        var fundsCode: String?
        if i < b.count, MT940Bytes.isLetter(b[i]) {
            fundsCode = String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + 1)]), as: UTF8.self)
            i += 1
        }
        if i >= b.count { return .incomplete }
        let amountEnd = MT940Amount.end(b, from: i, to: b.count)
        guard amountEnd > i else {
            throw StatementParseError(line: line, message: ":61: expected an amount, found '\(MT940Date.shown(b, at: i, count: 15))'")
        }
        let amount = try MT940Amount.parse(UnsafeBufferPointer(rebasing: b[i..<amountEnd]), currency: currency, line: line, field: ":61:")
        i = amountEnd
        if i >= b.count { return .incomplete }
        // SWIFT says N, F or S plus three characters; banks also write other letters (MCI0) or
        // only two more (Triodos `NET`, Sberbank `S`), so a letter and up to three letters or
        // digits are taken.
        guard MT940Bytes.isLetter(b[i]) else {
            throw StatementParseError(line: line, message: ":61: expected a transaction type such as NTRF after the amount, found '\(MT940Date.shown(b, at: i, count: 4))'")
        }
        var typeEnd = i + 1
        while typeEnd < b.count, typeEnd < i + 4, MT940Bytes.isAlphanumeric(b[typeEnd]) { typeEnd += 1 }
        let typeCode = String(decoding: UnsafeBufferPointer(rebasing: b[i..<typeEnd]), as: UTF8.self)
        i = typeEnd
        var referenceEnd = b.count
        var bankReference: String?
        var search = i
        while search + 1 < b.count {
            if b[search] == UInt8(ascii: "/") && b[search + 1] == UInt8(ascii: "/") {
                referenceEnd = search
                let bank = MT940Bytes.trim(b, (search + 2)..<b.count)
                if !bank.isEmpty { bankReference = MT940Text.string(UnsafeBufferPointer(rebasing: b[bank])) }
                break
            }
            search += 1
        }
        let customer = MT940Bytes.trim(b, i..<referenceEnd)
        var customerReference: String?
        if !customer.isEmpty {
            let text = MT940Text.string(UnsafeBufferPointer(rebasing: b[customer]))
            customerReference = MT940Details.meaningful(text)
        }
        return .parsed(MT940StatementLine(
            valueDate: valueDate, bookingDate: bookingDate, creditDebit: creditDebit, reversal: reversal,
            expected: expected, fundsCode: fundsCode, amount: amount, typeCode: typeCode,
            customerReference: customerReference, bankReference: bankReference, supplementaryDetails: nil,
            referenceIsIBAN: MT940Bytes.looksLikeIBAN(b, customer)))
    }
}
