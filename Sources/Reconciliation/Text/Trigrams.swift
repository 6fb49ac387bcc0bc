/// Letter trigrams of a word, padded at both ends so short words and word edges count.
///
/// A trigram is its three bytes packed into a `UInt32`; a word's trigrams are kept sorted and
/// without repeats, so two words are compared by one merge instead of hashing sets.
enum Trigrams {
    /// The distinct trigrams of `word` (its bytes between `$` padding), ascending.
    static func of(_ word: some Collection<UInt8>) -> [UInt32] {
        guard !word.isEmpty else { return [] }
        var grams: [UInt32] = []
        grams.reserveCapacity(word.count)
        let pad = UInt32(UInt8(ascii: "$"))
        var previous = pad
        var last = pad
        var first = true
        for byte in word {
            if first {
                last = UInt32(byte)
                first = false
                continue
            }
            grams.append(previous << 16 | last << 8 | UInt32(byte))
            previous = last
            last = UInt32(byte)
        }
        grams.append(previous << 16 | last << 8 | pad)
        grams.sort()
        var unique = 0
        for gram in grams where unique == 0 || grams[unique - 1] != gram {
            grams[unique] = gram
            unique += 1
        }
        grams.removeLast(grams.count - unique)
        return grams
    }

    /// The trigrams of a `String` word.
    static func of(_ word: String) -> [UInt32] { of(Array(word.utf8)) }

    /// How many trigrams two sorted, repeat-free lists share.
    static func common<A: Collection<UInt32>, B: Collection<UInt32>>(_ a: A, _ b: B) -> Int {
        var i = a.startIndex
        var j = b.startIndex
        var shared = 0
        while i < a.endIndex && j < b.endIndex {
            let x = a[i]
            let y = b[j]
            if x <= y { a.formIndex(after: &i) }
            if y <= x { b.formIndex(after: &j) }
            if x == y { shared += 1 }
        }
        return shared
    }
}
