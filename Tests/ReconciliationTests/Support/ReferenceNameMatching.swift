@testable import Reconciliation

// The name matching as first written (commit 83e694c): strings, hashed sets and a full sort of the
// candidates. Kept as the slow reference the optimised NameIndex and NameSimilarity must equal
// bit for bit (NameMatchingReferenceTests).

/// How alike two normalised names are, from 0 (nothing shared) to 1 (the same tokens).
///
/// Tokens are paired greedily: equal words count 1; words that differ by a typo count their
/// trigram similarity when it is at least 0.7; an initial paired with a word of that letter (or
/// the same initial) counts 0.8; two adjacent words that spell one word of the other name
/// (`installatie techniek` ~ `installatietechniek`) count fully on both sides. The score is the
/// Dice coefficient over the pairing: paired weight on both sides / (tokens in a + tokens in b), so
/// extra words on either side lower it.
enum ReferenceNameSimilarity {
    static let initialWeight = 0.8
    static let typoThreshold = 0.7

    static func score(_ a: [String], _ b: [String]) -> Double {
        score(a, b, gramsA: a.map(ReferenceTrigrams.of), gramsB: b.map(ReferenceTrigrams.of))
    }

    /// The score with each token's trigrams already computed (the index keeps them per name).
    static func score(_ a: [String], _ b: [String], gramsA: [Set<UInt32>], gramsB: [Set<UInt32>]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var usedA = [Bool](repeating: false, count: a.count)
        var usedB = [Bool](repeating: false, count: b.count)
        var weight = 0.0
        for i in a.indices {
            if let j = b.indices.first(where: { !usedB[$0] && b[$0] == a[i] }) {
                usedA[i] = true
                usedB[j] = true
                weight += 2
            }
        }
        weight += joinCompounds(a, b, &usedA, &usedB)
        weight += joinCompounds(b, a, &usedB, &usedA)
        for i in a.indices where !usedA[i] && a[i].count >= 3 {
            var best = 0.0
            var bestIndex: Int?
            for j in b.indices where !usedB[j] && b[j].count >= 3 {
                let similarity = ReferenceTrigrams.dice(gramsA[i], gramsB[j])
                if similarity > best {
                    best = similarity
                    bestIndex = j
                }
            }
            if let j = bestIndex, best >= typoThreshold {
                usedA[i] = true
                usedB[j] = true
                weight += 2 * best
            }
        }
        for i in a.indices where !usedA[i] {
            let initialA = a[i].count == 1
            for j in b.indices where !usedB[j] {
                let initialB = b[j].count == 1
                guard initialA || initialB, a[i].first == b[j].first else { continue }
                usedA[i] = true
                usedB[j] = true
                weight += 2 * initialWeight
                break
            }
        }
        return weight / Double(a.count + b.count)
    }

    /// Pairs two adjacent unpaired words of `split` with the unpaired word of `whole` they spell;
    /// returns the weight gained (three tokens fully paired).
    private static func joinCompounds(_ split: [String], _ whole: [String], _ usedSplit: inout [Bool],
                                      _ usedWhole: inout [Bool]) -> Double {
        guard split.count >= 2 else { return 0 }
        var weight = 0.0
        for i in 0..<(split.count - 1) where !usedSplit[i] && !usedSplit[i + 1] {
            let joined = split[i] + split[i + 1]
            if let j = whole.indices.first(where: { !usedWhole[$0] && whole[$0] == joined }) {
                usedSplit[i] = true
                usedSplit[i + 1] = true
                usedWhole[j] = true
                weight += 3
            }
        }
        return weight
    }
}

/// Letter trigrams of a word, padded at both ends so short words and word edges count.
enum ReferenceTrigrams {
    static func of(_ word: String) -> Set<UInt32> {
        var bytes: [UInt8] = [UInt8(ascii: "$")]
        bytes.append(contentsOf: word.utf8)
        bytes.append(UInt8(ascii: "$"))
        var grams = Set<UInt32>()
        guard bytes.count >= 3 else { return grams }
        for index in 0...(bytes.count - 3) {
            grams.insert(UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]))
        }
        return grams
    }

    static func dice(_ a: Set<UInt32>, _ b: Set<UInt32>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}

