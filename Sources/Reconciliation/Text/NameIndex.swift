/// An inverted index from name tokens to customers, so a payer name is compared with the few
/// customers sharing a word (or a near-spelling of one) instead of all of them.
///
/// Exact tokens are looked up directly; for typo tolerance each distinct token of four letters or
/// more is also indexed by its trigrams, and query words reach vocabulary words with trigram
/// similarity ≥ 0.7. Words are numbered once in a ``NameLexicon``; posting lists hold name numbers
/// in ascending order, so the names sharing the most words are found by merging lists rather than
/// by hashing and sorting every holder of a common surname.
struct NameIndex: Sendable {
    private var lexicon = NameLexicon()
    /// Per name: its customer (as a number into `customerIDs`) and its words.
    private var entryCustomers: [Int32] = []
    private var entryWordStarts: [Int] = [0]
    private var entryWords: [UInt32] = []
    private var customerIDs: [String] = []
    private var customerNumbers: [String: Int32] = [:]
    private var entriesByCustomer: [[Int32]] = []
    /// Per lexicon word: the names holding it (words of two letters or more), ascending.
    private var postings: [[Int32]] = []
    /// Trigram → words of four letters or more containing it, ascending.
    private var trigramPostings: [UInt32: [UInt32]] = [:]

    /// Tokens shared by more customers than this are too common to pick candidates by.
    static let maximumPostings = 5_000
    /// At most this many names are compared in full per query.
    static let maximumScored = 100

    /// Makes room for about `names` names, so building a large index does not rehash repeatedly.
    mutating func reserveCapacity(names: Int) {
        lexicon.reserveCapacity(names)
        entryCustomers.reserveCapacity(names)
        entryWordStarts.reserveCapacity(names + 1)
        entryWords.reserveCapacity(names * 3)
        customerIDs.reserveCapacity(names)
        customerNumbers.reserveCapacity(names)
        entriesByCustomer.reserveCapacity(names)
        postings.reserveCapacity(names)
    }

    mutating func add(name: String, customer: String) {
        let tokens = NameNormalizer.tokens(name)
        guard !tokens.isEmpty else { return }
        let entry = Int32(entryCustomers.count)
        let customerNumber: Int32
        if let number = customerNumbers[customer] {
            customerNumber = number
        } else {
            customerNumber = Int32(customerIDs.count)
            customerIDs.append(customer)
            customerNumbers[customer] = customerNumber
            entriesByCustomer.append([])
        }
        entryCustomers.append(customerNumber)
        entriesByCustomer[Int(customerNumber)].append(entry)
        let firstWord = entryWords.count
        for token in tokens {
            let id = lexicon.intern(token)
            if Int(id) == postings.count { postings.append([]) }
            entryWords.append(id)
        }
        entryWordStarts.append(entryWords.count)
        for position in firstWord..<entryWords.count {
            let id = entryWords[position]
            // Each distinct word once per name; initials are not indexed.
            guard lexicon.length(id) >= 2, !entryWords[firstWord..<position].contains(id) else { continue }
            if postings[Int(id)].isEmpty && lexicon.length(id) >= 4 {
                for gram in lexicon.grams(id) { trigramPostings[gram, default: []].append(id) }
            }
            postings[Int(id)].append(entry)
        }
    }

    /// Scores `query` against each of `entries`, handing each name's customer and similarity to `body`.
    private func score(_ query: PreparedName, against entries: some Sequence<Int32>,
                       _ body: (Int32, Double) -> Void) {
        query.withView { query in
            lexicon.storage.withTable { table in
                entryWords.withUnsafeBufferPointer { words in
                    for entry in entries {
                        let range = entryWordStarts[Int(entry)]..<entryWordStarts[Int(entry) + 1]
                        let ids = UnsafeBufferPointer(rebasing: words[range])
                        body(entryCustomers[Int(entry)], NameSimilarity.score(query, NameView(ids: ids, slots: ids, table: table)))
                    }
                }
            }
        }
    }

