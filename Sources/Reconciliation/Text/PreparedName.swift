/// A name tokenised and prepared once, then scored against many stored names.
///
/// Words the lexicon knows take its numbers; unknown words get numbers from the top of the range,
/// distinct per distinct word, so they equal no stored word but still equal each other.
struct PreparedName: Sendable {
    private(set) var tokens: [String]
    private var ids: [UInt32] = []
    private var known: [Bool] = []
    private var storage = WordStorage()

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
            storage.append(token)
        }
    }

    var wordCount: Int { ids.count }
    func wordID(_ index: Int) -> UInt32 { ids[index] }
    /// `true` when the word is in the lexicon (its number is a lexicon number).
    func isKnown(_ index: Int) -> Bool { known[index] }
    func length(_ index: Int) -> Int { storage.length(UInt32(index)) }
    func grams(_ index: Int) -> ArraySlice<UInt32> { storage.grams(UInt32(index)) }

    /// The name as a view for ``NameSimilarity``, valid inside `body`.
    func withView<Result>(_ body: (NameView) -> Result) -> Result {
        let slots = (0..<UInt32(ids.count)).map { $0 }
        return storage.withTable { table in
            ids.withUnsafeBufferPointer { ids in
                slots.withUnsafeBufferPointer { slots in
                    body(NameView(ids: ids, slots: slots, table: table))
                }
            }
        }
    }
}
