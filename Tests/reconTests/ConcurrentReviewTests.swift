import Foundation
import Testing
import Synchronization
import ReconTestSupport

/// Statement imports and review decisions from several `recon` processes on one database at once.
///
/// Two workers import a generated company's statement days (one also imports late invoices, the
/// other re-matches at the end) while three others work the review queue as people would: list
/// it, then accept, assign, ignore or undo on what they saw. Afterwards:
/// - no run failed with "database is locked"; a decision failed only with a refusal that the
///   final database explains (someone else decided first, see `ReviewRaceOutcome`);
/// - `PRAGMA integrity_check` passes and `LedgerInvariants` hold;
/// - replaying the successful commands one by one, in the order in which they committed (the
///   audit log's `command` column), prints the same and ends in the same database: every row of
///   every table and view, with only wall-clock times masked. Ids are compared too: SQLite hands
///   out row ids in commit order and a rolled-back command takes none, so the replay must
///   reproduce them, and the replayed commands name review items and allocations by id.
@Suite("Concurrent imports and review decisions", .enabled(if: Robustness.sqliteShellAvailable, "needs the sqlite3 shell"),
       .serialized)
struct ConcurrentReviewTests {
    static let database = ["--db", "recon.sqlite"]
    static let resolvers = 3
    /// Each resolver takes at least this many steps, and more while imports still run.
    static let stepsAtLeast = 4
    static let stepsAtMost = 14

