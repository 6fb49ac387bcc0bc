import Foundation
import ReconTestSupport

/// What a source project's own test suite expects from one of its MT940 files, reduced to the
/// facts every reader can state: statements, balances and entries.
///
/// Each reader below understands one project's expected-output format (see the corpus's
/// `mt940/SOURCES.md`); `nil` means "the source does not say".
struct ExpectedStatement {
    var id: String?
    var opening: ExpectedBalance?
    var closing: ExpectedBalance?
    var entries: [ExpectedEntry] = []
}

struct ExpectedBalance {
    /// Decimal text, signed: negative for a debit balance.
    var amount: String
    var date: String?
}

struct ExpectedEntry {
    /// Decimal text of the booked amount, signed: negative for money leaving the account.
    var amount: String
    var valueDate: String?
    var entryDate: String?
    var customerReference: String?
    var bankReference: String?
    var name: String?
    var iban: String?
    var endToEndId: String?
}

/// The expected results of one corpus file.
struct SourceExpectation {
    /// Whether the source keeps statements apart (mt-940 merges all of a file's entries).
    var statementsSeparate: Bool
    var statements: [ExpectedStatement]
}

enum SourceExpectationReader {
    /// The expectation file next to `relative` (a corpus path) and its reader, when there is one.
    static func expectation(for relative: String) throws -> SourceExpectation? {
        let base = (relative as NSString).deletingPathExtension
        for (suffix, reader) in [(".json", readJSON), (".yml", readYAML)] as [(String, (String, String) throws -> SourceExpectation?)] {
            let path = Corpus.path(base + suffix)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            return try reader(relative, String(decoding: data, as: UTF8.self))
        }
        return nil
    }

    private static func readJSON(_ relative: String, _ text: String) throws -> SourceExpectation? {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        if relative.hasPrefix("mt940/mt940-rs/") { return mt940rs(object) }
        if relative.hasPrefix("mt940/mt940-js/") { return mt940js(object) }
        if relative.hasPrefix("mt940/my-flow-mt940-elixir/") { return myFlow(object) }
        return nil
    }

    private static func readYAML(_ relative: String, _ text: String) throws -> SourceExpectation? {
        if relative.hasPrefix("mt940/mt-940/") { return wolph(text) }
        if relative.hasPrefix("mt940/betterplace-mt940_parser/") { return betterplace(text) }
        return nil
    }

    // MARK: svenstaro/mt940-rs `sta2json`

    private static func mt940rs(_ object: Any) -> SourceExpectation? {
        guard let statements = object as? [[String: Any]] else { return nil }
        return SourceExpectation(statementsSeparate: true, statements: statements.map { statement in
            func balance(_ key: String) -> ExpectedBalance? {
                guard let value = statement[key] as? [String: Any], let amount = value["amount"] as? String else { return nil }
                let debit = (value["debit_credit_indicator"] as? String) == "Debit"
                return ExpectedBalance(amount: debit ? "-" + amount : amount, date: value["date"] as? String)
            }
            let lines = (statement["statement_lines"] as? [[String: Any]]) ?? []
            return ExpectedStatement(
                id: statement["transaction_ref_no"] as? String, opening: balance("opening_balance"),
                closing: balance("closing_balance"),
                entries: lines.map { line in
                    let amount = line["amount"] as? String ?? "?"
                    // Credit and ReverseDebit bring money in; Debit and ReverseCredit take it out.
                    let indicator = line["ext_debit_credit_indicator"] as? String ?? ""
                    let outgoing = indicator == "Debit" || indicator == "ReverseCredit"
                    return ExpectedEntry(
                        amount: outgoing ? "-" + amount : amount, valueDate: line["value_date"] as? String,
                        entryDate: line["entry_date"] as? String, customerReference: line["customer_ref"] as? String,
                        bankReference: line["bank_ref"] as? String)
                })
        })
    }

    // MARK: webschik/mt940-js

