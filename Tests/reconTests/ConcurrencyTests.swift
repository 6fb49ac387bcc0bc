import Foundation
import Testing

/// Several `recon` processes writing one database at once: none fails with "database is locked",
/// and the result equals running the same commands one after the other in the order in which
/// they committed (which the audit log records).
@Suite("Concurrent use", .enabled(if: Robustness.sqliteShellAvailable, "needs the sqlite3 shell"), .serialized)
struct ConcurrencyTests {
    /// Statement imports that overlap in accounts and days, and invoice imports that upsert the same rows.
    static func commands() -> [[String]] {
        let files = Robustness.sampleStatements
        let abnamro = files.filter { $0.contains("abnamro") }
        let ing = files.filter { $0.contains("_ing_") }
        let groups: [[String]] = [
            ["import"] + abnamro.prefix(abnamro.count / 2),
            ["import"] + abnamro.dropFirst(abnamro.count / 2),
            ["import"] + ing.filter { !$0.contains("camt.052") },
            // The intraday report of a day whose end-of-day statement another process imports.
            ["import"] + ing.filter { $0.contains("camt.052") },
            ["invoices", "import", Robustness.sample("invoices.csv")],
            ["invoices", "import", Robustness.sample("invoices-later.csv")],
        ]
        return groups.map { $0 + ["--db", "recon.sqlite"] }
    }

    @Test("processes started together on a fresh or existing database end in a serial state", arguments: [false, true])
    func concurrentImports(existingDatabase: Bool) throws {
        let commands = Self.commands()
        #expect(commands.count == 6 && commands.allSatisfy { $0.count > 3 })
        let shared = try Recon.Scratch()
        if existingDatabase {
            // A database that already exists (created and migrated), so that only the writes race.
            let created = try Recon.run(["statements", "--db", "recon.sqlite"], in: shared.url)
            #expect(created.status == 0, "\(created.stderr)")
        }
        let running = try commands.map { try Robustness.RunningRecon($0, in: shared.url) }
        for (command, process) in zip(commands, running) {
            let result = process.wait()
            #expect(!result.killed && result.status <= 1, "\(command.prefix(3)): exit \(result.status): \(result.stderr)")
            #expect(!result.stderr.contains("locked") && !result.stderr.contains("busy"), "\(result.stderr)")
        }
        let database = shared.path("recon.sqlite")
        #expect(try Robustness.structuralProblems(database).isEmpty)

        // The order in which the commands committed, from the audit log.
        let summaries = try Self.auditSummaries(database)
        #expect(summaries.count == commands.count, "\(summaries)")
        // Statement imports say only how many files they had; the rows tell them apart: replay
        // every order of the statement commands consistent with the log and accept a match.
        let serialDumps = try Self.serialStates(commands: commands, log: summaries)
        let dump = try #require(try Robustness.dump(database))
        #expect(serialDumps.contains(dump), "the concurrent result matches no serial order consistent with the audit log")
    }

    /// The audit log's summaries of the commands, in commit order (the shell quotes them; the
    /// quotes are dropped). The matching an import runs in its own transaction is logged as a
    /// second line, `match after import: …`, which is left out: it belongs to the import before it.
    static func auditSummaries(_ database: String) throws -> [String] {
        try Robustness.sqlite(database, "SELECT summary FROM audit_log WHERE summary NOT LIKE '%match after import:%' ORDER BY id")
            .split(separator: "\n").map { line in
            var text = Substring(line)
            if text.hasPrefix("'") && text.hasSuffix("'") && text.count >= 2 { text = text.dropFirst().dropLast() }
            return String(text)
        }
    }

    /// The dumps of the serial runs whose audit logs read like `log`.
    static func serialStates(commands: [[String]], log: [String]) throws -> [String] {
        var results: [String] = []
        for order in permutations(Array(commands.indices)) {
            // Cheap filter first: the audit summaries of a serial run in this order must match
            // the log line by line in kind (invoices file or statement import of N files).
            let fits = zip(order, log).allSatisfy { index, line in
                let command = commands[index]
                if command[0] == "invoices" { return line.contains(command[2]) }
                return line.hasPrefix("import \(command.count - 3) file(s)")
            }
            guard fits else { continue }
            let scratch = try Recon.Scratch()
            for index in order {
                _ = try Robustness.RunningRecon(commands[index], in: scratch.url).wait()
            }
            let dump = try Robustness.dump(scratch.path("recon.sqlite")) ?? ""
            if try auditSummaries(scratch.path("recon.sqlite")) == log { results.append(dump) }
        }
        return results
    }

    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        var result: [[Int]] = []
        for (position, item) in items.enumerated() {
            var rest = items
            rest.remove(at: position)
            for tail in permutations(rest) { result.append([item] + tail) }
        }
        return result
    }
}
