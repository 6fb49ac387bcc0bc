import BankStatements

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calendar date on this machine's clock, in its local time zone: the day a credit controller
/// means by "today", not the UTC day.
enum Today {
    static func date() -> CalendarDate {
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CalendarDate(dayNumber: Int(seconds / 86_400))
    }
}

extension Arguments {
    /// Removes `--name YYYY-MM-DD` and returns the date; a malformed date is a usage error.
    mutating func dateOption(_ name: String) throws(UsageError) -> CalendarDate? {
        guard let text = try option(name) else { return nil }
        return try Arguments.date(text, what: name, command: command)
    }

    /// Parses a date given on the command line.
    static func date(_ text: String, what: String, command: String) throws(UsageError) -> CalendarDate {
        guard text.utf8.count == 10, let date = CalendarDate(iso: text) else {
            throw UsageError(command: command, message: "\(what) must be a date YYYY-MM-DD (got '\(text)')")
        }
        return date
    }

    /// Removes `--name N` and returns N, which must be a whole number in `range`.
    mutating func integerOption(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = try option(name) else { return nil }
        guard text.utf8.count <= 9, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let value = Int(text), range.contains(value)
        else {
            throw UsageError(command: command, message: "\(name) must be a whole number \(range.lowerBound)…\(range.upperBound) (got '\(text)')")
        }
        return value
    }
}