    private static func mt940js(_ object: Any) -> SourceExpectation? {
        guard let statements = object as? [[String: Any]] else { return nil }
        func decimal(_ value: Any?) -> String {
            // mt940-js gives JavaScript numbers; their shortest text is the written amount.
            (value as? NSNumber).map { "\($0)" } ?? "?"
        }
        return SourceExpectation(statementsSeparate: true, statements: statements.map { statement in
            func balance(_ key: String) -> ExpectedBalance? {
                guard let value = statement[key] as? [String: Any] else { return nil }
                let amount = decimal(value["value"])
                return ExpectedBalance(amount: (value["isCredit"] as? Bool) == false ? "-" + amount : amount,
                                       date: value["date"] as? String)
            }
            let transactions = (statement["transactions"] as? [[String: Any]]) ?? []
            return ExpectedStatement(
                id: statement["referenceNumber"] as? String, opening: balance("openingBalance"),
                closing: balance("closingBalance"),
                entries: transactions.map { transaction in
                    let amount = decimal(transaction["amount"])
                    func optional(_ key: String) -> String? {
                        (transaction[key] as? String).flatMap { $0.isEmpty ? nil : $0 }
                    }
                    return ExpectedEntry(
                        amount: (transaction["isCredit"] as? Bool) == false ? "-" + amount : amount,
                        valueDate: optional("valueDate"), entryDate: optional("entryDate"),
                        customerReference: optional("customerReference"), bankReference: optional("bankReference"))
                })
        })
    }

    // MARK: my-flow/mt940 (Elixir): each statement a list of parsed fields

    private static func myFlow(_ object: Any) -> SourceExpectation? {
        guard let statements = object as? [[[String: Any]]] else { return nil }
        func day(_ value: Any?) -> String? { (value as? String).map { String($0.prefix(10)) } }
        return SourceExpectation(statementsSeparate: true, statements: statements.map { fields in
            var statement = ExpectedStatement()
            for field in fields {
                if field["balance_type"] != nil, let amount = field["amount"] as? String {
                    // `balance_type` says final or intermediate, not opening or closing: the
                    // first balance is the opening (:60a:), the second the closing (:62a:).
                    let balance = ExpectedBalance(amount: (field["sign"] as? String) == "debit" ? "-" + amount : amount,
                                                  date: day(field["date"]))
                    if statement.opening == nil { statement.opening = balance } else if statement.closing == nil { statement.closing = balance }
                } else if field["value_date"] != nil, let amount = field["amount"] as? String {
                    // `funds_code` holds the debit/credit mark: debit, credit, reversal_of_debit, reversal_of_credit.
                    let mark = field["funds_code"] as? String ?? ""
                    let outgoing = mark == "debit" || mark == "reversal_of_credit"
                    statement.entries.append(ExpectedEntry(
                        amount: outgoing ? "-" + amount : amount, valueDate: day(field["value_date"]),
                        entryDate: day(field["entry_date"]), customerReference: field["reference"] as? String))
                } else if field.count == 3, let reference = field["reference"] as? String, statement.id == nil {
                    statement.id = reference
                }
            }
            return statement
        })
    }

    // MARK: wolph/mt940 (PyYAML dump of one merged `Transactions` object)

