/// Turning the collected text of a leaf into model values, with located errors.
extension CAMTDocumentReader {
    /// The leaf's text without surrounding XML white space; valid until the next SAX event.
    var trimmed: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(text.trimmed) }

    /// The leaf's text, `nil` when empty. libxml2 delivers UTF-8, and decoding repairs anything else.
    func string() -> String? { Self.string(text.trimmed) }

    static func string(_ value: UnsafeMutableBufferPointer<UInt8>) -> String? {
        value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }

    /// An IBAN or BIC: upper case, spaces removed.
    func identifier() -> String? { Self.identifier(text.trimmed) }

    /// Rewrites the leaf's text in place, which is read only once.
    static func identifier(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> String? {
        var count = 0
        for byte in bytes where byte != UInt8(ascii: " ") {
            bytes[count] = byte >= 97 && byte <= 122 ? byte - 32 : byte
            count += 1
        }
        return count == 0 ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<count]), as: UTF8.self)
    }

    /// The leaf's text, `nil` when empty or a placeholder such as `NOTPROVIDED` (see
    /// `TransactionReferences.isPlaceholder`), checked on the bytes before a `String` is made.
    mutating func reference() -> String? {
        let value = trimmed
        if value.isEmpty || Self.isPlaceholder(value) { return nil }
        return String(decoding: value, as: UTF8.self)
    }

    /// What `TransactionReferences.isPlaceholder` says, without making a `String` for ASCII text.
    private static func isPlaceholder(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        if value.contains(where: { $0 >= 0x80 }) {
            return TransactionReferences.isPlaceholder(String(decoding: value, as: UTF8.self))
        }
        return equalIgnoringCase(value, "NOTPROVIDED") || equalIgnoringCase(value, "NONREF")
            || equalIgnoringCase(value, "NOT PROVIDED")
    }

    private static func equal(_ value: UnsafeBufferPointer<UInt8>, _ expected: StaticString) -> Bool {
        expected.withUTF8Buffer { expected in
            guard expected.count == value.count else { return false }
            for index in 0..<value.count where value[index] != expected[index] { return false }
            return true
        }
    }

    private static func equalIgnoringCase(_ value: UnsafeBufferPointer<UInt8>, _ upper: StaticString) -> Bool {
        upper.withUTF8Buffer { expected in
            guard expected.count == value.count else { return false }
            for index in 0..<value.count {
                let byte = value[index]
                if (byte >= 97 && byte <= 122 ? byte - 32 : byte) != expected[index] { return false }
            }
            return true
        }
    }

    /// An amount in the currency of its `Ccy` attribute, else of the account.
    mutating func money(currency: Currency? = nil) throws(StatementParseError) -> Money {
        guard let currency = currency ?? amountCurrency ?? header.account.currency else {
            throw failure("amount without a currency (no Ccy attribute and no account currency)")
        }
        do {
            return Money(minorUnits: try DecimalAmount.minorUnits(from: trimmed, exponent: currency.exponent),
                         currency: currency)
        } catch {
            throw failure("\(error) in \(currency.code)")
        }
    }

    /// A total that some banks write with a sign (Wise's `TtlDbtNtries/Sum` is `-509.12`), though
    /// the schema has none.
    mutating func signedMoney(_ currency: Currency) throws(StatementParseError) -> Money {
        do {
            return Money(minorUnits: try DecimalAmount.minorUnits(from: trimmed, exponent: currency.exponent,
                                                                  options: .signed),
                         currency: currency)
        } catch {
            throw failure("\(error) in \(currency.code)")
        }
    }

    /// `YYYY-MM-DD`, or the day of a date-time as written (its offset is not applied).
    mutating func date() throws(StatementParseError) -> CalendarDate {
        guard let value = Self.calendarDate(trimmed) else {
            throw failure("'\(shown)' is not a date (expected YYYY-MM-DD)")
        }
        return value
    }

    /// What `CalendarDate(isoBytes:)` reads, without the array it makes: `YYYY-MM-DD`, then
    /// nothing or a time or zone part starting with `T`, ` `, `Z`, `+` or `-`.
    static func calendarDate(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2)
        else { return nil }
        if bytes.count > 10 {
            let next = bytes[10]
            guard next == UInt8(ascii: "T") || next == UInt8(ascii: " ") || next == UInt8(ascii: "Z")
                || next == UInt8(ascii: "+") || next == UInt8(ascii: "-")
            else { return nil }
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// An entry status; the usual `BOOK` is recognised without making a `String`.
    func status() -> EntryStatus? {
        let value = trimmed
        if Self.equal(value, "BOOK") { return .booked }
        return string().map { EntryStatus(code: $0) }
    }

    mutating func direction() throws(StatementParseError) -> CreditDebit {
        if Self.equal(trimmed, "CRDT") { return .credit }
        if Self.equal(trimmed, "DBIT") { return .debit }
        throw failure("'\(shown)' is not CRDT or DBIT")
    }

    mutating func boolean() throws(StatementParseError) -> Bool {
        if Self.equal(trimmed, "true") || Self.equal(trimmed, "1") { return true }
        if Self.equal(trimmed, "false") || Self.equal(trimmed, "0") { return false }
        throw failure("'\(shown)' is not true or false")
    }

    mutating func integer() throws(StatementParseError) -> Int {
        let digits = trimmed
        guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw failure("'\(shown)' is not a whole number")
        }
        return digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    /// The currency of a `Ccy` attribute or element; `nil` when there is none.
    ///
    /// Nearly every amount repeats the previous one's code, so the last three-byte code and its
    /// currency are kept: the usual case is then one comparison, with no `String` made.
    mutating func currency(_ bytes: UnsafeBufferPointer<UInt8>?) throws(StatementParseError) -> Currency? {
        guard let bytes else { return nil }
        var key: UInt32 = 0
        if bytes.count == 3 {
            key = 1 << 24 | UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16
            if let lastCurrency, lastCurrency.key == key { return lastCurrency.currency }
        }
        guard let value = Currency(code: String(decoding: bytes, as: UTF8.self)) else {
            throw failure("'\(String(decoding: bytes.prefix(20), as: UTF8.self))' is not a currency code")
        }
        if key != 0 { lastCurrency = (key, value) }
        return value
    }

    /// An error at the current element and line.
    mutating func failure(_ message: String) -> StatementParseError {
        StatementParseError(line: line, element: stack.path(), message: message)
    }

    /// The leaf's text, cut short for messages.
    private var shown: String {
        let value = trimmed
        return String(decoding: value.prefix(40), as: UTF8.self) + (value.count > 40 ? "…" : "")
    }
}
