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
        return score(PreparedName(tokens: a, lexicon: lexicon), PreparedName(tokens: b, lexicon: lexicon))
    }

    /// The score of two prepared names; words are compared by number, letters and trigrams.
    static func score(_ a: some NameWords, _ b: some NameWords) -> Double {
        let countA = a.wordCount
        let countB = b.wordCount
        guard countA > 0, countB > 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: countA + countB) { used in
            used.initialize(repeating: false)
            var usedA = UnsafeMutableBufferPointer(rebasing: used[0..<countA])
            var usedB = UnsafeMutableBufferPointer(rebasing: used[countA...])
            var weight = 0.0
            for i in 0..<countA {
                let word = a.wordID(i)
                for j in 0..<countB where !usedB[j] && b.wordID(j) == word {
                    usedA[i] = true
                    usedB[j] = true
                    weight += 2
                    break
                }
            }
            weight += joinCompounds(a, b, &usedA, &usedB)
            weight += joinCompounds(b, a, &usedB, &usedA)
            for i in 0..<countA where !usedA[i] && a.letters(i).count >= 3 {
                var best = 0.0
                var bestIndex: Int?
                let gramsA = a.grams(i)
                for j in 0..<countB where !usedB[j] && b.letters(j).count >= 3 {
                    let similarity = Trigrams.dice(gramsA, b.grams(j))
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
                let lettersA = a.letters(i)
                let initialA = lettersA.count == 1
                for j in 0..<countB where !usedB[j] {
                    let lettersB = b.letters(j)
                    let initialB = lettersB.count == 1
                    guard initialA || initialB, lettersA.first == lettersB.first else { continue }
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
    private static func joinCompounds(_ split: some NameWords, _ whole: some NameWords,
                                      _ usedSplit: inout UnsafeMutableBufferPointer<Bool>,
                                      _ usedWhole: inout UnsafeMutableBufferPointer<Bool>) -> Double {
        let count = split.wordCount
        guard count >= 2 else { return 0 }
        var weight = 0.0
        for i in 0..<(count - 1) where !usedSplit[i] && !usedSplit[i + 1] {
            let head = split.letters(i)
            let tail = split.letters(i + 1)
            for j in 0..<whole.wordCount where !usedWhole[j] {
                let candidate = whole.letters(j)
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
