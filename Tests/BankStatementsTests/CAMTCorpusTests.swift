import Foundation
import Testing
import ReconTestSupport
@testable import BankStatements

/// Every CAMT file of the shared corpus, read in place, checked against what the corpus itself says.
@Suite("CAMT corpus", .enabled(if: Corpus.isAvailable, Corpus.skipReason))
struct CAMTCorpusTests {
    /// The CAMT documents (the `.mt-input.txt` companions are MT940 input, not CAMT).
    static let files = Corpus.files(under: "camt").filter { !$0.hasSuffix(".txt") }

    /// Files that must be refused, with a piece of the expected message. Each was checked by hand.
    static let rejected: [String: String] = [
        // A group header and no Stmt: the schema requires at least one.
        "camt/genkgo-camt/camt053.v2.wrong.xml": "holds no Stmt",
        // Balance amount 100.0000000000005 EUR: more significant decimals than EUR has.
        "camt/hbci4java/test-camt-parse-5200108-invalid-saldo.xml": "more than 2 significant decimal",
        // Empty BkToCstmrAcctRpt (unversioned namespace / none): nothing to read.
        "camt/hbci4java/test-camt-parse-invalid.xml": "holds no Rpt",
        "camt/hbci4java/test-camt-parse-none.xml": "holds no Rpt",
        "camt/kedder-ofxstatement-iso20022/unsupported.xml": "unsupported namespace 'urn:weird-namespace'",
        "camt/oca-account-payment-return-iso20022/test-sepa-camt-unpaid-invalid.xml": "unsupported namespace",
        "camt/sebastienrousseau-bankstatementparser/camt053_garbled_amount.xml": "'12..34' is not a decimal amount",
        // Namespace-only stubs: an empty Document with no message element.
        "camt/viafintech-camt_parser/052_valid_namespace.xml": "not a CAMT statement",
        "camt/viafintech-camt_parser/053_valid_namespace.xml": "not a CAMT statement",
        "camt/viafintech-camt_parser/general_invalid_namespace.xml": "not a CAMT statement",
    ]

    @Test("the corpus holds the CAMT files it documents")
    func corpusIsThere() {
        #expect(Self.files.count >= 90, "found \(Self.files.count) files")
        #expect(Self.rejected.keys.allSatisfy(Self.files.contains))
    }

