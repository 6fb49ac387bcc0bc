import Foundation
import Testing
import ReconTestSupport
@testable import BankStatements

/// recon against the expected results the source projects ship next to their MT940 files
/// (`.json`/`.yml`, read by `SourceExpectationReader`): statements, entry counts, amounts,
/// dates, references and names where the source gives them.
///
/// Conventions of recon are applied to every source rather than listed per file: a placeholder
/// reference (`NONREF`, `NOTPROVIDED`) is no reference, references lose their padding blanks, an
/// account that is no IBAN counts where a source says "IBAN", and a `RC` reversal takes money
/// out (it is signed as a debit). Every other disagreement is listed, with its reason, in
/// `MT940SourceDisagreements`; the test fails on an unlisted one and on a listed one that no
/// longer occurs.
@Suite("MT940 source expectations", .enabled(if: Corpus.isAvailable, Corpus.skipReason))
struct MT940SourceExpectationTests {
    static let files: [String] = MT940CorpusTests.files.filter { relative in
        guard MT940CorpusExpectations.rejected[relative] == nil else { return false }
        let base = (relative as NSString).deletingPathExtension
        return [".json", ".yml"].contains { FileManager.default.fileExists(atPath: Corpus.path(base + $0)) }
    }

    @Test("the corpus has files with expected results", .enabled(if: Corpus.isAvailable, Corpus.skipReason))
    func thereAreSome() {
        #expect(Self.files.count >= 50)
    }

    @Test("agrees with the source project's expected results", arguments: files)
    func agrees(_ relative: String) throws {
        let expectation = try #require(try SourceExpectationReader.expectation(for: relative), "\(relative): no reader for its expected results")
        let statements = try MT940CorpusTests.parse(relative)
        let found = Self.mismatches(expected: expectation, recon: statements)
        let documented = MT940SourceDisagreements.known[relative] ?? []
        for (key, detail) in found where !documented.contains(where: { Self.matches(key, $0.pattern) }) {
            Issue.record("\(relative) \(key): \(detail)")
        }
        for item in documented where !found.contains(where: { Self.matches($0.key, item.pattern) }) {
            Issue.record("\(relative) \(item.pattern): documented disagreement no longer occurs (\(item.reason))")
        }
    }

    /// `key` against a pattern in which `*` stands for any text.
    static func matches(_ key: String, _ pattern: String) -> Bool {
        let parts = pattern.components(separatedBy: "*")
        guard let first = parts.first, key.hasPrefix(first) else { return false }
        var rest = key.dropFirst(first.count)
        for part in parts.dropFirst() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return parts.last?.isEmpty == true || rest.isEmpty
    }

    /// Every difference as (where and which field, what each side says).
    static func mismatches(expected: SourceExpectation, recon: [Statement]) -> [(key: String, detail: String)] {
        var found: [(key: String, detail: String)] = []
        func check(_ key: String, _ expected: String?, _ actual: String?, decimal: Bool = false) {
            guard let expected else { return }
            let same = decimal ? actual.map { MT940CorpusTests.sameDecimal($0, expected) } ?? false : actual == expected
            if !same { found.append((key, "expected \(expected), recon \(actual ?? "nil")")) }
        }
        let pairs: [(String, ExpectedStatement?, [Entry], Statement?)]
        if expected.statementsSeparate {
            if expected.statements.count != recon.count {
                found.append(("statements", "expected \(expected.statements.count), recon \(recon.count)"))
            }
            pairs = zip(expected.statements, recon).enumerated().map { ("s\($0.offset + 1)", $0.element.0, $0.element.1.entries, $0.element.1) }
        } else {
            pairs = [("all", expected.statements.first, recon.flatMap(\.entries), nil)]
        }
        for (label, statement, entries, reconStatement) in pairs {
            guard let statement else { continue }
            if let reconStatement {
                check("\(label).id", statement.id, reconStatement.header.id)
                let balances = reconStatement.trailer.balances
                let opening = balances.first { $0.kind == .openingBooked } ?? balances.first { $0.kind == .interimBooked }
                let closing = balances.first { $0.kind == .closingBooked } ?? balances.last { $0.kind == .interimBooked }
                check("\(label).opening", statement.opening?.amount, opening.map(signed), decimal: true)
                check("\(label).opening.date", statement.opening?.date, opening?.date?.description)
                check("\(label).closing", statement.closing?.amount, closing.map(signed), decimal: true)
                check("\(label).closing.date", statement.closing?.date, closing?.date?.description)
            }
            if statement.entries.count != entries.count {
                found.append(("\(label).entries", "expected \(statement.entries.count), recon \(entries.count)"))
                continue
            }
            for (index, (want, entry)) in zip(statement.entries, entries).enumerated() {
                let key = "\(label).e\(index + 1)"
                let transaction = entry.transactions.first
                check("\(key).amount", want.amount, Money.format(minorUnits: entry.signedMinorUnits, exponent: entry.amount.currency.exponent), decimal: true)
                check("\(key).valueDate", want.valueDate, entry.valueDate?.description)
                check("\(key).entryDate", want.entryDate, entry.bookingDate?.description)
                check("\(key).customerReference", want.customerReference.flatMap(meaningful), transaction?.references.customerReference)
                check("\(key).bankReference", want.bankReference.flatMap(meaningful), entry.accountServicerReference)
                check("\(key).name", want.name, transaction?.counterparty?.name)
                // recon keeps an account that is no IBAN (a German account number in ?31) apart.
                check("\(key).iban", want.iban, transaction?.counterparty.flatMap { $0.iban ?? $0.otherAccount })
                check("\(key).endToEndId", want.endToEndId.flatMap(meaningful), transaction?.references.endToEndId)
            }
        }
        return found
    }

