import BankStatements

/// Numbers, dates and escaped text written straight as bytes.
extension ByteSink {
    /// A non-negative integer in decimal, zero-padded to `width` digits.
    func integer(_ value: Int, width: Int = 1) {
        var digits: [UInt8] = []
        var rest = value.magnitude
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        if value < 0 { byte(UInt8(ascii: "-")) }
        var padding = width - digits.count
        while padding > 0 { byte(UInt8(ascii: "0")); padding -= 1 }
        for digit in digits.reversed() { byte(digit) }
    }

    /// An unsigned amount in minor units as decimal text: `1234.50` (XML) or `1234,50` (MT940).
    func amount(_ minorUnits: Int64, exponent: Int = 2, separator: UInt8 = UInt8(ascii: ".")) {
        var digits: [UInt8] = []
        var rest = minorUnits.magnitude
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        while digits.count <= exponent { digits.append(UInt8(ascii: "0")) }
        for index in stride(from: digits.count - 1, through: 0, by: -1) {
            if index == exponent - 1 { byte(separator) }
            byte(digits[index])
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
