import Testing
@testable import recon_gen

@Suite("Identifiers: IBANs and payment references carry correct check digits")
struct IdentifierTests {
    @Test("the independent IBAN check accepts the published examples and rejects a changed digit",
          arguments: ["NL91ABNA0417164300", "DE89370400440532013000", "BE68539007547034"])
    func knownIBANs(iban: String) {
        #expect(IndependentChecks.ibanIsValid(iban))
        var broken = Array(iban)
        broken[10] = broken[10] == "1" ? "2" : "1"
        #expect(!IndependentChecks.ibanIsValid(String(broken)))
    }

    @Test("the generator reproduces the check digits of the published examples")
    func assembleKnownIBANs() {
        #expect(IBAN.assemble(country: "NL", bban: Array("ABNA0417164300".utf8)) == "NL91ABNA0417164300")
        #expect(IBAN.assemble(country: "DE", bban: Array("370400440532013000".utf8)) == "DE89370400440532013000")
        #expect(IBAN.assemble(country: "BE", bban: Array("539007547034".utf8)) == "BE68539007547034")
    }

    @Test("generated IBANs validate and have their country's length", arguments: Bank.dutch + Bank.german + Bank.belgian)
    func generatedIBANs(bank: Bank) {
        var random = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let iban = IBAN.make(at: bank, using: &random)
            #expect(IndependentChecks.ibanIsValid(iban), "\(iban)")
            #expect(iban.hasPrefix(bank.country.rawValue))
            switch bank.country {
            case .netherlands:
                #expect(iban.count == 18)
                #expect(iban.dropFirst(4).hasPrefix(bank.code))
            case .germany:
                #expect(iban.count == 22)
                #expect(iban.dropFirst(4).hasPrefix(bank.code))
            case .belgium:
                #expect(iban.count == 16)
                #expect(IndependentChecks.belgianIBANNationalCheckIsValid(iban), "\(iban)")
            }
        }
    }

    @Test("ISO 11649 creditor references validate, including the standard's example")
    func creditorReferences() {
        #expect(CreditorReference.make(body: "539007547034") == "RF18539007547034")
        #expect(IndependentChecks.creditorReferenceIsValid("RF18539007547034"))
        #expect(!IndependentChecks.creditorReferenceIsValid("RF19539007547034"))
        var random = SplitMix64(seed: 3)
        for _ in 0..<500 {
            let body = String(decoding: random.digits(random.int(in: 1...21)), as: UTF8.self)
            #expect(IndependentChecks.creditorReferenceIsValid(CreditorReference.make(body: body)), "\(body)")
        }
        #expect(IndependentChecks.creditorReferenceIsValid(CreditorReference.make(body: "INV2026A42")))
    }

    @Test("Dutch betalingskenmerk: a hand-computed vector and generated ones")
    func betalingskenmerk() {
        // Only the last digit (1) is non-zero; its weight is 2, so the sum is 2 and the check 11 − 2 = 9.
        #expect(Betalingskenmerk.checkDigit(for: Array("000000000000001".utf8)) == UInt8(ascii: "9"))
        #expect(IndependentChecks.betalingskenmerkIsValid("9000000000000001"))
        #expect(!IndependentChecks.betalingskenmerkIsValid("8000000000000001"))
        var random = SplitMix64(seed: 11)
        for number in [0, 7, 42, 2026_0042, 999_999_999] {
            for _ in 0..<100 {
                let reference = Betalingskenmerk.make(number: number, using: &random)
                #expect(IndependentChecks.betalingskenmerkIsValid(reference), "\(reference)")
                #expect(reference.hasSuffix(String(number)))
            }
        }
    }

    @Test("Belgian structured communication: the well-known +++090/9337/55493+++ and generated ones")
    func belgian() {
        #expect(IndependentChecks.belgianIsValid("090933755493"))
        #expect(BelgianStructuredCommunication.printed("090933755493") == "+++090/9337/55493+++")
        var random = SplitMix64(seed: 5)
        for number in [1, 260_042, 97, 9_999_999_999] {
            for _ in 0..<100 {
                let reference = BelgianStructuredCommunication.make(number: number, using: &random)
                #expect(IndependentChecks.belgianIsValid(reference), "\(reference)")
            }
        }
    }

    @Test("SplitMix64 matches the reference implementation's first outputs for seed 0")
    func splitMixVector() {
        // Outputs of the published C reference (Vigna, splitmix64.c) started from state 0.
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("bounded draws stay in range and reach both ends")
    func boundedDraws() {
        var random = SplitMix64(seed: 99)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let value = random.int(in: 3...9)
            #expect((3...9).contains(value))
            seen.insert(value)
        }
        #expect(seen == Set(3...9))
    }
}
