/// Adds up weighted posting lists and picks the names with the highest totals.
///
/// Lists hold name numbers in ascending order, so one merge gives every name's total in order of
/// number; the best `limit` (highest total, then lowest number) are picked by counting totals
/// instead of sorting thousands of names.
enum PostingTally {
    /// The names with the `limit` highest totals (ties to the lowest number), or every name found
    /// when there are no more than `limit`; in ascending order.
    static func top(_ limit: Int, of lists: [(entries: ArraySlice<Int32>, weight: Int)]) -> [Int32] {
        let (entries, totals) = merge(lists)
        guard entries.count > limit else { return entries }
        var histogram = [Int](repeating: 0, count: (totals.max() ?? 0) + 1)
        for total in totals { histogram[total] += 1 }
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
        for (entry, total) in zip(entries, totals) {
            if total > threshold {
                chosen.append(entry)
            } else if total == threshold && room > 0 {
                chosen.append(entry)
                room -= 1
            }
        }
        return chosen
    }

    /// Every name in any list, ascending, with the sum of the weights of the lists holding it.
    static func merge(_ lists: [(entries: ArraySlice<Int32>, weight: Int)]) -> (entries: [Int32], totals: [Int]) {
        let live = lists.filter { !$0.entries.isEmpty }
        var entries: [Int32] = []
        var totals: [Int] = []
        if live.count == 1 {
            entries = Array(live[0].entries)
            totals = [Int](repeating: live[0].weight, count: entries.count)
            return (entries, totals)
        }
        entries.reserveCapacity(live.reduce(0) { max($0, $1.entries.count) })
        var positions = live.map(\.entries.startIndex)
        while true {
            var smallest = Int32.max
            var any = false
            for (list, position) in zip(live, positions) where position < list.entries.endIndex {
                smallest = min(smallest, list.entries[position])
                any = true
            }
            guard any else { break }
            var total = 0
            for index in live.indices where positions[index] < live[index].entries.endIndex
                && live[index].entries[positions[index]] == smallest {
                total += live[index].weight
                positions[index] += 1
            }
            entries.append(smallest)
            totals.append(total)
        }
        return (entries, totals)
    }
}
