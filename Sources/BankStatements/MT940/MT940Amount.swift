/// MT940 amounts: digits with a decimal comma (`80,`, `,32`, `0001234,5`), or a dot from banks
/// that ignore the standard.
enum MT940Amount {
    /// The amount in `bytes[range]` as money of `currency`.
    ///
    /// - Throws: `StatementParseError` at `line` saying which field held the bad amount.
    static func parse(_ bytes: [UInt8], _ range: Range<Int>, currency: Currency, line: Int, field: String)
        throws(StatementParseError) -> Money
    {
        try bytes.withUnsafeBufferPointer { buffer throws(StatementParseError) in
            try parse(UnsafeBufferPointer(rebasing: buffer[range]), currency: currency, line: line, field: field)
        }
    }

    /// The amount in `bytes` as money of `currency`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, currency: Currency, line: Int, field: String)
        throws(StatementParseError) -> Money
    {
        do {
            let units = try DecimalAmount.minorUnits(from: bytes, exponent: currency.exponent, options: .eitherDecimal)
            return Money(minorUnits: units, currency: currency)
        } catch {
            throw StatementParseError(line: line, message: "\(field): \(error) for \(currency.code)")
        }
    }

    /// The end of the amount that starts at `start`: digits and at most one `,` or `.`.
    static func end(_ bytes: [UInt8], from start: Int, to limit: Int) -> Int {
        bytes.withUnsafeBufferPointer { end($0, from: start, to: limit) }
    }

    /// The end of the amount that starts at `start`: digits and at most one `,` or `.`.
    static func end(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to limit: Int) -> Int {
        var index = start
        var separators = 0
        while index < limit {
            let byte = bytes[index]
            if MT940Bytes.isDigit(byte) {
                index += 1
            } else if (byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")) && separators == 0 {
                separators += 1
                index += 1
            } else {
                break
            }
        }
        return index
    }
}
