import Synchronization

/// What the workers of a concurrent workload ran, shared by their threads: every run with the
/// worker that made it, in the order each worker made them, and the review decisions with what
/// their workers had seen.
final class WorkloadJournal: Sendable {
    struct Entry: Sendable {
        /// The worker, or `nil` for the serial set-up before the workers start.
        let worker: Int?
        let run: RecordedRun
    }

    private struct State {
        var entries: [Entry] = []
        var decisions: [ReviewDecision] = []
    }

    private let state = Mutex(State())

    func record(_ run: RecordedRun, worker: Int?) {
        state.withLock { $0.entries.append(Entry(worker: worker, run: run)) }
    }

    func record(_ decision: ReviewDecision, worker: Int) {
        state.withLock { state in
            state.entries.append(Entry(worker: worker, run: decision.run))
            state.decisions.append(decision)
        }
    }

    var entries: [Entry] { state.withLock { $0.entries } }
    var decisions: [ReviewDecision] { state.withLock { $0.decisions } }
}
