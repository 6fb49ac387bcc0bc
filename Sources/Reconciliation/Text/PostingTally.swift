/// Adds up weighted posting lists and picks the names with the highest totals.
///
/// Lists hold ascending numbers, so merging them gives every number's total in order; the best
/// names (highest total, then lowest name number) are then picked by counting totals instead of
/// sorting thousands of names.
enum PostingTally {
    /// Every number in any list, ascending, with the sum of the weights of the lists holding it.
    static func merge(_ lists: [(entries: ArraySlice<Int32>, weight: Int)]) -> (ids: [Int32], totals: [Int32]) {
        let live = lists.filter { !$0.entries.isEmpty }.sorted { $0.entries.count < $1.entries.count }
        guard let first = live.first else { return ([], []) }
        var ids = Array(first.entries)
        var totals = [Int32](repeating: Int32(first.weight), count: ids.count)
        for list in live.dropFirst() { merge(&ids, &totals, list.entries, weight: Int32(list.weight)) }
        return (ids, totals)
    }

    /// The lowest total still taken when the `limit` best of names with these totals are taken
    /// (total `i` held by `size(i)` names), and how many names with exactly that total fit; `nil`
    /// when there are no more than `limit` names.
    static func threshold(totals: [Int32], limit: Int, size: (Int) -> Int) -> (total: Int32, room: Int)? {
        var histogram = [Int](repeating: 0, count: Int(totals.max() ?? 0) + 1)
        var names = 0
        for index in totals.indices {
            let count = size(index)
            histogram[Int(totals[index])] += count
            names += count
        }
        guard names > limit else { return nil }
        var threshold = histogram.count - 1
        var above = 0
        while threshold > 0 && above + histogram[threshold] < limit {
            above += histogram[threshold]
            threshold -= 1
        }
        return (Int32(threshold), limit - above)
    }

    /// Merges one ascending list of `weight` into numbers and totals kept ascending.
    static func merge(_ entries: inout [Int32], _ totals: inout [Int32], _ list: ArraySlice<Int32>, weight: Int32) {
        let capacity = entries.count + list.count
        var produced = 0
        var mergedTotals: [Int32] = []
        let merged = [Int32](unsafeUninitializedCapacity: capacity) { outEntries, entryCount in
            mergedTotals = [Int32](unsafeUninitializedCapacity: capacity) { outTotals, totalCount in
                entries.withUnsafeBufferPointer { a in
                    totals.withUnsafeBufferPointer { t in
                        list.withUnsafeBufferPointer { b in
                            var i = 0
                            var j = 0
                            var k = 0
                            // Branch-light: both sides advance on equal numbers, whose totals add.
                            while i < a.count && j < b.count {
                                let x = a[i]
                                let y = b[j]
                                let takeA = x <= y
                                let takeB = y <= x
                                outEntries[k] = takeA ? x : y
                                outTotals[k] = (takeA ? t[i] : 0) &+ (takeB ? weight : 0)
                                i &+= takeA ? 1 : 0
                                j &+= takeB ? 1 : 0
                                k &+= 1
                            }
                            while i < a.count {
                                outEntries[k] = a[i]
                                outTotals[k] = t[i]
                                i += 1
                                k += 1
                            }
                            while j < b.count {
                                outEntries[k] = b[j]
                                outTotals[k] = weight
                                j += 1
                                k += 1
                            }
                            produced = k
                        }
                    }
                }
                totalCount = produced
            }
            entryCount = produced
        }
        entries = merged
        totals = mergedTotals
    }
}
