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
    /// Per name: its customer (as a number into `customerIDs`) and its shape.
    private var entryCustomers: [Int32] = []
    private var entryShapes: [Int32] = []
    private var customerIDs: [String] = []
    private var customerNumbers: [String: Int32] = [:]
    private var entriesByCustomer: [[Int32]] = []
    /// A shape is one distinct word sequence; thousands of `Jan Jansen`s share one, which is
    /// listed, merged and scored once.
    private var shapeNumbers: [[UInt32]: Int32] = [:]
    private var shapeWordStarts: [Int] = [0]
    private var shapeWords: [UInt32] = []
    /// Per shape: the names of that shape, ascending.
    private var shapeEntries: [[Int32]] = []
    /// Per shape: how many names it has (kept flat: read for every shape a query touches).
    private var shapeSizes: [Int] = []
    /// Per lexicon word: the shapes holding it (words of two letters or more), ascending. Shapes are
    /// numbered in order of their first name, so a shape's names start after those of lower shapes.
    private var shapePostings: [[Int32]] = []
    /// Per lexicon word: how many names hold it.
    private var wordNameCounts: [Int] = []
    /// Trigram → words of four letters or more containing it, ascending.
    private var trigramPostings: [UInt32: [UInt32]] = [:]

    /// Tokens shared by more names than this are too common to pick candidates by.
    static let maximumPostings = 5_000
    /// At most this many names are compared in full per query.
    static let maximumScored = 100

    /// Makes room for about `names` names, so building a large index does not rehash repeatedly.
    mutating func reserveCapacity(names: Int) {
        lexicon.reserveCapacity(names)
        entryCustomers.reserveCapacity(names)
        entryShapes.reserveCapacity(names)
        customerIDs.reserveCapacity(names)
        customerNumbers.reserveCapacity(names)
        entriesByCustomer.reserveCapacity(names)
        shapeNumbers.reserveCapacity(names)
        shapeEntries.reserveCapacity(names)
        shapeSizes.reserveCapacity(names)
        shapePostings.reserveCapacity(names)
        wordNameCounts.reserveCapacity(names)
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
        var words: [UInt32] = []
        words.reserveCapacity(tokens.count)
        for token in tokens {
            let id = lexicon.intern(token)
            if Int(id) == shapePostings.count {
                shapePostings.append([])
                wordNameCounts.append(0)
            }
            words.append(id)
        }
        let shape: Int32
        if let existing = shapeNumbers[words] {
            shape = existing
        } else {
            shape = Int32(shapeEntries.count)
            shapeNumbers[words] = shape
            shapeWords.append(contentsOf: words)
            shapeWordStarts.append(shapeWords.count)
            shapeEntries.append([])
            shapeSizes.append(0)
            for (position, id) in words.enumerated()
            where lexicon.length(id) >= 2 && !words[..<position].contains(id) {
                shapePostings[Int(id)].append(shape)
            }
        }
        entryShapes.append(shape)
        shapeEntries[Int(shape)].append(entry)
        shapeSizes[Int(shape)] += 1
        for (position, id) in words.enumerated() {
            // Each distinct word once per name; initials are not indexed.
            guard lexicon.length(id) >= 2, !words[..<position].contains(id) else { continue }
            if wordNameCounts[Int(id)] == 0 && lexicon.length(id) >= 4 {
                for gram in lexicon.grams(id) { trigramPostings[gram, default: []].append(id) }
            }
            wordNameCounts[Int(id)] += 1
        }
    }

    /// Scores `query` against each of `shapes`, handing each shape and its similarity to `body`.
    private func score(_ query: PreparedName, against shapes: some Sequence<Int32>,
                       _ body: (Int32, Double) -> Void) {
        query.withView { query in
            lexicon.storage.withTable { table in
                shapeWords.withUnsafeBufferPointer { words in
                    for shape in shapes {
                        let range = shapeWordStarts[Int(shape)]..<shapeWordStarts[Int(shape) + 1]
                        let ids = UnsafeBufferPointer(rebasing: words[range])
                        body(shape, NameSimilarity.score(query, NameView(ids: ids, slots: ids, table: table)))
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
        score(query, against: entriesByCustomer[Int(number)].map { entryShapes[Int($0)] }) { _, similarity in
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
        // Each list of shapes sharing a word, weighted: 2 for the word itself, 1 per near-spelling.
        var weights: [UInt32: Int] = [:]
        var seen: [UInt32] = []
        for index in 0..<query.wordCount {
            let id = query.wordID(index)
            let length = query.length(index)
            guard length >= 2, !seen.contains(id) else { continue }
            seen.append(id)
            if query.isKnown(index), (1...NameIndex.maximumPostings).contains(wordNameCounts[Int(id)]) {
                weights[id, default: 0] += 2
            }
            guard length >= 4 else { continue }
            for word in nearSpellings(of: query.grams(index)) where word != id || !query.isKnown(index) {
                if wordNameCounts[Int(word)] <= NameIndex.maximumPostings { weights[word, default: 0] += 1 }
            }
        }
        let lists = weights.sorted { $0.key < $1.key }.map { (entries: shapePostings[Int($0.key)][...], weight: $0.value) }
        let (shapes, totals) = PostingTally.merge(lists)
        let chosen = choose(shapes: shapes, totals: totals)
        var best: [Int32: Double] = [:]
        var position = 0
        score(query, against: chosen.map(\.shape)) { _, similarity in
            defer { position += 1 }
            guard similarity >= minimum else { return }
            for entry in chosen[position].entries {
                let customer = entryCustomers[Int(entry)]
                if similarity > best[customer] ?? -1 { best[customer] = similarity }
            }
        }
        return best.map { (customer: customerIDs[Int($0.key)], similarity: $0.value) }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.customer < $1.customer }
    }

    /// The ``maximumScored`` names with the highest totals (ties to the lowest name number), or all
    /// of them when there are no more, grouped by shape.
    private func choose(shapes: [Int32], totals: [Int32]) -> [(shape: Int32, entries: [Int32])] {
        guard let (threshold, room) = PostingTally.threshold(totals: totals, limit: NameIndex.maximumScored,
                                                             size: { shapeSizes[Int(shapes[$0])] })
        else { return shapes.map { ($0, shapeEntries[Int($0)]) } }
        var chosen: [(shape: Int32, entries: [Int32])] = []
        // At the threshold only the `room` lowest names fit. Shapes are numbered in order of their
        // first name, so those names all lie in the first `room` shapes at that total, each within
        // its first `room` names.
        var pool: [(entry: Int32, shape: Int32)] = []
        var poolShapes = 0
        for (shape, total) in zip(shapes, totals) {
            if total > threshold {
                chosen.append((shape, shapeEntries[Int(shape)]))
            } else if total == threshold && poolShapes < room {
                poolShapes += 1
                for entry in shapeEntries[Int(shape)].prefix(room) { pool.append((entry, shape)) }
            }
        }
        pool.sort { $0.entry < $1.entry }
        var atThreshold: [Int32: [Int32]] = [:]
        for item in pool.prefix(room) { atThreshold[item.shape, default: []].append(item.entry) }
        for (shape, entries) in atThreshold.sorted(by: { $0.key < $1.key }) { chosen.append((shape, entries)) }
        return chosen
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
