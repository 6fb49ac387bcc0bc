import Foundation
@testable import recon_gen

/// Scratch directories and a simple independent reading of what the generator wrote.
enum GeneratedFiles {
    static func temporaryDirectory(_ name: String) -> String {
        let path = NSTemporaryDirectory() + "recon-gen-tests-\(getpid())-\(name)"
        try? FileManager.default.removeItem(atPath: path)
        return path
    }

    static func text(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Cents from `1234.56` or `1234,56`, read independently of the generator.
    static func cents(_ text: some StringProtocol) -> Int64? {
        let normalized = text.replacingOccurrences(of: ",", with: ".")
        let parts = normalized.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let whole = Int64(parts[0]), parts[1].count == 2, let fraction = Int64(parts[1]) else { return nil }
        return whole * 100 + fraction
    }

    struct Balances {
        var opening: Int64
        var closing: Int64
        var entrySum: Int64
        var entries: Int
        var sequence: Int
    }

    /// Reads opening/closing balances and entry amounts from a generated CAMT file (one statement).
    static func camtBalances(_ path: String) -> Balances? {
        let lines = text(path).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var opening: Int64?
        var closing: Int64?
        var sum: Int64 = 0
        var count = 0
        var sequence = -1
        var balanceCode: String?
        var inEntry = false
        var entryAmount: Int64?
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("<ElctrncSeqNb>") {
                sequence = Int(line.dropFirst(14).prefix { $0.isNumber }) ?? -1
            } else if line.hasPrefix("<Tp><CdOrPrtry><Cd>") {
                balanceCode = String(line.dropFirst(19).prefix(4))
            } else if line.hasPrefix("<Amt Ccy=\"EUR\">"), let code = balanceCode, index + 1 < lines.count {
                let value = cents(line.dropFirst(15).prefix { $0 != "<" }) ?? 0
                let signed = lines[index + 1].contains("DBIT") ? -value : value
                if code == "OPBD" { opening = signed }
                if code == "CLBD" || code == "ITBD" { closing = signed }
                balanceCode = nil
            } else if line == "<Ntry>" {
                inEntry = true
                entryAmount = nil
            } else if inEntry, entryAmount == nil, line.hasPrefix("<Amt Ccy=\"EUR\">") {
                entryAmount = cents(line.dropFirst(15).prefix { $0 != "<" })
            } else if inEntry, let amount = entryAmount, line.hasPrefix("<CdtDbtInd>") {
                sum += line.contains("DBIT") ? -amount : amount
                count += 1
                inEntry = false
            }
        }
        guard let opening, let closing else { return nil }
        return Balances(opening: opening, closing: closing, entrySum: sum, entries: count, sequence: sequence)
    }

    /// The same for a generated MT940 file (one statement), from `:60F:`, `:61:` and `:62F:`.
    static func mt940Balances(_ path: String) -> Balances? {
        var opening: Int64?
        var closing: Int64?
        var sum: Int64 = 0
        var count = 0
        var sequence = -1
        func balance(_ field: Substring) -> Int64? {
            // C261113EUR26250,36
            guard let sign = field.first, let value = cents(field.dropFirst(10)) else { return nil }
            return sign == "D" ? -value : value
        }
        for line in text(path).components(separatedBy: "\r\n") {
            if line.hasPrefix(":28C:") { sequence = Int(line.dropFirst(5)) ?? -1 }
            if line.hasPrefix(":60F:") { opening = balance(line.dropFirst(5)) }
            if line.hasPrefix(":62F:") { closing = balance(line.dropFirst(5)) }
            if line.hasPrefix(":61:") {
                let rest = line.dropFirst(4 + 10)
                let debit = rest.hasPrefix("D") || rest.hasPrefix("RC")
                let digits = rest.drop { $0.isLetter }.prefix { $0.isNumber || $0 == "," }
                guard let amount = cents(digits) else { return nil }
                sum += debit ? -amount : amount
                count += 1
            }
        }
        guard let opening, let closing else { return nil }
        return Balances(opening: opening, closing: closing, entrySum: sum, entries: count, sequence: sequence)
    }

    /// CSV rows as field arrays (handles the quoting the generator writes).
    static func csv(_ path: String) -> [[String]] {
        var rows: [[String]] = []
        for line in text(path).split(separator: "\n").dropFirst() {
            var fields: [String] = []
            var field = ""
            var quoted = false
            var previousQuote = false
            for character in line {
                if character == "\"" {
                    if quoted && previousQuote { field.append("\""); previousQuote = false; continue }
                    quoted.toggle()
                    previousQuote = !quoted
                    continue
                }
                previousQuote = false
                if character == "," && !quoted {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
            }
            fields.append(field)
            rows.append(fields)
        }
        return rows
    }
}
