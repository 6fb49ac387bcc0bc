/// Every distinct name word seen, numbered, with its letters and trigrams stored once.
///
/// Names compare words by number (equal numbers, equal words) and read letters and trigrams from
/// flat arrays, so scoring a payer name against thousands of customer names hashes no strings and
/// allocates nothing per word.
struct NameLexicon: Sendable {
    private var numbers: [String: UInt32] = [:]
    private(set) var storage = WordStorage()

    /// The number of words.
    var count: Int { storage.count }

    /// The number of `word`, if it has been seen.
    func id(of word: String) -> UInt32? { numbers[word] }

    /// The number of `word`, numbering it first if it is new.
    mutating func intern(_ word: String) -> UInt32 {
        if let id = numbers[word] { return id }
        let id = UInt32(count)
        numbers[word] = id
        storage.append(word)
        return id
    }

    func length(_ id: UInt32) -> Int { storage.length(id) }

    /// The word's distinct trigrams, ascending.
    func grams(_ id: UInt32) -> ArraySlice<UInt32> { storage.grams(id) }

    mutating func reserveCapacity(_ words: Int) {
        numbers.reserveCapacity(words)
        storage.reserveCapacity(words)
    }
}