    @Test("every file parses, or is refused with a clear error", arguments: files)
    func parse(file: String) throws {
        let path = Corpus.path(file)
        if let expected = Self.rejected[file] {
            do {
                _ = try StatementParser.statements(path: path)
                Issue.record("\(file) should be refused (\(expected)) but parsed")
            } catch let error as StatementParseError {
                #expect(error.description.contains(expected), "\(file): \(error)")
                #expect(error.file == path)
            }
            return
        }
        let statements = try StatementParser.statements(path: path)
        #expect(!statements.isEmpty, "\(file): no statements")
        for statement in statements {
            guard case .camt = statement.format else {
                Issue.record("\(file): format \(statement.format)")
                continue
            }
            #expect(statement.header.account.identifier != nil, "\(file): statement without account id")
            for entry in statement.entries {
                #expect(!entry.transactions.isEmpty, "\(file): entry \(entry.position) has no transaction")
                #expect(entry.sourceLine > 0)
            }
        }
        if let counts = Self.documentedCounts[String(file.dropFirst("camt/".count))] {
            let entries = statements.reduce(0) { $0 + $1.entries.count }
            let transactions = statements.reduce(0) { $0 + $1.entries.reduce(0) { $0 + $1.transactions.count } }
            #expect(statements.count == counts.statements, "\(file): \(statements.count) statements, SOURCES.md says \(counts.statements)")
            #expect(entries == counts.entries, "\(file): \(entries) entries, SOURCES.md says \(counts.entries)")
            // Entries without TxDtls get one transaction of their own.
            #expect(transactions >= counts.details && transactions <= counts.details + counts.entries,
                    "\(file): \(transactions) transactions for \(counts.details) TxDtls in \(counts.entries) entries")
        }
    }

    /// genkgo/camt ships a dump of its own parse next to each file: the records, and the entries
    /// of the last record with signed minor-unit amounts.
    static let genkgoFiles = files.filter {
        $0.hasPrefix("camt/genkgo-camt/") && FileManager.default.fileExists(atPath: Corpus.path(genkgoJSON($0)))
    }

    static func genkgoJSON(_ file: String) -> String { String(file.dropLast(".xml".count)) + ".json" }

    @Test("genkgo files match genkgo's own dump", arguments: genkgoFiles)
    func genkgo(file: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Corpus.path(Self.genkgoJSON(file))))
        let dump = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let records = try #require(dump["getRecords"] as? [Any])
        let expectedEntries = try #require(dump["getEntries"] as? [[String: Any]])
        let statements = try StatementParser.statements(path: Corpus.path(file))
        #expect(statements.count == records.count, "\(file): \(statements.count) statements, genkgo \(records.count)")
        let entries = statements.last?.entries ?? []
        try #require(entries.count == expectedEntries.count, "\(file): \(entries.count) entries, genkgo \(expectedEntries.count)")
        for (entry, expected) in zip(entries, expectedEntries) {
            let money = try #require(expected["getAmount"] as? [String: Any])
            let amount = try #require((money["getAmount"] as? String).flatMap { Int64($0) })
            let currency = (money["getCurrency"] as? [String: Any])?["getCode"] as? String
            #expect(entry.signedMinorUnits == amount, "\(file): entry \(entry.position) amount")
            #expect(entry.amount.currency.code == currency, "\(file): entry \(entry.position) currency")
            #expect(entry.creditDebit.rawValue == expected["getCreditDebitIndicator"] as? String)
            #expect(entry.reversal == (expected["getReversalIndicator"] as? Bool ?? false))
            let details = (expected["getTransactionDetails"] as? [Any])?.count ?? 0
            #expect(entry.transactions.count == max(details, 1), "\(file): entry \(entry.position) transactions")
        }
    }

    /// OCA's bank-statement-import golden outputs: balances and signed transaction amounts.
    static let ocaPairs = [
        ("oca-bank-statement-import/test-camt053", "oca-bank-statement-import/golden-camt053.pydata"),
        ("oca-bank-statement-import/test-camt053-no-ntry", "oca-bank-statement-import/golden-camt053-no-ntry.pydata"),
        ("oca-bank-statement-import/test-camt053-txdtls", "oca-bank-statement-import/golden-camt053-txdtls.pydata"),
        ("oca-bank-statement-import/test-camt054", "oca-bank-statement-import/golden-camt054.pydata"),
    ]

    @Test("OCA files match OCA's golden output", arguments: ocaPairs)
    func oca(file: String, golden: String) throws {
        let text = try String(contentsOfFile: Corpus.path("camt/" + golden), encoding: .utf8)
        let statement = try #require(try StatementParser.statements(path: Corpus.path("camt/" + file)).first)
        let currency = statement.account.currency ?? .euro
        func value(_ key: String) throws -> [Int64] {
            try text.matches(of: try Regex("'\(key)': (-?[0-9.]+)")).map { match in
                let number = try #require(match.output[1].substring)
                return try Money.parse(number, currency: currency).minorUnits
            }
        }
        // OCA leaves out statements without entries: its golden output is then empty.
        if try value("balance_start").isEmpty {
            #expect(statement.entries.isEmpty, "\(file): OCA lists no statement, but it has entries")
            #expect(text.contains("[]"))
            return
        }
        let opening = statement.balance(.openingBooked)?.signedMinorUnits ?? 0
        let closing = statement.balance(.closingBooked)?.signedMinorUnits ?? 0
        #expect(try value("balance_start") == [opening], "\(file): opening")
        #expect(try value("balance_end_real") == [closing], "\(file): closing")
        let amounts = statement.entries.flatMap { entry in
            entry.transactions.map { ($0.amount ?? entry.amount).minorUnits * $0.creditDebit.sign }
        }
        #expect(amounts.sorted() == (try value("amount")).sorted(), "\(file): transaction amounts")
    }

    @Test("haspa camt052-to-csv: entry amounts match its expected CSV")
    func haspa() throws {
        let csv = try String(contentsOfFile: Corpus.path("camt/haspa-camt052-to-csv/camt052.expected.csv"), encoding: .utf8)
        let rows = csv.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false) }
        let expected = try rows.map { try Money.parse($0[2], currency: .euro).minorUnits }
        let dates = rows.map { CalendarDate(iso: $0[0]) }
        let statement = try #require(try StatementParser.statements(path: Corpus.path("camt/haspa-camt052-to-csv/camt052.xml")).first)
        #expect(statement.entries.map(\.signedMinorUnits) == expected)
        #expect(statement.entries.map(\.bookingDate) == dates)
    }

    /// `stmts=… ntry=… txdtls=…` from SOURCES.md, by path below `camt/`.
    static let documentedCounts: [String: (statements: Int, entries: Int, details: Int)] = {
        guard let text = try? String(contentsOfFile: Corpus.path("camt/SOURCES.md"), encoding: .utf8) else { return [:] }
        var result: [String: (Int, Int, Int)] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let columns = line.split(separator: "|", omittingEmptySubsequences: false)
            guard columns.count > 3 else { continue }
            let name = columns[2].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            guard let match = line.firstMatch(of: /stmts=(\d+) ntry=(\d+) txdtls=(\d+)/),
                  let s = Int(match.1), let n = Int(match.2), let t = Int(match.3) else { continue }
            result[name] = (s, n, t)
        }
        return result
    }()
}
