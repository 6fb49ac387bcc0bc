import Foundation
import Testing
import ReconTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `recon` killed with SIGKILL at random moments of a multi-file import never leaves a damaged or
/// half-written database, and running the commands again ends exactly where an uninterrupted run
/// ends.
@Suite("Crash safety", .enabled(if: Robustness.sqliteShellAvailable, "needs the sqlite3 shell"), .serialized)
struct CrashSafetyTests {
    /// Invoices, then the samples' statement files in batches of four: a morning's work in commands.
    static func commands() -> [[String]] {
        var commands: [[String]] = [["invoices", "import", Robustness.sample("invoices.csv")]]
        let files = Robustness.sampleStatements
        var index = 0
        while index < files.count {
            commands.append(["import"] + files[index..<min(index + 4, files.count)])
            index += 4
        }
        commands.append(["invoices", "import", Robustness.sample("invoices-later.csv")])
        return commands.map { $0 + ["--db", "recon.sqlite"] }
    }

    static func microseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000)
    }

    @Test("SIGKILL at random points leaves the state before or after the command, and the re-run matches an uninterrupted run")
    func killedImports() throws {
        #expect(Robustness.sampleStatements.count >= 20)
        let commands = Self.commands()

        // The uninterrupted run, with the state after each command and how long each took.
        let reference = try Recon.Scratch()
        var states: [String?] = [try Robustness.dump(reference.path("recon.sqlite"))]
        var durations: [Duration] = []
        let clock = ContinuousClock()
        for command in commands {
            let start = clock.now
            let run = try Robustness.RunningRecon(command, in: reference.url).wait()
            durations.append(clock.now - start)
            #expect(!run.killed && run.status <= 1, "\(command): \(run.stderr)")
            states.append(try Robustness.dump(reference.path("recon.sqlite")))
        }

        // A run killed after creating the file may leave it empty or with the schema only.
        let fresh = try Recon.Scratch()
        _ = try Recon.run(["statements", "--db", "recon.sqlite"], in: fresh.url)
        let emptyStates: Set<String> = ["", try #require(try Robustness.dump(fresh.path("recon.sqlite")))]

        // The same commands, each killed at random moments until one run gets through.
        let crashed = try Recon.Scratch()
        let database = crashed.path("recon.sqlite")
        var random = SplitMix64(seed: 20261124)
        var kills = 0
        let budget = clock.now + .seconds(45)
        for (position, command) in commands.enumerated() {
            var attempts = 0
            var killsOfCommand = 0
            while true {
                attempts += 1
                let running = try Robustness.RunningRecon(command, in: crashed.url)
                // Anywhere in the first 60% of the uninterrupted duration (start-up, parsing and the
                // write transaction); after five kills of one command it is let through. A run that
                // ends before its kill counts as the command's uninterrupted run.
                let limit = max(1, Self.microseconds(durations[position]) * 3 / 5)
                let killAfter = random.next(below: limit)
                let spare = killsOfCommand >= 5 || attempts > 12 || clock.now > budget
                if !spare {
                    usleep(UInt32(killAfter))
                    running.kill()
                }
                let result = running.wait()
                let problems = try Robustness.structuralProblems(database)
                #expect(problems.isEmpty, "after killing \(command) at \(killAfter) µs: \(problems)")
                let state = try Robustness.dump(database)
                if result.killed {
                    kills += 1
                    killsOfCommand += 1
                    // All or nothing: either the state before this command or the one after it.
                    let before = states[position], after = states[position + 1]
                    let matches = state == before || state == after || (before == nil && state.map(emptyStates.contains) == true)
                    #expect(matches, "killed \(command) at \(killAfter) µs left a state that is neither before nor after it")
                    if !matches { return }
                    // A run that committed before the kill: the command is done.
                    if state == after && after != before { break }
                    continue
                }
                #expect(result.status <= 1, "\(command): \(result.stderr)")
                #expect(!result.stderr.contains("locked") && !result.stderr.contains("malformed"), "\(result.stderr)")
                #expect(state == states[position + 1], "re-running \(command) after kills differs from the uninterrupted run")
                break
            }
        }
        // Eight commands, up to five kills each; on a loaded machine some runs finish first.
        #expect(kills >= 8, "only \(kills) kills happened")
        let finalState = try #require(states.last)
        #expect(try Robustness.dump(database) == finalState)
    }
}
