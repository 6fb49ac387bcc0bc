/// Adds up weighted posting lists and picks the names with the highest totals.
///
/// Lists hold name numbers in ascending order, so merging them gives every name's total in order
/// of number; the best `limit` (highest total, then lowest number) are picked by counting totals
/// instead of sorting thousands of names.
enum PostingTally {
    /// The names with the `limit` highest totals (ties to the lowest number), or every name found
    /// when there are no more than `limit`; in ascending order.
    static func top(_ limit: Int, of lists: [(entries: ArraySlice<Int32>, weight: Int)]) -> [Int32] {
        let live = lists.filter { !$0.entries.isEmpty }.sorted { $0.entries.count < $1.entries.count }
        guard let first = live.first else { return [] }
        // One list: every name has the same total, so the lowest numbers win.
        if live.count == 1 { return Array(first.entries.prefix(limit)) }
        var entries = Array(first.entries)
        var totals = [Int32](repeating: Int32(first.weight), count: entries.count)
        for list in live.dropFirst() { merge(&entries, &totals, list.entries, weight: Int32(list.weight)) }
        guard entries.count > limit else { return entries }
        var histogram = [Int](repeating: 0, count: Int(totals.max() ?? 0) + 1)
        for total in totals { histogram[Int(total)] += 1 }
        // The lowest total still taken, and how many names with exactly that total fit.
        var threshold = histogram.count - 1
        var above = 0
        while threshold > 0 && above + histogram[threshold] < limit {
            above += histogram[threshold]
            threshold -= 1
        }
        var room = limit - above
        var chosen: [Int32] = []
        chosen.reserveCapacity(limit)
        for index in entries.indices {
            let total = Int(totals[index])
            if total > threshold {
                chosen.append(entries[index])
            } else if total == threshold && room > 0 {
                chosen.append(entries[index])
                room -= 1
            }
        }
        return chosen
    }

    /// Merges one ascending list of `weight` into names and totals kept ascending by name.
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
                            // Branch-light: both sides advance on equal names, whose totals add.
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
