/// Every distinct name word seen, numbered, with its letters and trigrams stored once.
///
/// Names compare words by number (equal numbers, equal words) and read letters and trigrams from
/// flat arrays, so scoring a payer name against thousands of customer names hashes no strings and
/// allocates nothing per word.
struct NameLexicon: Sendable {
    private var numbers: [String: UInt32] = [:]
    private var letterStarts: [Int] = [0]
    private var letterBytes: [UInt8] = []
    private var gramStarts: [Int] = [0]
    private var gramValues: [UInt32] = []

    /// The number of words.
    var count: Int { letterStarts.count - 1 }

    /// The number of `word`, if it has been seen.
    func id(of word: String) -> UInt32? { numbers[word] }

    /// The number of `word`, numbering it first if it is new.
    mutating func intern(_ word: String) -> UInt32 {
        if let id = numbers[word] { return id }
        let id = UInt32(count)
        numbers[word] = id
        letterBytes.append(contentsOf: word.utf8)
        letterStarts.append(letterBytes.count)
        gramValues.append(contentsOf: Trigrams.of(word))
        gramStarts.append(gramValues.count)
        return id
    }

    func letters(_ id: UInt32) -> ArraySlice<UInt8> {
        let index = Int(id)
        return letterBytes[letterStarts[index]..<letterStarts[index + 1]]
    }

    func length(_ id: UInt32) -> Int {
        let index = Int(id)
        return letterStarts[index + 1] - letterStarts[index]
    }

    /// The word's distinct trigrams, ascending.
    func grams(_ id: UInt32) -> ArraySlice<UInt32> {
        let index = Int(id)
        return gramValues[gramStarts[index]..<gramStarts[index + 1]]
    }

    mutating func reserveCapacity(_ words: Int) {
        numbers.reserveCapacity(words)
        letterStarts.reserveCapacity(words + 1)
        gramStarts.reserveCapacity(words + 1)
        letterBytes.reserveCapacity(words * 6)
        gramValues.reserveCapacity(words * 6)
    }
}
