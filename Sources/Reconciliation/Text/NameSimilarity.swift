/// How alike two normalised names are, from 0 (nothing shared) to 1 (the same tokens).
///
/// Tokens are paired greedily: equal words count 1; words that differ by a typo count their
/// trigram similarity when it is at least 0.7; an initial paired with a word of that letter (or
/// the same initial) counts 0.8; two adjacent words that spell one word of the other name
/// (`installatie techniek` ~ `installatietechniek`) count fully on both sides. The score is the
/// Dice coefficient over the pairing: paired weight on both sides / (tokens in a + tokens in b), so
/// extra words on either side lower it.
enum NameSimilarity {
    static let initialWeight = 0.8
    static let typoThreshold = 0.7

    static func score(_ a: [String], _ b: [String]) -> Double {
        score(a, b, gramsA: a.map(Trigrams.of), gramsB: b.map(Trigrams.of))
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
                let similarity = Trigrams.dice(gramsA[i], gramsB[j])
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
enum Trigrams {
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
