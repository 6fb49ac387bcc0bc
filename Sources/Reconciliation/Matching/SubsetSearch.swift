/// A bounded search for sets of amounts adding up to a target: which open invoices one payment
/// may settle together.
///
/// The search is exact but capped: it visits at most `budget` partial combinations and stops at
/// `maximumSolutions`. Callers trust a set only when the search ran to completion and found
/// exactly one, because a budget that ran out means a second fitting set may exist unseen.
struct SubsetSearch {
    struct Result: Hashable, Sendable {
        /// Each solution as indices into the amounts given, ascending.
        var solutions: [[Int]]
        /// `true` when the budget ran out before the search finished.
        var exhausted: Bool

        /// Exactly one set fits and no other can exist within the sizes searched.
        var unique: [Int]? { !exhausted && solutions.count == 1 ? solutions[0] : nil }
    }

    var sizes: ClosedRange<Int>
    var budget: Int
    var maximumSolutions: Int = 2

    /// Sets of positive `amounts` summing to `target`; non-positive amounts are never chosen.
    func solutions(amounts: [Int64], target: Int64) -> Result {
        // Largest first, so a too-large amount ends a branch early.
        let order = amounts.indices.filter { amounts[$0] > 0 }.sorted { amounts[$0] > amounts[$1] }
        let values = order.map { amounts[$0] }
        // prefix[i] = sum of values[0..<i]; with values descending, values[i..<i+k] are the k largest left.
        var prefix: [Int64] = [0]
        for value in values { prefix.append(prefix[prefix.count - 1] &+ value) }
        var state = State()
        var chosen: [Int] = []
        search(from: 0, sum: 0, chosen: &chosen, values: values, prefix: prefix, target: target, state: &state)
        let mapped = state.solutions.map { $0.map { order[$0] }.sorted() }
        return Result(solutions: mapped, exhausted: state.exhausted)
    }

    private struct State {
        var visited = 0
        var solutions: [[Int]] = []
        var exhausted = false
    }

    private func search(from start: Int, sum: Int64, chosen: inout [Int], values: [Int64], prefix: [Int64],
                        target: Int64, state: inout State) {
        if sum == target && sizes.contains(chosen.count) {
            state.solutions.append(chosen)
            return
        }
        guard chosen.count < sizes.upperBound else { return }
        var index = start
        while index < values.count {
            if state.exhausted || state.solutions.count >= maximumSolutions { return }
            state.visited += 1
            if state.visited > budget {
                state.exhausted = true
                return
            }
            let room = sizes.upperBound - chosen.count
            let reach = prefix[min(values.count, index + room)] - prefix[index]
            // Even the largest amounts left cannot reach the target: no later start can either.
            if sum + reach < target { return }
            let next = sum + values[index]
            if next <= target {
                chosen.append(index)
                search(from: index + 1, sum: next, chosen: &chosen, values: values, prefix: prefix, target: target,
                       state: &state)
                chosen.removeLast()
            }
            index += 1
        }
    }
}
