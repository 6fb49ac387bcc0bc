/// Decimal numbers formatted on the stack and handed over as bytes, for the output paths that
/// write millions of amounts, dates and counts (JSON, text and CSV lists), each into its own
/// kind of buffer.
public enum DecimalText {
    /// `value` in decimal digits, at least `width` of them (at most 24), after a `-` when
    /// `negative`.
    @inline(__always)
    public static func withDigits<Result>(
        of value: UInt64, width: Int = 1, negative: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var index = buffer.count
            var rest = value
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while index > 1 && (rest > 0 || buffer.count - index < width)
            if negative {
                index -= 1
                buffer[index] = UInt8(ascii: "-")
            }
            return body(UnsafeBufferPointer(rebasing: buffer[index...]))
        }
    }

    /// Minor units with `exponent` decimals, byte for byte what `Money.format` writes.
    public static func withAmount<Result>(
        minorUnits: Int64, exponent: Int, separator: Character = ".", _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        // No real currency has more than four decimals; anything odd goes through the String path.
        guard exponent >= 0 && exponent <= 18, let separatorByte = separator.asciiValue else {
            var text = Money.format(minorUnits: minorUnits, exponent: exponent, separator: separator)
            return text.withUTF8(body)
        }
        // At most 20 digits, 18 decimals, a separator and a sign.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var index = buffer.count
            var rest = minorUnits.magnitude
            if exponent > 0 {
                for _ in 0..<exponent {
                    index -= 1
                    buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                index -= 1
                buffer[index] = separatorByte
            }
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if minorUnits < 0 {
                index -= 1
                buffer[index] = UInt8(ascii: "-")
            }
            return body(UnsafeBufferPointer(rebasing: buffer[index...]))
        }
    }
}
