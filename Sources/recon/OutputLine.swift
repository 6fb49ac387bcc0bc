import BankStatements

/// One line of output assembled as bytes.
///
/// `recon parse` prints a summary for every statement; built from interpolated Strings, the
/// dates and amounts in it cost more than parsing the statement's entries.
struct OutputLine {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(128) }

    /// Empties the line, keeping its storage for the next one.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func add(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func add(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `text` then spaces up to `width` characters, or one space when it is already as long.
    mutating func add(_ text: String, paddedTo width: Int) {
        add(text)
        let count = text.count
        let spaces = count >= width ? 1 : width - count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces))
    }

    /// A decimal number, at least `width` digits with leading zeros.
    mutating func add(_ value: Int, width: Int = 1) {
        DecimalText.withDigits(of: UInt64(value.magnitude), width: width, negative: value < 0) {
            bytes.append(contentsOf: $0)
        }
    }

    /// `YYYY-MM-DD`, as `CalendarDate.description` writes it.
    mutating func add(_ date: CalendarDate) {
        add(date.year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        add(date.month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        add(date.day, width: 2)
    }

    /// Minor units as a decimal text with `exponent` decimals, as `Money.format` writes it.
    mutating func add(minorUnits: Int64, exponent: Int, separator: Character = ".") {
        DecimalText.withAmount(minorUnits: minorUnits, exponent: exponent, separator: separator) {
            bytes.append(contentsOf: $0)
        }
    }

    /// `1234.50 EUR`, as `Money.description` writes it.
    mutating func add(_ money: Money) {
        add(minorUnits: money.minorUnits, exponent: money.currency.exponent)
        bytes.append(UInt8(ascii: " "))
        add(money.currency.code)
    }
}
