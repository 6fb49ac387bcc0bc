@testable import Reconciliation
import Testing
import ReconTestSupport

/// The bounded subset search against a brute-force reference over every subset of small inputs.
@Suite struct SubsetSearchTests {
    /// All subsets of `amounts` with a size in `sizes` summing to `target`, by enumeration.
    private func bruteForce(_ amounts: [Int64], target: Int64, sizes: ClosedRange<Int>) -> Set<[Int]> {
        var found = Set<[Int]>()
        for mask in 0..<(1 << amounts.count) {
            let members = amounts.indices.filter { mask & (1 << $0) != 0 }
            if sizes.contains(members.count), members.reduce(Int64(0), { $0 + amounts[$1] }) == target {
                found.insert(members)
            }
        }
        return found
    }

    @Test(arguments: 1...8)
    func agreesWithBruteForce(count: Int) {
        var generator = SplitMix64(seed: UInt64(count) * 7_919)
        for _ in 0..<60 {
            // Few distinct values so that sums collide often and uniqueness is really tested.
            let amounts = (0..<count).map { _ in Int64(generator.next(upTo: 6) + 1) * 100 }
            let target = Int64(generator.next(upTo: 16) + 1) * 100
            let expected = bruteForce(amounts, target: target, sizes: 2...4)
            let search = SubsetSearch(sizes: 2...4, budget: 1_000_000, maximumSolutions: 1_000)
            let result = search.solutions(amounts: amounts, target: target)
            #expect(!result.exhausted)
            #expect(Set(result.solutions) == expected, "amounts \(amounts) target \(target)")
            #expect(result.solutions.count == expected.count, "no duplicates")
            let capped = SubsetSearch(sizes: 2...4, budget: 1_000_000).solutions(amounts: amounts, target: target)
            #expect((capped.unique != nil) == (expected.count == 1))
        }
    }

    @Test func exhaustedBudgetNeverClaimsUniqueness() {
        let amounts: [Int64] = (1...16).map { Int64($0) * 1_000 + 7 }
        let result = SubsetSearch(sizes: 2...4, budget: 10).solutions(amounts: amounts, target: 50_028)
        #expect(result.exhausted)
        #expect(result.unique == nil)
    }
}
