/// Turns decimal text into integer minor units, byte by byte, without floating point.
public enum DecimalAmount {
    /// What the text may contain besides digits.
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// A leading `-` or `+` is allowed.
        public static let signed = Options(rawValue: 1)
        /// `,` is the decimal separator (SWIFT MT). Without `.commaDecimal`, `.` is.
        public static let commaDecimal = Options(rawValue: 2)
        /// Either `,` or `.` is accepted as the one decimal separator.
        public static let eitherDecimal = Options(rawValue: 4)
    }

    /// The largest number of digits accepted, so that absurd input fails with a clear error
    /// long before it could overflow.
    public static let maximumDigits = 30

    /// Parses `bytes` (such as `1234.50`, `80,`, `,32`, `-7`) into minor units of a currency with
    /// `exponent` decimals.
    ///
    /// Leading zeros are allowed; decimals beyond `exponent` must be zeros.
    public static func minorUnits(
        from bytes: some Collection<UInt8>, exponent: Int, options: Options = []
    ) throws(AmountError) -> Int64 {
        var index = bytes.startIndex
        guard index != bytes.endIndex else { throw .empty }
        var negative = false
        if options.contains(.signed), bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index = bytes.index(after: index)
        }
        var value: Int64 = 0
        var sawDigit = false
        var sawSeparator = false
        var decimals = 0
        var digitCount = 0
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if byte >= 48 && byte <= 57 {
                sawDigit = true
                digitCount += 1
                if digitCount > maximumDigits { throw .overflow(text: text(bytes)) }
                if sawSeparator {
                    decimals += 1
                    if decimals > exponent {
                        // Extra decimals are fine only while they are zeros: 18.150 EUR is 18.15.
                        if byte != 48 { throw .tooManyDecimals(text: text(bytes), allowed: exponent) }
                        continue
                    }
                }
                let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
                let (added, o2) = shifted.addingReportingOverflow(Int64(byte - 48))
                if o1 || o2 { throw .overflow(text: text(bytes)) }
                value = added
            } else if !sawSeparator && isSeparator(byte, options) {
                sawSeparator = true
            } else {
                throw .invalidCharacter(text: text(bytes))
            }
        }
        guard sawDigit else { throw .invalidCharacter(text: text(bytes)) }
        var missing = exponent - min(decimals, exponent)
        while missing > 0 {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { throw .overflow(text: text(bytes)) }
            value = shifted
            missing -= 1
        }
        return negative ? -value : value
    }

    private static func isSeparator(_ byte: UInt8, _ options: Options) -> Bool {
        if options.contains(.eitherDecimal) { return byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") }
        return byte == (options.contains(.commaDecimal) ? UInt8(ascii: ",") : UInt8(ascii: "."))
    }

    /// The offending text for an error message, cut short so hostile input cannot flood it.
    private static func text(_ bytes: some Collection<UInt8>) -> String {
        let shown = bytes.prefix(40)
        return String(decoding: shown, as: UTF8.self) + (bytes.count > 40 ? "…" : "")
    }
}
