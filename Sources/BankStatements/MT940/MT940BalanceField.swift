/// Reads a balance field (`:60F:`, `:62M:`, `:64:` …): `C` or `D`, `YYMMDD`, currency, amount.
enum MT940BalanceField {
    /// Parses one balance.
    ///
    /// A balance without its currency (seen in a German bank's sample) takes `fallbackCurrency`,
    /// the statement's currency, when there is one; otherwise it is an error.
    static func parse(_ field: MT940Field, kind: Balance.Kind, tagName: String, fallbackCurrency: Currency? = nil)
        throws(StatementParseError) -> Balance
    {
        let bytes = field.joined
        var index = 0
        while index < bytes.count, MT940Bytes.isBlank(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "C") || bytes[index] == UInt8(ascii: "D") else {
            throw StatementParseError(line: field.line, message: "\(tagName) expected C or D, found '\(MT940Date.shown(bytes, at: index, count: 12))'")
        }
        let direction: CreditDebit = bytes[index] == UInt8(ascii: "C") ? .credit : .debit
        index += 1
        guard let date = MT940Date.yymmdd(bytes, at: index) else {
            throw StatementParseError(line: field.line, message: "\(tagName) expected a date YYMMDD, found '\(MT940Date.shown(bytes, at: index, count: 6))'")
        }
        index += 6
        let currency: Currency
        if index + 3 <= bytes.count, let code = Currency(code: String(decoding: bytes[index..<(index + 3)], as: UTF8.self)) {
            currency = code
            index += 3
        } else if let fallbackCurrency, index < bytes.count, MT940Bytes.isDigit(bytes[index]) {
            currency = fallbackCurrency
        } else {
            throw StatementParseError(line: field.line, message: "\(tagName) expected a currency code, found '\(MT940Date.shown(bytes, at: index, count: 3))'")
        }
        var end = bytes.count
        while end > index, MT940Bytes.isBlank(bytes[end - 1]) { end -= 1 }
        let amount = try MT940Amount.parse(bytes, index..<end, currency: currency, line: field.line, field: tagName)
        return Balance(kind: kind, amount: amount, creditDebit: direction, date: date)
    }
}