    private static func signed(_ balance: Balance) -> String {
        Money.format(minorUnits: balance.signedMinorUnits, exponent: balance.amount.currency.exponent)
    }

    /// recon's conventions: references lose the blanks that pad them to 16 characters, and a
    /// placeholder is no reference.
    private static func meaningful(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return TransactionReferences.isPlaceholder(trimmed) ? nil : trimmed
    }
}

/// Where recon and a source project's expected results differ, and why recon is right or the
/// source follows another convention. Patterns use `*` for any text in the field key
/// (`s2.e3.entryDate`: statement 2, entry 3; `all.`: mt-940's merged entry list).
enum MT940SourceDisagreements {
    private static let rcReversal = "RC reverses a credit, so the money leaves the account: recon books it as a debit, and only then do the file's own opening and closing balances add up"
    private static let paddedName = "the bank pads ?33 with blanks (`?32JOSEF?33        JAEGER`); recon makes the blanks at the join one space"
    private static let mtlgMessage = "the value after EREF+ runs into the bank's message `MTLG:…` over ?21–?23; mt-940 cuts it after the ?22 text, recon runs it to the next SEPA keyword (there is none) — neither source nor recon can tell where the reference ends"

    static let known: [String: [(pattern: String, reason: String)]] = [
        "mt940/betterplace-mt940_parser/with_binary_character.txt": [
            ("statements", "betterplace's expected output stops at the stray bytes in :20: (its parser gives up); mt940-rs and mt-940 read on, as recon does"),
            ("s1.entries", "see `statements`: betterplace keeps nothing after the first :20:"),
        ],
        "mt940/mt-940/betterplace/sepa_mt9401.sta": [
            ("all.e6.amount", rcReversal + " (wolph/mt940#130)"),
            ("all.e19.amount", rcReversal + " (wolph/mt940#130)"),
            ("all.e24.name", paddedName), ("all.e64.name", paddedName), ("all.e79.name", paddedName),
            ("all.e81.name", paddedName), ("all.e92.name", paddedName),
            ("all.e*.endToEndId", mtlgMessage),
        ],
        "mt940/mt-940/betterplace/sepa_snippet.sta": [
            ("all.e1.name", paddedName),
            ("all.e*.endToEndId", mtlgMessage),
        ],
        "mt940/mt-940/cmxl/mt940.sta": [
            ("all.e14.iban", "the text gives both the account number (?31) and the IBAN (?38); recon keeps the IBAN, mt-940 the account number"),
            ("all.e15.iban", "as e14: recon keeps the ?38 IBAN"),
        ],
        "mt940/mt-940/jejik/rabobank.sta": [
            ("all.e*.customerReference", "Rabobank's old :61: puts the other side's name after the 16-character reference field; recon keeps the whole text as the reference (splitting it off as the counterparty name is left to do), mt-940 cuts at 16 characters"),
        ],
        "mt940/mt-940/self-provided/details_60-63.sta": [
            ("all.e1.endToEndId", "recon continues a SEPA keyword's value from ?2x into ?60–?63, as the purpose text does; this synthetic file puts unrelated text in ?60, which mt-940 leaves out"),
        ],
        "mt940/mt940-js/base-3.mta": [
            ("s1.e1.customerReference", "the :61: reference has the shape of an IBAN; recon reads it as the other side's account (ASN/SNS write it there), mt940-js keeps it as the reference"),
        ],
        "mt940/mt940-rs/mt940/full/betterplace/sepa_mt9401.sta": [
            ("s1.e6.amount", "mt940-rs labels `RC` ReverseDebit (money in). " + rcReversal),
            ("s5.e2.amount", "mt940-rs labels `RC` ReverseDebit (money in). " + rcReversal),
        ],
        "mt940/mt940-rs/mt940/full/betterplace/with_binary_character.sta": [
            ("s*.id", "mt940-rs transliterates text to the SWIFT character set (Ü → U, ß → ss, dropping what it cannot map); recon keeps the text as decoded"),
        ],
    ]
}