    @Test("imports and accept/assign/ignore/undo at once end in the state of their commit order",
          arguments: [UInt64(11), 12, 13])
    func importsAndDecisions(seed: UInt64) throws {
        let scratch = try Recon.Scratch()
        let scenario = scratch.url.appendingPathComponent("scenario")
        let generated = try Recon.run(["scenario", "--seed", String(seed), "--customers", "40", "--invoices", "80",
                                       "--days", "8", "--out", scenario.path], executable: Recon.generator)
        try #require(generated.status == 0, "\(generated.stderr)")
        let statements = try FileManager.default.contentsOfDirectory(atPath: scenario.path)
            .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".sta") }.sorted()
            .map { scenario.appendingPathComponent($0).path }
        try #require(statements.count >= 10)

        // Serially first: the invoices and the first days, so that the queue has items from the start.
        let shared = try Self.directory("shared", in: scratch)
        let journal = WorkloadJournal()
        let setUpDays = statements.count / 2
        for command in [["invoices", "import", scenario.appendingPathComponent("invoices.csv").path]]
            + statements.prefix(setUpDays).map({ ["import", $0] }) {
            let run = try RecordedRun.run(command + Self.database, in: shared)
            try #require(run.status <= 1, "\(command): \(run.stderr)")
            journal.record(run, worker: nil)
        }
        let queue = try RecordedRun.run(["review", "--json"] + Self.database, in: shared)
        try #require(try ReviewResolver.objects(queue.stdout).count >= 3, "too few review items to race on")

        // Then everyone at once.
        var importers: [[[String]]] = [[], []]
        for (index, file) in statements.dropFirst(setUpDays).enumerated() { importers[index % 2].append(["import", file]) }
        importers[0].insert(["invoices", "import", scenario.appendingPathComponent("invoices-later.csv").path],
                            at: importers[0].count / 2)
        importers[1].append(["match"])
        let failures = try Self.runWorkers(importers: importers, seed: seed, in: shared, journal: journal)
        #expect(failures.isEmpty, "\(failures)")

        let databasePath = shared.appendingPathComponent("recon.sqlite").path
        try Self.checkOutcomes(journal, database: databasePath)
        #expect(try Robustness.structuralProblems(databasePath).isEmpty)
        #expect(try LedgerInvariants.violations(databasePath).isEmpty)

        let order = try Self.commitOrder(journal, database: databasePath)
        let replay = try Self.directory("replay", in: scratch)
        for original in order {
            let again = try RecordedRun.run(original.arguments, in: replay)
            #expect(again.status == original.status && again.stdout == original.stdout && again.stderr == original.stderr,
                    "replaying \(original.arguments): exit \(again.status) (was \(original.status))\n\(again.stdout)\(again.stderr)\nwas:\n\(original.stdout)\(original.stderr)")
        }
        let concurrent = try #require(try Robustness.dump(databasePath))
        let serial = try #require(try Robustness.dump(replay.appendingPathComponent("recon.sqlite").path))
        let difference = Self.firstDifference(concurrent, serial)
        #expect(difference == nil, "the concurrent result differs from the serial replay at \(difference ?? "")")
    }

    static func directory(_ name: String, in scratch: Recon.Scratch) throws -> URL {
        let url = scratch.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Starts the importers and the resolvers on their own threads and waits for all of them;
    /// returns what went wrong inside a worker (a run that could not be started, say).
    static func runWorkers(importers: [[[String]]], seed: UInt64, in directory: URL,
                           journal: WorkloadJournal) throws -> [String] {
        let board = WorkerBoard(importing: importers.count)
        let group = DispatchGroup()
        func start(_ body: @escaping @Sendable () throws -> Void) {
            group.enter()
            Thread {
                do { try body() } catch { board.report(error) }
                group.leave()
            }.start()
        }
        for (worker, commands) in importers.enumerated() {
            start {
                defer { board.importerFinished() }
                for command in commands {
                    journal.record(try RecordedRun.run(command + database, in: directory), worker: worker)
                }
            }
        }
        for resolver in 0..<resolvers {
            let worker = importers.count + resolver
            start {
                var person = ReviewResolver(worker: worker, directory: directory, journal: journal,
                                            random: SplitMix64(seed: seed &* 1_000 &+ UInt64(worker)))
                var step = 0
                while step < stepsAtLeast || (step < stepsAtMost && board.importersRunning) {
                    try person.step(step)
                    step += 1
                }
            }
        }
        group.wait()
        return board.problems
    }

    /// What the worker threads share besides the journal: whether imports still run, and errors
    /// that stopped a worker.
    final class WorkerBoard: Sendable {
        private let importing: Atomic<Int>
        private let errors = Mutex([String]())

        init(importing: Int) { self.importing = Atomic(importing) }

        var importersRunning: Bool { importing.load(ordering: .sequentiallyConsistent) > 0 }
        func importerFinished() { importing.subtract(1, ordering: .sequentiallyConsistent) }
        func report(_ error: any Error) { errors.withLock { $0.append("\(error)") } }
        var problems: [String] { errors.withLock { $0 } }
    }

    /// Every run ended as it may: listings and imports succeeded (imports may warn), decisions
    /// succeeded or were refused for a reason the final database bears out, and nothing reported
    /// a locked or busy database.
    static func checkOutcomes(_ journal: WorkloadJournal, database: String) throws {
        for entry in journal.entries {
            let run = entry.run
            let text = run.stderr.lowercased()
            #expect(!text.contains("locked") && !text.contains("busy"), "\(run.arguments): \(run.stderr)")
            if isDecision(run.arguments) { continue }
            let warningsOnly = run.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("warning: ") }
            #expect(run.status == 0 || (run.status == 1 && warningsOnly && !run.stderr.isEmpty),
                    "\(run.arguments): exit \(run.status): \(run.stderr)")
        }
        for decision in journal.decisions where decision.run.status != 0 {
            let run = decision.run
            guard run.status == 65, let outcome = ReviewRaceOutcome(stderr: run.stderr) else {
                Issue.record("\(run.arguments): exit \(run.status), not a refusal a race explains: \(run.stderr)")
                continue
            }
            let contradiction = try outcome.contradiction(for: decision, database: database)
            #expect(contradiction == nil, "\(run.arguments) refused (\(outcome)), but \(contradiction ?? "")")
        }
    }

    static func isDecision(_ arguments: [String]) -> Bool {
        arguments.first == "undo" || (arguments.first == "review" && ["accept", "assign", "ignore"].contains(arguments.dropFirst().first))
    }

    /// The successful runs that changed the database, in the order in which they committed.
    ///
    /// A command writes all its audit lines in its one transaction, so the log holds each as one
    /// block of lines with its command line; no two successful writers may share a command line
    /// (that would be one decision taken twice). Checks that every decision and import that
    /// succeeded committed exactly once, that the set-up came first, and that each worker's runs
    /// committed in the order the worker made them.
    static func commitOrder(_ journal: WorkloadJournal, database: String) throws -> [RecordedRun] {
        let entries = journal.entries.filter { $0.run.status <= 1 && !$0.run.arguments.contains("--json") }
        var byCommandLine: [String: WorkloadJournal.Entry] = [:]
        for entry in entries {
            #expect(byCommandLine.updateValue(entry, forKey: entry.run.commandLine) == nil,
                    "two successful runs of \(entry.run.arguments)")
        }
        let logged = try Robustness.sqlite(database, "SELECT command FROM audit_log ORDER BY id").split(separator: "\n").map { line in
            String(line.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        var blocks: [String] = []
        for line in logged where line != blocks.last { blocks.append(line) }
        #expect(Set(blocks).count == blocks.count, "a command's audit lines are not one block: \(blocks)")

        var order: [RecordedRun] = []
        var workers: [Int?] = []
        for line in blocks {
            guard let entry = byCommandLine.removeValue(forKey: line) else {
                Issue.record("the audit log names a command no worker ran successfully: \(line)")
                continue
            }
            order.append(entry.run)
            workers.append(entry.worker)
        }
        let setUp = workers.prefix { $0 == nil }.count
        #expect(!workers.dropFirst(setUp).contains(nil), "a set-up command committed after the workers' commands")
        for worker in Set(workers.compactMap { $0 }) {
            let committed = zip(workers, order).filter { $0.0 == worker }.map(\.1.commandLine)
            let made = entries.filter { $0.worker == worker }.map(\.run.commandLine).filter(committed.contains)
            #expect(committed == made, "worker \(worker)'s runs committed in another order than it made them")
        }
        // `recon match` logs nothing when it changed nothing.
        let unlogged = byCommandLine.values.filter { $0.run.arguments.first != "match" }
        #expect(unlogged.isEmpty, "successful runs missing from the audit log: \(unlogged.map(\.run.arguments))")
        return order
    }

    /// Where two dumps first differ, `nil` when they are equal (the dumps are too long to print whole).
    static func firstDifference(_ left: String, _ right: String) -> String? {
        let a = left.split(separator: "\n", omittingEmptySubsequences: false)
        let b = right.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
            return "line \(index + 1):\n  concurrent: \(index < a.count ? a[index] : "<end>")\n  serial:     \(index < b.count ? b[index] : "<end>")"
        }
        return nil
    }
}
