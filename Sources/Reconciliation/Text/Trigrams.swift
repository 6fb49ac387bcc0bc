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
    static func common(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> Int {
        var i = a.startIndex
        var j = b.startIndex
        var shared = 0
        while i < a.endIndex && j < b.endIndex {
            let x = a[i]
            let y = b[j]
            if x == y {
                shared += 1
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// The Dice coefficient of two trigram lists: shared trigrams on both sides over all of them.
    static func dice(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(common(a, b)) / Double(a.count + b.count)
    }
}