    private static func wolph(_ text: String) -> SourceExpectation? {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("transactions:") }) else { return nil }
        var entries: [ExpectedEntry] = []
        var fields: [String: String] = [:]
        var index = start + 1
        func finish() {
            guard let amount = fields["amount"] else { return }
            entries.append(ExpectedEntry(
                amount: amount, valueDate: fields["date"], entryDate: fields["entry_date"],
                customerReference: fields["customer_reference"], bankReference: fields["bank_reference"],
                name: fields["applicant_name"], iban: fields["applicant_iban"], endToEndId: fields["end_to_end_reference"]))
            fields = [:]
        }
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.hasPrefix("- !!python/object:mt940.models.Transaction") {
                finish()
                continue
            }
            guard line.hasPrefix("    "), !line.hasPrefix("     ") else { continue }
            let body = line.dropFirst(4)
            guard let colon = body.firstIndex(of: ":") else { continue }
            let key = String(body[..<colon])
            let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch value {
            case "!!python/object:mt940.models.Amount":
                // `amount: !!python/object/apply:decimal.Decimal` then `- '-25.03'`.
                while index < lines.count, lines[index].hasPrefix("      ") {
                    let item = lines[index].trimmingCharacters(in: .whitespaces)
                    index += 1
                    if item.hasPrefix("- '") { fields[key] = String(item.dropFirst(3).dropLast()) }
                }
            case "!!python/object/apply:mt940.models.Date":
                // `- !!binary |` then base64 of year (2 bytes), month, day.
                if index + 1 < lines.count, let data = Data(base64Encoded: lines[index + 1].trimmingCharacters(in: .whitespaces)),
                   data.count == 4 {
                    let bytes = [UInt8](data)
                    let year = Int(bytes[0]) << 8 | Int(bytes[1])
                    fields[key] = String(format: "%04d-%02d-%02d", year, Int(bytes[2]), Int(bytes[3]))
                    index += 2
                }
            default:
                if let scalar = scalar(value) { fields[key] = scalar }
            }
        }
        finish()
        return SourceExpectation(statementsSeparate: false, statements: [ExpectedStatement(entries: entries)])
    }

    /// A one-line YAML scalar: plain, 'single' or "double" quoted; `nil` for null and for values
    /// that continue on the next line (not compared).
    private static func scalar(_ value: String) -> String? {
        if value == "null" || value.isEmpty { return nil }
        if value.hasPrefix("'") {
            guard value.count >= 2, value.hasSuffix("'") else { return nil }
            return String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if value.hasPrefix("\"") {
            guard value.count >= 2, value.hasSuffix("\""), !value.contains("\\") else { return nil }
            return String(value.dropFirst().dropLast())
        }
        if value.hasPrefix("!!") || value.hasPrefix("&") || value.hasPrefix("*") { return nil }
        return value
    }

    // MARK: betterplace/mt940_parser (Ruby YAML: per statement a list of field objects)

    private static func betterplace(_ text: String) -> SourceExpectation? {
        var statements: [ExpectedStatement] = []
        var kind = ""
        var fields: [String: String] = [:]
        func finish() {
            defer { fields = [:] }
            guard !statements.isEmpty else { return }
            let last = statements.count - 1
            func amount(_ cents: String?, debit: Bool) -> String? {
                guard let cents, let value = Int64(cents) else { return nil }
                let text = "\(value / 100).\(value % 100 < 10 ? "0" : "")\(value % 100)"
                return debit ? "-" + text : text
            }
            switch kind {
            case "Job":
                statements[last].id = fields["reference"]
            case "AccountBalance", "ClosingBalance":
                guard let value = amount(fields["amount"], debit: fields["sign"] == ":debit") else { return }
                let balance = ExpectedBalance(amount: value, date: fields["date"])
                if kind == "AccountBalance" { statements[last].opening = balance } else { statements[last].closing = balance }
            case "StatementLine":
                // `funds_code` holds the mark: :credit, :debit, :return_credit (RC), :return_debit (RD).
                let mark = fields["funds_code"] ?? ""
                guard let value = amount(fields["amount"], debit: mark == ":debit" || mark == ":return_credit") else { return }
                statements[last].entries.append(ExpectedEntry(
                    amount: value, valueDate: fields["date"], entryDate: fields["entry_date"],
                    customerReference: fields["reference"], bankReference: fields["transaction_description"]))
            default:
                break
            }
        }
        for line in text.components(separatedBy: "\n") {
            if let range = line.range(of: "!ruby/object:MT940::") {
                finish()
                if line.hasPrefix("- - ") { statements.append(ExpectedStatement()) }
                kind = String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard line.hasPrefix("    "), !line.hasPrefix("     ") else { continue }
            let body = line.dropFirst(4)
            guard let colon = body.firstIndex(of: ":") else { continue }
            let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if let scalar = scalar(value) { fields[String(body[..<colon])] = scalar }
        }
        finish()
        return SourceExpectation(statementsSeparate: true, statements: statements)
    }
}
