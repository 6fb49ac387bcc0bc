import BankStatements
@testable import Reconciliation
import Testing

/// Invoice numbers and names as the matcher reads them from payers' text.
@Suite struct TextMatchingTests {
    private func identified(_ text: String, numbers: [String], policy: MatchingPolicy = .standard) -> [String] {
        let invoices = numbers.map { Fixtures.invoice($0, customer: "C", cents: 100) }
        let context = MatchingContext(invoices: invoices, customers: [])
        let evidence = PaymentEvidence(payment: Fixtures.payment(100, text: text), context: context, policy: policy)
        return evidence.identified(atLeast: .invoiceNumber).map { context.invoices[$0].number }.sorted()
    }

    @Test func invOneNeverMatchesInvTen() {
        #expect(identified("payment INV-10", numbers: ["INV-1", "INV-10"]) == ["INV-10"])
        #expect(identified("payment INV-1", numbers: ["INV-1", "INV-10"]) == ["INV-1"])
        #expect(identified("payment INV-10", numbers: ["INV-1"]) == [])
        #expect(identified("INV100", numbers: ["INV-1", "INV-10"]) == [])
    }

    @Test(arguments: ["INV-00042", "inv 42", "INV00042", "Factuur 42", "fact nr 0042", "Rechnung Nr. 42", "inv.42", "INV/0042"])
    func leadingZerosPrefixesAndSeparators(text: String) {
        #expect(identified("Betaling \(text) dank", numbers: ["INV-00042", "INV-00420"]) == ["INV-00042"])
    }

    @Test func bareShortNumbersNeedAPrefix() {
        #expect(identified("order 42 delivered", numbers: ["INV-00042"]) == [])
        #expect(identified("ref 2024-000042", numbers: ["INV-2024-000042"]) == ["INV-2024-000042"])
        #expect(identified("betaling 20240042", numbers: ["20240042"]) == ["20240042"])
        #expect(identified("betaling 4711", numbers: ["4711"]) == [])
        #expect(identified("factuur 4711", numbers: ["4711"]) == ["4711"])
    }

    @Test func severalNumbersInOneText() {
        #expect(identified("INV-7, INV-9 en INV-11", numbers: ["INV-7", "INV-8", "INV-9", "INV-11"]) == ["INV-11", "INV-7", "INV-9"])
    }

    @Test func referencesInFreeText() {
        let invoices = [
            Fixtures.invoice("A", customer: "C", cents: 100, reference: "RF18539007547034"),
            Fixtures.invoice("B", customer: "C", cents: 100, reference: "+++010/8068/17183+++"),
            Fixtures.invoice("D", customer: "C", cents: 100, reference: "2023000098"),
        ]
        let context = MatchingContext(invoices: invoices, customers: [])
        for (text, expected) in [("ref RF18 5390 0754 7034 thanks", "A"), ("+++010/8068/17183+++", "B"), ("viite 2023 0000 98", "D")] {
            let evidence = PaymentEvidence(payment: Fixtures.payment(100, text: text), context: context, policy: .standard)
            #expect(evidence.identified(atLeast: .checkedReference).map { context.invoices[$0].id } == [expected], "\(text)")
        }
    }

    @Test(arguments: [
        ("Müller GmbH", "MULLER"), ("Bakkerij Jansen B.V.", "BAKKERIJ JANSEN"), ("V.O.F. De Groot", "GROOT"),
        ("Straße & Söhne e.K.", "SOHNE STRASSE"), ("Bjørn Ĳsselstein Ltd.", "BJORN IJSSELSTEIN"),
        ("Vries, J. de", "J VRIES"), ("J. van der Berg", "BERG J"), ("Société Générale S.A.", "GENERALE SOCIETE"),
    ])
    func nameNormalisation(name: String, expected: String) {
        #expect(NameNormalizer.tokens(name).sorted().joined(separator: " ") == expected.lowercased())
    }

    @Test func nameSimilarity() {
        func score(_ a: String, _ b: String) -> Double {
            NameSimilarity.score(NameNormalizer.tokens(a), NameNormalizer.tokens(b))
        }
        #expect(score("Vries, J. de", "J. de Vries") == 1)
        #expect(score("Jan de Vries", "J. de Vries") >= 0.85)
        #expect(score("Bakkerij Jansen BV", "BAKKERIJ JANSEN") == 1)
        #expect(score("Bakkerij Janssen", "Bakkerij Jansen B.V.") >= 0.85, "one typo")
        #expect(score("K. Jansen", "J. Jansen") < 0.6)
        #expect(score("Albert Heijn", "J. de Vries") == 0)
    }

    @Test func nameIndexFindsTyposWithoutScanning() {
        var index = NameIndex()
        index.add(name: "Bakkerij Jansen B.V.", customer: "C1")
        index.add(name: "Jansen Transport", customer: "C2")
        index.add(name: "De Vries Installatietechniek", customer: "C3")
        let matches = index.matches(for: "BAKKERIJ JANSSEN", minimum: 0.6)
        #expect(matches.first?.customer == "C1")
        #expect(index.matches(for: "Vries Installatie techniek", minimum: 0.6).first?.customer == "C3")
        #expect(index.matches(for: "Unknown Person", minimum: 0.6).isEmpty)
    }
}
