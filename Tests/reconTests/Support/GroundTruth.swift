import Foundation

/// One booking of a generated scenario's `truth.csv`: what recon-gen says it really is.
struct TruthRow {
    /// The `allocation` column.
    enum Allocation: Equatable {
        /// Invoice number → amount in cents paid to it by this booking.
        case invoices([String: Int64])
        /// Not an invoice payment (rent, salaries, a stranger, bank interest, …).
        case none
        /// A returned direct debit: the invoice whose collection came back.
        case returnOf(String)
    }

    let bankReference: String
    let endToEndId: String
    let isCredit: Bool
    let amount: Int64
    let caseName: String
    let allocation: Allocation

    /// The invoices this booking pays, empty when it pays none.
    var invoices: [String: Int64] {
        if case .invoices(let parts) = allocation { return parts }
        return [:]
    }
}

/// Reads `truth.csv` as recon-gen writes it (see `samples/README.md`).
enum GroundTruth {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func rows(in directory: URL) throws -> [TruthRow] {
        let text = try String(contentsOf: directory.appendingPathComponent("truth.csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(fields)
        guard !lines.isEmpty else { throw Malformed(description: "truth.csv is empty") }
        let header = lines.removeFirst()
        func column(_ name: String) throws -> Int {
            guard let index = header.firstIndex(of: name) else { throw Malformed(description: "truth.csv has no column \(name)") }
            return index
        }
        let reference = try column("bank_reference"), endToEnd = try column("end_to_end_id")
        let direction = try column("credit_debit"), amount = try column("amount")
        let caseName = try column("case"), allocation = try column("allocation")
        return try lines.enumerated().map { offset, fields in
            let line = offset + 2
            guard fields.count == header.count else { throw Malformed(description: "truth.csv:\(line): \(fields.count) fields") }
            guard let cents = cents(fields[amount]) else { throw Malformed(description: "truth.csv:\(line): amount \(fields[amount])") }
            return TruthRow(bankReference: fields[reference], endToEndId: fields[endToEnd], isCredit: fields[direction] == "CRDT",
                            amount: cents, caseName: fields[caseName],
                            allocation: try parseAllocation(fields[allocation], line: line))
        }
    }

    /// `INV-1:12.50;INV-2:3.00`, `none` or `return-of:INV-1`.
    private static func parseAllocation(_ text: String, line: Int) throws -> TruthRow.Allocation {
        if text == "none" { return .none }
        if text.hasPrefix("return-of:") { return .returnOf(String(text.dropFirst("return-of:".count))) }
        var parts: [String: Int64] = [:]
        for part in text.split(separator: ";") {
            guard let colon = part.lastIndex(of: ":"), let cents = cents(String(part[part.index(after: colon)...])) else {
                throw Malformed(description: "truth.csv:\(line): allocation \(text)")
            }
            parts[String(part[..<colon]), default: 0] += cents
        }
        guard !parts.isEmpty else { throw Malformed(description: "truth.csv:\(line): empty allocation") }
        return .invoices(parts)
    }

    /// A decimal amount with at most two decimals (`"-12.5"`, `"1234.56"`) in cents; `nil` otherwise.
    static func cents(_ text: String) -> Int64? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        let halves = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(halves.count), !halves[0].isEmpty, halves[0].count <= 15,
              halves[0].allSatisfy(\.isASCII), let units = Int64(halves[0]) else { return nil }
        var fraction: Int64 = 0
        if halves.count == 2 {
            let decimals = halves[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy(\.isASCII), let value = Int64(decimals) else { return nil }
            fraction = decimals.count == 1 ? value * 10 : value
        }
        let value = units * 100 + fraction
        return negative ? -value : value
    }

    /// The fields of one CSV line (RFC 4180 quotes; truth.csv has no line breaks inside fields).
    private static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var previousWasQuote = false
        for character in line {
            if quoted {
                if character == "\"" { quoted = false; previousWasQuote = true; continue }
                current.append(character)
            } else if character == "\"" {
                if previousWasQuote { current.append("\"") }
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previousWasQuote = false
        }
        fields.append(current)
        return fields
    }
}
