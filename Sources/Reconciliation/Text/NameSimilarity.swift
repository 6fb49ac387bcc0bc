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
        var lexicon = NameLexicon()
        for token in a + b { _ = lexicon.intern(token) }
        return PreparedName(tokens: a, lexicon: lexicon).withView { a in
            PreparedName(tokens: b, lexicon: lexicon).withView { b in score(a, b) }
        }
    }

    /// The score of two names; words are compared by number, letters and trigrams.
    static func score(_ a: NameView, _ b: NameView) -> Double {
        let countA = a.count
        let countB = b.count
        guard countA > 0, countB > 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: countA + countB) { used in
            used.initialize(repeating: false)
            var usedA = UnsafeMutableBufferPointer(rebasing: used[0..<countA])
            var usedB = UnsafeMutableBufferPointer(rebasing: used[countA...])
            var weight = 0.0
            for i in 0..<countA {
                let word = a.ids[i]
                for j in 0..<countB where !usedB[j] && b.ids[j] == word {
                    usedA[i] = true
                    usedB[j] = true
                    weight += 2
                    break
                }
            }
            weight += joinCompounds(a, b, &usedA, &usedB)
            weight += joinCompounds(b, a, &usedB, &usedA)
            for i in 0..<countA where !usedA[i] && a.table.length(a.slots[i]) >= 3 {
                var best = 0.0
                var bestIndex: Int?
                let gramsA = a.table.grams(a.slots[i])
                for j in 0..<countB where !usedB[j] && b.table.length(b.slots[j]) >= 3 {
                    let gramsB = b.table.grams(b.slots[j])
                    let similarity = 2 * Double(Trigrams.common(gramsA, gramsB)) / Double(gramsA.count + gramsB.count)
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
            for i in 0..<countA where !usedA[i] {
                let initialA = a.table.length(a.slots[i]) == 1
                let firstA = a.table.firstLetter(a.slots[i])
                for j in 0..<countB where !usedB[j] {
                    let initialB = b.table.length(b.slots[j]) == 1
                    guard initialA || initialB, firstA == b.table.firstLetter(b.slots[j]) else { continue }
                    usedA[i] = true
                    usedB[j] = true
                    weight += 2 * initialWeight
                    break
                }
            }
            return weight / Double(countA + countB)
        }
    }

    /// Pairs two adjacent unpaired words of `split` with the unpaired word of `whole` they spell;
    /// returns the weight gained (three tokens fully paired).
    private static func joinCompounds(_ split: NameView, _ whole: NameView,
                                      _ usedSplit: inout UnsafeMutableBufferPointer<Bool>,
                                      _ usedWhole: inout UnsafeMutableBufferPointer<Bool>) -> Double {
        let count = split.count
        guard count >= 2 else { return 0 }
        var weight = 0.0
        for i in 0..<(count - 1) where !usedSplit[i] && !usedSplit[i + 1] {
            let head = split.table.letters(split.slots[i])
            let tail = split.table.letters(split.slots[i + 1])
            for j in 0..<whole.count where !usedWhole[j] {
                let candidate = whole.table.letters(whole.slots[j])
                guard candidate.count == head.count + tail.count,
                      candidate.prefix(head.count).elementsEqual(head),
                      candidate.suffix(tail.count).elementsEqual(tail) else { continue }
                usedSplit[i] = true
                usedSplit[i + 1] = true
                usedWhole[j] = true
                weight += 3
                break
            }
        }
        return weight
    }
}