/// An inverted index from name tokens to customers, so a payer name is compared with the few
/// customers sharing a word (or a near-spelling of one) instead of all of them.
///
/// Exact tokens are looked up directly; for typo tolerance each distinct token is also indexed by
/// its trigrams, and query words reach vocabulary words with trigram similarity ≥ 0.7.
struct ReferenceNameIndex: Sendable {
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
        let tokens = ReferenceNameNormalizer.tokens(name)
        guard !tokens.isEmpty else { return }
        let entry = entries.count
        entries.append(Entry(customer: customer, tokens: tokens, grams: tokens.map(ReferenceTrigrams.of)))
        entriesByCustomer[customer, default: []].append(entry)
        for token in Set(tokens) where token.count >= 2 {
            if postings[token] == nil {
                postings[token] = []
                if token.count >= 4 {
                    let id = vocabulary.count
                    vocabulary.append(token)
                    for gram in ReferenceTrigrams.of(token) { trigramPostings[gram, default: []].append(id) }
                }
            }
            postings[token, default: []].append(entry)
        }
    }

    /// The best similarity of `name` to any name of `customer`, computed directly: a common name
    /// shared by thousands of customers may not reach the ranked list of ``matches(for:minimum:)``.
    func similarity(of name: String, to customer: String) -> Double {
        let query = ReferenceNameNormalizer.tokens(name)
        return (entriesByCustomer[customer] ?? []).map { ReferenceNameSimilarity.score(query, entries[$0].tokens) }.max() ?? 0
    }

    /// Customers whose name resembles `name`, with their best similarity, best first; only those
    /// scoring at least `minimum`.
    func matches(for name: String, minimum: Double) -> [(customer: String, similarity: Double)] {
        let query = ReferenceNameNormalizer.tokens(name)
        let queryGrams = query.map(ReferenceTrigrams.of)
        var candidates: [Int: Int] = [:]
        for token in Set(query) where token.count >= 2 {
            if let list = postings[token], list.count <= ReferenceNameIndex.maximumPostings {
                for entry in list { candidates[entry, default: 0] += 2 }
            }
            guard token.count >= 4 else { continue }
            let grams = ReferenceTrigrams.of(token)
            var shared: [Int: Int] = [:]
            for gram in grams {
                for id in trigramPostings[gram] ?? [] { shared[id, default: 0] += 1 }
            }
            for (id, count) in shared {
                let word = vocabulary[id]
                // Dice on trigram sets: word of n letters has n trigrams with the padding used.
                let dice = 2 * Double(count) / Double(grams.count + word.count)
                guard dice >= ReferenceNameSimilarity.typoThreshold, word != token,
                      let list = postings[word], list.count <= ReferenceNameIndex.maximumPostings
                else { continue }
                for entry in list { candidates[entry, default: 0] += 1 }
            }
        }
        // Entries sharing the most words are scored first; the rest cannot beat them by much and
        // scoring every holder of a common surname would make one payment cost thousands of comparisons.
        let scored = candidates.count <= ReferenceNameIndex.maximumScored ? Array(candidates.keys)
            : candidates.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(ReferenceNameIndex.maximumScored).map(\.key)
        var best: [String: Double] = [:]
        for entry in scored {
            let similarity = ReferenceNameSimilarity.score(query, entries[entry].tokens, gramsA: queryGrams,
                                                  gramsB: entries[entry].grams)
            if similarity >= minimum, similarity > best[entries[entry].customer] ?? -1 {
                best[entries[entry].customer] = similarity
            }
        }
        return best.map { (customer: $0.key, similarity: $0.value) }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.customer < $1.customer }
    }
}
/// Turns a person or company name into the tokens names are compared on.
///
/// Case, accents (`ä`→`a`, `ß`→`ss`, `ø`→`o`, `ĳ`→`ij`) and punctuation go; legal forms (`B.V.`,
/// `GmbH`, `Ltd`…), Dutch and German particles (`van`, `de`, `der`, `von`…), salutations and
/// connecting words carry no identity and are dropped. The order of the remaining tokens is not
/// significant, so `Vries, J. de` and `J. de Vries` give the same tokens `j`, `vries`.
enum ReferenceNameNormalizer {
    /// The identifying tokens of `name`, lower-case ASCII; single letters are initials.
    static func tokens(_ name: some StringProtocol, limit: Int = 300) -> [String] {
        let raw = ReferenceTextSegment.split(name.referenceReplacingApostrophes(), limit: limit)
        var words: [String] = []
        // Glue runs of single letters (`B.V.` → `bv`, `V.O.F.` → `vof`) when they spell a legal form.
        var index = raw.startIndex
        while index < raw.endIndex {
            let segment = raw[index]
            if segment.text.count == 1 && !segment.isDigits {
                var end = index
                while end < raw.endIndex && raw[end].text.count == 1 && !raw[end].isDigits { end += 1 }
                let joined = raw[index..<end].map(\.text).joined().lowercased()
                if end - index > 1 && legalForms.contains(joined) {
                    index = end
                    continue
                }
                words.append(contentsOf: raw[index..<end].map { $0.text.lowercased() })
                index = end
                continue
            }
            words.append(segment.text.lowercased())
            index += 1
        }
        return words.filter { !legalForms.contains($0) && !particles.contains($0) && !fillers.contains($0) }
    }

