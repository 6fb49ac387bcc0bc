/// An inverted index from name tokens to customers, so a payer name is compared with the few
/// customers sharing a word (or a near-spelling of one) instead of all of them.
///
/// Exact tokens are looked up directly; for typo tolerance each distinct token is also indexed by
/// its trigrams, and query words reach vocabulary words with trigram similarity ≥ 0.7.
struct NameIndex: Sendable {
    /// A name (or alias) of a customer.
    private struct Entry: Sendable {
        var customer: String
        var tokens: [String]
        var grams: [Set<UInt32>]
    }

    private var entries: [Entry] = []
    private var entriesByCustomer: [String: [Int]] = [:]
    private var postings: [String: [Int]] = [:]
    private var vocabulary: [String] = []
    private var trigramPostings: [UInt32: [Int]] = [:]

    /// Tokens shared by more customers than this are too common to pick candidates by.
    static let maximumPostings = 5_000
    /// At most this many names are compared in full per query.
    static let maximumScored = 100

    mutating func add(name: String, customer: String) {
        let tokens = NameNormalizer.tokens(name)
        guard !tokens.isEmpty else { return }
        let entry = entries.count
        entries.append(Entry(customer: customer, tokens: tokens, grams: tokens.map(Trigrams.of)))
        entriesByCustomer[customer, default: []].append(entry)
        for token in Set(tokens) where token.count >= 2 {
            if postings[token] == nil {
                postings[token] = []
                if token.count >= 4 {
                    let id = vocabulary.count
                    vocabulary.append(token)
                    for gram in Trigrams.of(token) { trigramPostings[gram, default: []].append(id) }
                }
            }
            postings[token, default: []].append(entry)
        }
    }

    /// The best similarity of `name` to any name of `customer`, computed directly: a common name
    /// shared by thousands of customers may not reach the ranked list of ``matches(for:minimum:)``.
    func similarity(of name: String, to customer: String) -> Double {
        let query = NameNormalizer.tokens(name)
        return (entriesByCustomer[customer] ?? []).map { NameSimilarity.score(query, entries[$0].tokens) }.max() ?? 0
    }

    /// Customers whose name resembles `name`, with their best similarity, best first; only those
    /// scoring at least `minimum`.
    func matches(for name: String, minimum: Double) -> [(customer: String, similarity: Double)] {
        let query = NameNormalizer.tokens(name)
        let queryGrams = query.map(Trigrams.of)
        var candidates: [Int: Int] = [:]
        for token in Set(query) where token.count >= 2 {
            if let list = postings[token], list.count <= NameIndex.maximumPostings {
                for entry in list { candidates[entry, default: 0] += 2 }
            }
            guard token.count >= 4 else { continue }
            let grams = Trigrams.of(token)
            var shared: [Int: Int] = [:]
            for gram in grams {
                for id in trigramPostings[gram] ?? [] { shared[id, default: 0] += 1 }
            }
            for (id, count) in shared {
                let word = vocabulary[id]
                // Dice on trigram sets: word of n letters has n trigrams with the padding used.
                let dice = 2 * Double(count) / Double(grams.count + word.count)
                guard dice >= NameSimilarity.typoThreshold, word != token,
                      let list = postings[word], list.count <= NameIndex.maximumPostings
                else { continue }
                for entry in list { candidates[entry, default: 0] += 1 }
            }
        }
        // Entries sharing the most words are scored first; the rest cannot beat them by much and
        // scoring every holder of a common surname would make one payment cost thousands of comparisons.
        let scored = candidates.count <= NameIndex.maximumScored ? Array(candidates.keys)
            : candidates.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(NameIndex.maximumScored).map(\.key)
        var best: [String: Double] = [:]
        for entry in scored {
            let similarity = NameSimilarity.score(query, entries[entry].tokens, gramsA: queryGrams,
                                                  gramsB: entries[entry].grams)
            if similarity >= minimum, similarity > best[entries[entry].customer] ?? -1 {
                best[entries[entry].customer] = similarity
            }
        }
        return best.map { (customer: $0.key, similarity: $0.value) }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.customer < $1.customer }
    }
}