    /// `name` tokenised and resolved against this index's words, for repeated comparisons.
    func prepare(_ name: String) -> PreparedName {
        PreparedName(tokens: NameNormalizer.tokens(name), lexicon: lexicon)
    }

    /// The best similarity of `name` to any name of `customer`, computed directly: a common name
    /// shared by thousands of customers may not reach the ranked list of ``matches(for:minimum:)``.
    func similarity(of name: String, to customer: String) -> Double {
        similarity(of: prepare(name), to: customer)
    }

    func similarity(of query: PreparedName, to customer: String) -> Double {
        guard let number = customerNumbers[customer] else { return 0 }
        var best: Double?
        score(query, against: entriesByCustomer[Int(number)]) { _, similarity in
            if best.map({ similarity > $0 }) ?? true { best = similarity }
        }
        return best ?? 0
    }

    /// Customers whose name resembles `name`, with their best similarity, best first; only those
    /// scoring at least `minimum`.
    func matches(for name: String, minimum: Double) -> [(customer: String, similarity: Double)] {
        matches(for: prepare(name), minimum: minimum)
    }

    func matches(for query: PreparedName, minimum: Double) -> [(customer: String, similarity: Double)] {
        // Each list of names sharing a word, weighted: 2 for the word itself, 1 per near-spelling.
        var weights: [UInt32: Int] = [:]
        var seen: [UInt32] = []
        for index in 0..<query.wordCount {
            let id = query.wordID(index)
            let length = query.length(index)
            guard length >= 2, !seen.contains(id) else { continue }
            seen.append(id)
            if query.isKnown(index), !postings[Int(id)].isEmpty, postings[Int(id)].count <= NameIndex.maximumPostings {
                weights[id, default: 0] += 2
            }
            guard length >= 4 else { continue }
            for word in nearSpellings(of: query.grams(index)) where word != id || !query.isKnown(index) {
                if postings[Int(word)].count <= NameIndex.maximumPostings { weights[word, default: 0] += 1 }
            }
        }
        let lists = weights.sorted { $0.key < $1.key }.map { (entries: postings[Int($0.key)][...], weight: $0.value) }
        let candidates = PostingTally.top(NameIndex.maximumScored, of: lists)
        var best: [Int32: Double] = [:]
        score(query, against: candidates) { customer, similarity in
            if similarity >= minimum, similarity > best[customer] ?? -1 { best[customer] = similarity }
        }
        return best.map { (customer: customerIDs[Int($0.key)], similarity: $0.value) }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.customer < $1.customer }
    }

    /// Indexed words (four letters or more) whose trigram Dice similarity with a query word of
    /// these trigrams is at least ``NameSimilarity/typoThreshold``, the word's trigram count taken
    /// as its length (as padded trigrams of distinct letters would be).
    ///
    /// A word must share at least `needed` trigrams to qualify even at the shortest length indexed,
    /// so it shares one of the query's `count - needed + 1` rarest trigrams: only those lists are
    /// read, and each word found is then checked exactly.
    private func nearSpellings(of grams: ArraySlice<UInt32>) -> [UInt32] {
        let count = grams.count
        guard let needed = (1...max(1, count)).first(where: { isNear(shared: $0, queryGrams: count, wordLength: 4) })
        else { return [] }
        let lists = grams.map { trigramPostings[$0] ?? [] }.sorted { $0.count < $1.count }
        var found: [UInt32] = []
        for list in lists.prefix(count - needed + 1) { found.append(contentsOf: list) }
        found.sort()
        var near: [UInt32] = []
        var previous: UInt32?
        for word in found where word != previous {
            previous = word
            let shared = Trigrams.common(grams, lexicon.grams(word))
            if isNear(shared: shared, queryGrams: count, wordLength: lexicon.length(word)) { near.append(word) }
        }
        return near
    }

    private func isNear(shared: Int, queryGrams: Int, wordLength: Int) -> Bool {
        2 * Double(shared) / Double(queryGrams + wordLength) >= NameSimilarity.typoThreshold
    }
}