    static let legalForms: Set<String> = [
        "bv", "nv", "vof", "cv", "bvba", "bvb", "sprl", "srl", "sa", "sas", "sarl", "eurl", "gmbh", "mbh", "ag", "kg",
        "ohg", "ek", "ug", "gbr", "ev", "kgaa", "ltd", "limited", "llc", "llp", "lp", "plc", "inc", "incorporated",
        "corp", "corporation", "co", "company", "oy", "oyj", "ab", "as", "asa", "aps", "spa", "sl", "sro", "kft",
        "vzw", "asbl", "cvba", "scrl", "holding",
    ]

    static let particles: Set<String> = [
        "van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in", "von", "vom", "zu", "zum", "zur",
        "di", "da", "du", "des", "del", "della", "la", "le", "dos", "das", "do", "y",
    ]

    /// Salutations and connecting words.
    static let fillers: Set<String> = [
        "en", "and", "und", "et", "of", "eo", "dhr", "mevr", "mw", "mr", "mrs", "ms", "herr", "frau", "fam",
        "familie", "firma", "fa", "heer", "mevrouw",
    ]
}

extension StringProtocol {
    /// Removes apostrophes so `'t Hoen` and `O'Brien` keep their words whole.
    fileprivate func referenceReplacingApostrophes() -> String {
        String(unicodeScalars.filter { $0 != "'" && $0 != "\u{2019}" && $0 != "`" }.map(Character.init))
    }
}
/// A maximal run of letters or of digits in free text, the unit invoice numbers and references are
/// matched on.
///
/// Splitting at every letter/digit boundary and every other character makes matches whole-word by
/// construction: the digits of `INV-10` form the one segment `10`, which can never equal `1`.
struct ReferenceTextSegment: Hashable, Sendable {
    /// Upper-case ASCII letters, or digits as written (leading zeros kept).
    var text: String
    var isDigits: Bool

    /// The digits without leading zeros (`"0"` stays `"0"`); the letters unchanged.
    var significant: String {
        guard isDigits else { return text }
        let trimmed = text.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// Splits `text` (at most `limit` bytes of it) into segments. Accented Latin letters are folded
    /// to ASCII; every other character separates.
    static func split(_ text: some StringProtocol, limit: Int) -> [ReferenceTextSegment] {
        var segments: [ReferenceTextSegment] = []
        var current: [UInt8] = []
        var currentIsDigits = false
        func flush() {
            if !current.isEmpty {
                segments.append(ReferenceTextSegment(text: String(decoding: current, as: UTF8.self), isDigits: currentIsDigits))
                current.removeAll(keepingCapacity: true)
            }
        }
        func add(_ byte: UInt8, digit: Bool) {
            if !current.isEmpty && currentIsDigits != digit { flush() }
            currentIsDigits = digit
            current.append(byte)
        }
        var consumed = 0
        for scalar in text.unicodeScalars {
            consumed += 1
            if consumed > limit { break }
            let value = scalar.value
            if value >= 0x30 && value <= 0x39 {
                add(UInt8(value), digit: true)
            } else if value >= 0x41 && value <= 0x5A {
                add(UInt8(value), digit: false)
            } else if value >= 0x61 && value <= 0x7A {
                add(UInt8(value - 32), digit: false)
            } else if let folded = LatinFolding.ascii(for: scalar) {
                for byte in folded.utf8 { add(byte - 32, digit: false) }
            } else {
                flush()
            }
        }
        flush()
        return segments
    }
}
