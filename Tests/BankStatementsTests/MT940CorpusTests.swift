import Foundation
import Testing
import ReconTestSupport
@testable import BankStatements

/// Every MT940/MT942 file of the shared corpus, read by `MT940Parser` directly.
///
/// Files that are broken on purpose (or are field snippets without a whole statement) must be
/// rejected with an error naming a line; all others must parse, give each entry exactly one
/// transaction, and agree with the mt-940 5.1.1 oracle on entry count, amounts and value dates,
/// except where `MT940OracleDisagreements` documents why recon is right.
@Suite("MT940 corpus", .enabled(if: Corpus.isAvailable, Corpus.skipReason))
struct MT940CorpusTests {
    static let files: [String] = Corpus.files(under: "mt940").filter { !$0.hasPrefix("mt940/_oracle-mt-940-5.1.1/") }

    static func parse(_ relative: String) throws -> [Statement] {
        var collector = StatementCollector()
        var input = try FileInput(path: Corpus.path(relative))
        try MT940Parser().parse(&input) { collector.handle($0) }
        return collector.statements
    }

    @Test("the corpus has MT940 files", .enabled(if: Corpus.isAvailable, Corpus.skipReason))
    func corpusIsThere() {
        #expect(Self.files.count > 200)
    }

    @Test("parses or rejects clearly", arguments: files)
    func parseOrReject(_ relative: String) throws {
        if let expected = MT940CorpusExpectations.rejected[relative] {
            do {
                let statements = try Self.parse(relative)
                Issue.record("\(relative): expected rejection (\(expected)), parsed \(statements.count) statement(s)")
            } catch let error as StatementParseError {
                #expect(error.line != nil, "\(relative): error without a line: \(error)")
                #expect(error.message.contains(expected), "\(relative): \(error)")
            }
            return
        }
        let statements: [Statement]
        do {
            statements = try Self.parse(relative)
        } catch {
            Issue.record("\(relative): \(error)")
            return
        }
        #expect(!statements.isEmpty, "\(relative)")
        for statement in statements {
            for entry in statement.entries {
                #expect(entry.transactions.count == 1, "\(relative) line \(entry.sourceLine)")
                #expect(entry.transactions.first?.amount == entry.amount, "\(relative) line \(entry.sourceLine)")
            }
        }
    }

    static let oracleFiles: [String] = files.filter { !MT940CorpusExpectations.rejected.keys.contains($0) }

    @Test("agrees with the mt-940 5.1.1 oracle on count, amounts and dates", arguments: oracleFiles)
    func oracle(_ relative: String) throws {
        let oraclePath = Corpus.path("mt940/_oracle-mt-940-5.1.1/" + relative.dropFirst("mt940/".count) + ".json")
        guard let data = FileManager.default.contents(atPath: oraclePath),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            Issue.record("\(relative): no oracle at \(oraclePath)")
            return
        }
        guard let oracleStatements = object["statements"] as? [[String: Any]] else { return }  // the oracle failed
        let expected: [(amount: String, date: String)] = oracleStatements.flatMap { statement in
            ((statement["transactions"] as? [[String: Any]]) ?? []).map { transaction in
                let amount = (transaction["amount"] as? [String: Any])?["amount"] as? String ?? "?"
                return (amount, transaction["date"] as? String ?? "?")
            }
        }
        let entries = try Self.parse(relative).flatMap(\.entries)
        if let reason = MT940OracleDisagreements.entryCount[relative] {
            #expect(entries.count != expected.count, "\(relative): documented disagreement no longer holds: \(reason)")
            return
        }
        try #require(entries.count == expected.count, "\(relative): recon \(entries.count) entries, oracle \(expected.count)")
        for (entry, oracle) in zip(entries, expected) {
            var signed = Money.format(minorUnits: entry.signedMinorUnits, exponent: entry.amount.currency.exponent)
            if entry.reversal && entry.creditDebit == .debit {
                // mt-940 gives an RC reversal a positive sign (wolph/mt940#130): money leaves the
                // account when a credit is reversed, so recon books it as a debit.
                signed = String(signed.dropFirst())
            }
            #expect(Self.sameDecimal(signed, oracle.amount), "\(relative) line \(entry.sourceLine): amount \(signed) vs oracle \(oracle.amount)")
            #expect(entry.valueDate?.description == oracle.date, "\(relative) line \(entry.sourceLine): value date \(entry.valueDate?.description ?? "nil") vs oracle \(oracle.date)")
        }
    }

    /// Compares decimal texts by value (`-5.10` = `-5.1`).
    static func sameDecimal(_ a: String, _ b: String) -> Bool {
        func normal(_ s: String) -> String {
            var t = s
            if t.contains(".") {
                while t.hasSuffix("0") { t.removeLast() }
                if t.hasSuffix(".") { t.removeLast() }
            }
            return t == "-0" ? "0" : t
        }
        return normal(a) == normal(b)
    }
}
