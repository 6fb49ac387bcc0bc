@testable import Reconciliation
import Testing
import ReconTestSupport

/// The optimised name matching equals the first implementation (kept in `ReferenceNameMatching`)
/// bit for bit: tokens, pair scores, ranked matches and direct similarities, on random names built
/// to hit every rule (typos, initials, particles, legal forms, compounds, accents, numbers) and on
/// books where thousands of customers share a name.
@Suite struct NameMatchingReferenceTests {
    struct NameMaker {
        var random: SplitMix64
        static let words = ["jan", "jansen", "janssen", "jansens", "de", "vries", "van", "der", "berg", "bakkerij",
                            "bakker", "installatie", "techniek", "installatietechniek", "müller", "mueller", "muller",
                            "straße", "strasse", "søren", "ĳssel", "o'brien", "obrien", "b.v.", "bv", "gmbh", "v.o.f.",
                            "ltd", "dhr.", "fam", "transport", "transportbedrijf", "groot", "aa", "aaaa", "x", "j.",
                            "k.", "12", "1234", "12345", "123456", "2024", "smit", "smid", "schmidt", "visser", "vos",
                            "\u{2019}t", "d`arc", "e\u{301}lise", "Ωmega", "日本", "a1b2", "00042", "æble", "ĳ"]

        mutating func name() -> String {
            var parts: [String] = []
            for _ in 0..<(1 + random.next(upTo: 4)) {
                var word = NameMaker.words[random.next(upTo: NameMaker.words.count)]
                if random.next(upTo: 6) == 0, word.count > 3 {
                    var letters = Array(word)
                    letters[random.next(upTo: letters.count)] = Character(Unicode.Scalar(UInt8(97 + random.next(upTo: 26))))
                    word = String(letters)
                }
                if random.next(upTo: 5) == 0 { word = word.uppercased() }
                parts.append(word)
            }
            let separators = [" ", " ", " ", ", ", "-", " & "]
            return parts.enumerated().map { $0.offset == 0 ? $0.element : separators[random.next(upTo: separators.count)] + $0.element }
                .joined()
        }
    }

    @Test(arguments: [(11 as UInt64, 3_000, 0), (12, 1_500, 5_200)])
    func indexMatchesTheReference(seed: UInt64, names: Int, namesakes: Int) {
        var maker = NameMaker(random: SplitMix64(seed: seed))
        var index = NameIndex()
        var reference = ReferenceNameIndex()
        var customers: [String] = []
        for serial in 0..<names {
            // Some customers have several names; ids repeat on purpose.
            let customer = "C\(serial - serial % (1 + maker.random.next(upTo: 3)))"
            let name = maker.name()
            index.add(name: name, customer: customer)
            reference.add(name: name, customer: customer)
            customers.append(customer)
        }
        for serial in 0..<namesakes {
            index.add(name: "Jan Jansen", customer: "N\(serial)")
            reference.add(name: "Jan Jansen", customer: "N\(serial)")
        }
        var compared = 0
        for _ in 0..<300 {
            let query = maker.name()
            #expect(NameNormalizer.tokens(query) == ReferenceNameNormalizer.tokens(query), "\(query)")
            for minimum in [0.0, 0.6] {
                let fast = index.matches(for: query, minimum: minimum)
                let slow = reference.matches(for: query, minimum: minimum)
                #expect(fast.map(\.customer) == slow.map(\.customer), "\(query) ≥ \(minimum)")
                #expect(fast.map(\.similarity.bitPattern) == slow.map(\.similarity.bitPattern), "\(query) ≥ \(minimum)")
                compared += fast.count
            }
            for customer in [customers[maker.random.next(upTo: customers.count)], "N1", "unknown"] {
                #expect(index.similarity(of: query, to: customer).bitPattern
                        == reference.similarity(of: query, to: customer).bitPattern, "\(query) ~ \(customer)")
            }
        }
        // The queries must reach many customers, or the comparison proves little.
        #expect(compared > 3_000)
    }

    @Test func pairScoresMatchTheReference() {
        var maker = NameMaker(random: SplitMix64(seed: 13))
        for _ in 0..<3_000 {
            let a = NameNormalizer.tokens(maker.name())
            let b = NameNormalizer.tokens(maker.name())
            #expect(NameSimilarity.score(a, b).bitPattern == ReferenceNameSimilarity.score(a, b).bitPattern, "\(a) ~ \(b)")
        }
    }
}

/// Invoice-number keys built straight from bytes equal those built from text segments.
@Suite struct InvoiceNumberKeyReferenceTests {
    @Test func byteKeysEqualSegmentKeys() {
        var random = SplitMix64(seed: 21)
        let pieces = ["INV", "inv", "-", "/", ".", " ", "0", "00", "0042", "2024", "10", "1", "Fäctuur", "ß", "nr",
                      "RE", "Ω", "000", "7", "a", "#", "\u{2019}"]
        for _ in 0..<5_000 {
            let number = (0..<(1 + random.next(upTo: 6))).map { _ in pieces[random.next(upTo: pieces.count)] }.joined()
            let fast = InvoiceNumberKey(number: number)
            let slow = InvoiceNumberKey(segments: TextSegment.split(number, limit: 200)[...])
            #expect(fast == slow, "\(number)")
        }
    }
}
