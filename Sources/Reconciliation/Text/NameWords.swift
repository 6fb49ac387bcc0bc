/// The words of one name as ``NameSimilarity`` reads them: a number per word (equal numbers mean
/// equal words), its letters and its trigrams.
protocol NameWords {
    var wordCount: Int { get }
    func wordID(_ index: Int) -> UInt32
    func letters(_ index: Int) -> ArraySlice<UInt8>
    /// Distinct trigrams, ascending.
    func grams(_ index: Int) -> ArraySlice<UInt32>
}

/// A name prepared for comparison once, then scored against many stored names.
///
/// Words the lexicon knows take its numbers; unknown words get numbers from the top of the range,
/// distinct per distinct word, so they equal no stored word but still equal each other.
struct PreparedName: NameWords {
    private(set) var tokens: [String]
    private var ids: [UInt32] = []
    private var known: [Bool] = []
    private var letterStarts: [Int] = [0]
    private var letterBytes: [UInt8] = []
    private var gramStarts: [Int] = [0]
    private var gramValues: [UInt32] = []

    init(tokens: [String], lexicon: NameLexicon) {
        self.tokens = tokens
        var unknown: [String: UInt32] = [:]
        for token in tokens {
            if let id = lexicon.id(of: token) {
                ids.append(id)
                known.append(true)
            } else {
                let next = UInt32.max - UInt32(unknown.count)
                ids.append(unknown[token] ?? next)
                if unknown[token] == nil { unknown[token] = next }
                known.append(false)
            }
            letterBytes.append(contentsOf: token.utf8)
            letterStarts.append(letterBytes.count)
            gramValues.append(contentsOf: Trigrams.of(token))
            gramStarts.append(gramValues.count)
        }
    }

    var wordCount: Int { ids.count }
    func wordID(_ index: Int) -> UInt32 { ids[index] }
    /// `true` when the word is in the lexicon (its number is a lexicon number).
    func isKnown(_ index: Int) -> Bool { known[index] }
    func letters(_ index: Int) -> ArraySlice<UInt8> { letterBytes[letterStarts[index]..<letterStarts[index + 1]] }
    func grams(_ index: Int) -> ArraySlice<UInt32> { gramValues[gramStarts[index]..<gramStarts[index + 1]] }
}

/// A stored name: its word numbers, read through the lexicon.
struct LexiconName: NameWords {
    var lexicon: NameLexicon
    var ids: ArraySlice<UInt32>

    var wordCount: Int { ids.count }
    func wordID(_ index: Int) -> UInt32 { ids[ids.startIndex + index] }
    func letters(_ index: Int) -> ArraySlice<UInt8> { lexicon.letters(ids[ids.startIndex + index]) }
    func grams(_ index: Int) -> ArraySlice<UInt32> { lexicon.grams(ids[ids.startIndex + index]) }
}
