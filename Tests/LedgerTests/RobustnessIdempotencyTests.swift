import Foundation
import Testing
import BankStatements
import ReconTestSupport
@testable import Ledger

/// Importing twice equals importing once, for seeded random subsets and orders of the corpus and
/// the samples, whether the second time brings the same bytes (recognised as known files) or the
/// same statements in other bytes (where every transaction must be recognised on its own).
@Suite("Import idempotency over random subsets and orders")
struct RobustnessIdempotencyTests {
    static let bankTables: Set<String> = ["accounts", "statements", "statement_balances", "transactions"]

    /// Every file that parses: the corpus when present, and the samples.
    static let parsedFiles: [StatementFile] = {
        var paths = Corpus.files(under: "camt").map(Corpus.path)
            + Corpus.files(under: "mt940").filter { !$0.contains("_oracle") }.map(Corpus.path)
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        paths += names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".sta") }.sorted()
            .map { samples.appendingPathComponent($0).path }
        return paths.compactMap { try? StatementFile.read(path: $0, maximumBytes: 1 << 24) }
    }()

    /// The rows of the bank tables only.
    static func bankRows(_ store: LedgerStore) throws -> [String] {
        try store.dump().filter { line in
            guard let table = line.split(separator: ":", maxSplits: 1).first else { return false }
            return bankTables.contains(String(table))
        }
    }

    /// The same statements in other bytes: a trailing line break changes the SHA-256 only.
    static func otherBytes(_ file: StatementFile) -> StatementFile {
        StatementFile(path: file.path + " (copy)", sha256: "copy-" + file.sha256, size: file.size + 1,
                      statements: file.statements)
    }

    @Test("twice equals once", arguments: [1, 2, 3, 4, 5, 6])
    func twiceEqualsOnce(seed: UInt64) throws {
        let all = Self.parsedFiles
        #expect(all.count >= 20)
        var random = SplitMix64(seed: seed)
        // A random subset of up to 40 files in a random order, imported in random batches.
        var chosen = all.filter { _ in random.next() % 3 == 0 }
        chosen.shuffle(using: &random)
        chosen = Array(chosen.prefix(40))
        let batches = Self.batches(chosen, using: &random)

        let once = try TemporaryDatabase()
        let onceStore = try once.open()
        for batch in batches { _ = try onceStore.importStatements(batch) }
        let onceDump = try onceStore.dump()
        let onceRows = try Self.bankRows(onceStore)

        // The same bytes again, in another order and batching: known files, nothing changes at all.
        var again = chosen
        again.shuffle(using: &random)
        for batch in Self.batches(again, using: &random) { _ = try onceStore.importStatements(batch) }
        #expect(try onceStore.dump() == onceDump, "seed \(seed): same bytes changed the database")

        // The same statements in other bytes: the bank tables stay as they were.
        again.shuffle(using: &random)
        for batch in Self.batches(again.map(Self.otherBytes), using: &random) { _ = try onceStore.importStatements(batch) }
        #expect(try Self.bankRows(onceStore) == onceRows, "seed \(seed): same statements in other bytes changed the bank tables")
    }

    static func batches(_ files: [StatementFile], using random: inout SplitMix64) -> [[StatementFile]] {
        var result: [[StatementFile]] = []
        var index = 0
        while index < files.count {
            let size = 1 + Int(random.next() % 5)
            result.append(Array(files[index..<min(index + size, files.count)]))
            index += size
        }
        return result
    }
}

