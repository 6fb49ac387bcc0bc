/// Letters and trigrams of numbered words, read through pointers while a comparison runs.
///
/// Word `n`'s letters are `letters[letterStarts[n]..<letterStarts[n + 1]]`, its distinct trigrams
/// (ascending) likewise in `grams`. Valid only inside the `withTable` call that made it.
struct WordTable {
    var letterStarts: UnsafeBufferPointer<Int>
    var letters: UnsafeBufferPointer<UInt8>
    var gramStarts: UnsafeBufferPointer<Int>
    var grams: UnsafeBufferPointer<UInt32>

    @inline(__always) func length(_ slot: UInt32) -> Int {
        letterStarts[Int(slot) + 1] - letterStarts[Int(slot)]
    }

    @inline(__always) func firstLetter(_ slot: UInt32) -> UInt8 { letters[letterStarts[Int(slot)]] }

    @inline(__always) func letters(_ slot: UInt32) -> Slice<UnsafeBufferPointer<UInt8>> {
        letters[letterStarts[Int(slot)]..<letterStarts[Int(slot) + 1]]
    }

    @inline(__always) func grams(_ slot: UInt32) -> Slice<UnsafeBufferPointer<UInt32>> {
        grams[gramStarts[Int(slot)]..<gramStarts[Int(slot) + 1]]
    }
}

/// Flat storage behind a ``WordTable``: words appended one after another.
struct WordStorage: Sendable {
    private(set) var letterStarts: [Int] = [0]
    private(set) var letters: [UInt8] = []
    private(set) var gramStarts: [Int] = [0]
    private(set) var grams: [UInt32] = []

    var count: Int { letterStarts.count - 1 }

    mutating func append(_ word: String) {
        letters.append(contentsOf: word.utf8)
        letterStarts.append(letters.count)
        grams.append(contentsOf: Trigrams.of(word))
        gramStarts.append(grams.count)
    }

    func length(_ slot: UInt32) -> Int { letterStarts[Int(slot) + 1] - letterStarts[Int(slot)] }

    func grams(_ slot: UInt32) -> ArraySlice<UInt32> { grams[gramStarts[Int(slot)]..<gramStarts[Int(slot) + 1]] }

    mutating func reserveCapacity(_ words: Int) {
        letterStarts.reserveCapacity(words + 1)
        gramStarts.reserveCapacity(words + 1)
        letters.reserveCapacity(words * 6)
        grams.reserveCapacity(words * 6)
    }

    func withTable<Result>(_ body: (WordTable) -> Result) -> Result {
        letterStarts.withUnsafeBufferPointer { letterStarts in
            letters.withUnsafeBufferPointer { letters in
                gramStarts.withUnsafeBufferPointer { gramStarts in
                    grams.withUnsafeBufferPointer { grams in
                        body(WordTable(letterStarts: letterStarts, letters: letters, gramStarts: gramStarts, grams: grams))
                    }
                }
            }
        }
    }
}

/// One name as ``NameSimilarity`` reads it: per word, the number that says which words are equal
/// and the slot of its letters and trigrams in `table`.
struct NameView {
    var ids: UnsafeBufferPointer<UInt32>
    var slots: UnsafeBufferPointer<UInt32>
    var table: WordTable

    @inline(__always) var count: Int { ids.count }
}
