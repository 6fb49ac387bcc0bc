/// Turning the collected text of a leaf into model values, with located errors.
extension CAMTDocumentReader {
    /// The leaf's text without surrounding XML white space.
    var trimmed: ArraySlice<UInt8> {
        mutating get { Self.trim(text, count: textCount) }
    }

    private static func trim(_ text: [UInt8], count: Int) -> ArraySlice<UInt8> {
        var start = 0
        var end = count
        while start < end, Self.isSpace(text[start]) { start += 1 }
        while end > start, Self.isSpace(text[end - 1]) { end -= 1 }
        return text[start..<end]
    }

    /// The leaf's text, `nil` when empty. libxml2 delivers UTF-8, and decoding repairs anything else.
    mutating func string() -> String? {
        let value = trimmed
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }

    /// An IBAN or BIC: upper case, spaces removed.
    mutating func identifier() -> String? {
        let bytes = trimmed.compactMap { byte -> UInt8? in
            if byte == UInt8(ascii: " ") { return nil }
            return byte >= 97 && byte <= 122 ? byte - 32 : byte
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
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
        guard let value = CalendarDate(isoBytes: trimmed) else {
            throw failure("'\(shown)' is not a date (expected YYYY-MM-DD)")
        }
        return value
    }

    mutating func direction() throws(StatementParseError) -> CreditDebit {
        if trimmed.elementsEqual("CRDT".utf8) { return .credit }
        if trimmed.elementsEqual("DBIT".utf8) { return .debit }
        throw failure("'\(shown)' is not CRDT or DBIT")
    }

    mutating func boolean() throws(StatementParseError) -> Bool {
        if trimmed.elementsEqual("true".utf8) || trimmed.elementsEqual("1".utf8) { return true }
        if trimmed.elementsEqual("false".utf8) || trimmed.elementsEqual("0".utf8) { return false }
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
    mutating func currency<Bytes: Collection<UInt8>>(_ bytes: Bytes?) throws(StatementParseError) -> Currency? {
        guard let bytes else { return nil }
        if let amountCurrency, amountCurrency.code.utf8.elementsEqual(bytes) { return amountCurrency }
        guard let value = Currency(code: String(decoding: bytes, as: UTF8.self)) else {
            throw failure("'\(String(decoding: bytes.prefix(20), as: UTF8.self))' is not a currency code")
        }
        return value
    }

    /// An error at the current element and line.
    mutating func failure(_ message: String) -> StatementParseError {
        StatementParseError(line: line, element: stack.path(), message: message)
    }

    /// The leaf's text, cut short for messages.
    private var shown: String {
        let value = Self.trim(text, count: textCount)
        return String(decoding: value.prefix(40), as: UTF8.self) + (value.count > 40 ? "…" : "")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
