import BankStatements

/// Writes spreadsheet-friendly CSV (RFC 4180): a header row, CRLF line ends, fields quoted when
/// they hold the separator, a quote or a line break, quotes doubled.
///
/// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage
/// return first) gets a leading `'`: customer names and references come from invoices and bank
/// files, and a name such as `=HYPERLINK(…)` must stay text when a credit controller opens the
/// list. Plain numbers (`-12.50`) are left as they are.
struct CSVWriter {
    /// How numbers and fields are written for the spreadsheet that will open the file.
    enum Locale: String {
        /// `,` between fields, `.` in amounts.
        case standard = "en"
        /// Dutch Excel: `;` between fields, `,` in amounts, and a UTF-8 byte order mark so that Excel
        /// reads names with accents correctly.
        case dutch = "nl"

        var separator: String { self == .dutch ? ";" : "," }
        var decimalSeparator: Character { self == .dutch ? "," : "." }
    }

    let locale: Locale

    /// What goes before the header row: the byte order mark for Dutch Excel, else nothing.
    var preamble: String { locale == .dutch ? "\u{FEFF}" : "" }

    /// One record, with its CRLF.
    func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: locale.separator) + "\r\n"
    }

    /// Adds `field` to `line` as `row` writes it, without a separator.
    func add(_ field: String, to line: inout OutputLine) { line.add(quoted(field)) }

    /// An amount with the currency's decimals and the locale's decimal separator.
    func amount(_ money: Money?) -> String {
        guard let money else { return "" }
        return Money.format(minorUnits: money.minorUnits, exponent: money.currency.exponent, separator: locale.decimalSeparator)
    }

    private func quoted(_ field: String) -> String {
        let field = Self.neutralised(field)
        let separator = locale == .dutch ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let needsQuotes = field.utf8.contains { byte in
            byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D || byte == separator
        }
        guard needsQuotes else { return field }
        return "\"" + field.replacingQuotes() + "\""
    }

    /// `field` with a `'` in front when a spreadsheet would read it as a formula.
    static func neutralised(_ field: String) -> String {
        guard let first = field.utf8.first else { return field }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return isPlainNumber(field) ? field : "'" + field
        default:
            return field
        }
    }

    /// A sign, digits and at most one decimal separator: what `amount` writes.
    private static func isPlainNumber(_ field: String) -> Bool {
        var digits = 0
        var separators = 0
        for (index, byte) in field.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."), UInt8(ascii: ","): separators += 1
            case UInt8(ascii: "-") where index == 0, UInt8(ascii: "+") where index == 0: continue
            default: return false
            }
        }
        return digits > 0 && separators <= 1
    }
}

private extension String {
    func replacingQuotes() -> String {
        var result = ""
        for character in self {
            if character == "\"" { result += "\"\"" } else { result.append(character) }
        }
        return result
    }
}
