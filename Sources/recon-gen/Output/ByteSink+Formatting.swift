import BankStatements

/// Numbers, dates and escaped text written straight as bytes.
extension ByteSink {
    /// An integer in decimal, zero-padded to `width` digits (at most 20).
    func integer(_ value: Int, width: Int = 1) {
        if value < 0 { byte(UInt8(ascii: "-")) }
        digits(UInt64(value.magnitude), width: width, separatorBefore: -1, separator: 0)
    }

    /// An unsigned amount in minor units as decimal text: `1234.50` (XML) or `1234,50` (MT940).
    func amount(_ minorUnits: Int64, exponent: Int = 2, separator: UInt8 = UInt8(ascii: ".")) {
        digits(minorUnits.magnitude, width: exponent + 1, separatorBefore: exponent, separator: separator)
    }

    /// Writes `value` with at least `width` digits, putting `separator` before the last
    /// `separatorBefore` digits; built in a fixed buffer so that no number allocates.
    private func digits(_ value: UInt64, width: Int, separatorBefore: Int, separator: UInt8) {
        var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { raw in
            var position = raw.count
            var rest = value
            var written = 0
            repeat {
                if written == separatorBefore && separatorBefore > 0 {
                    position -= 1
                    raw[position] = separator
                }
                position -= 1
                raw[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                written += 1
            } while (rest > 0 || written < width) && position > 1
            append(UnsafeRawBufferPointer(rebasing: raw[position...]))
        }
    }

    /// `YYYY-MM-DD`.
    func isoDate(_ date: CalendarDate) {
        integer(date.year, width: 4)
        byte(UInt8(ascii: "-"))
        integer(date.month, width: 2)
        byte(UInt8(ascii: "-"))
        integer(date.day, width: 2)
    }

    /// `YYMMDD`, the SWIFT date.
    func swiftDate(_ date: CalendarDate) {
        integer(date.year % 100, width: 2)
        integer(date.month, width: 2)
        integer(date.day, width: 2)
    }

    /// Text inside an XML element or attribute, with the five special characters escaped.
    func xmlText(_ text: String) {
        let special = text.utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        if !special {
            write(text)
            return
        }
        for unit in text.utf8 {
            switch unit {
            case UInt8(ascii: "&"): write("&amp;" as StaticString)
            case UInt8(ascii: "<"): write("&lt;" as StaticString)
            case UInt8(ascii: ">"): write("&gt;" as StaticString)
            case UInt8(ascii: "\""): write("&quot;" as StaticString)
            case UInt8(ascii: "'"): write("&apos;" as StaticString)
            default: byte(unit)
            }
        }
    }

    /// `<name>text</name>` with the text escaped.
    func element(_ name: StaticString, _ text: String) {
        byte(UInt8(ascii: "<")); write(name); byte(UInt8(ascii: ">"))
        xmlText(text)
        write("</" as StaticString); write(name); byte(UInt8(ascii: ">"))
    }
}
