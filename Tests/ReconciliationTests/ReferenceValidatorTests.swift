@testable import Reconciliation
import Testing

@Suite struct ReferenceValidatorTests {
    @Test(arguments: ["RF18 5390 0754 7034", "RF71 2348 231", "rf18539007547034"])
    func validCreditorReferences(text: String) {
        #expect(CreditorReference.isValid(text))
        #expect(ReferenceKind.creditorReference.isValid(text))
    }

    @Test(arguments: ["RF17 5390 0754 7034", "RF18 5390 0754 7035", "RF1", "XX18539007547034", "RF18" + String(repeating: "1", count: 22)])
    func invalidCreditorReferences(text: String) {
        #expect(!CreditorReference.isValid(text))
    }

    @Test(arguments: ["5000056789012345", "12234534622567"])
    func validDutchReferences(text: String) {
        #expect(DutchPaymentReference.isValid(text))
    }

    /// (Changing the last digit of `12234534622567` to 8 keeps it valid: sum 265, mod 11 = 1, check 10 → 1.)
    /// `0123456788` passes the weighted sum when the length code is ignored, but its length code
    /// (second digit) must be 8 for ten digits; lengths 8 and 15 do not exist.
    @Test(arguments: ["0123456788", "5000056789012346", "22234534622567", "12345678", "123456789012345", "1234567"])
    func invalidDutchReferences(text: String) {
        #expect(!DutchPaymentReference.isValid(text))
    }

    @Test func dutchLengthCodeIsChecked() {
        // By hand: body 123456788 weighted from the right 2,4,8,5,10,9,7,3,6 → 16+32+56+30+50+36+21+6+6 = 253,
        // 253 mod 11 = 0 → check 0. The sum passes, so only the length code rejects it.
        #expect(DutchPaymentReference.checkDigit(for: [1, 2, 3, 4, 5, 6, 7, 8, 8]) == 0)
        #expect(!DutchPaymentReference.isValid("0123456788"))
        #expect(DutchPaymentReference.isValid("1234567", allowUnchecked: true))
    }

    @Test(arguments: ["+++010/8068/17183+++", "020343053497", "***010/8068/17183***"])
    func validBelgianReferences(text: String) {
        #expect(BelgianStructuredReference.isValid(text))
    }

    @Test(arguments: ["+++010/8068/17184+++", "020343053496", "0203430534"])
    func invalidBelgianReferences(text: String) {
        #expect(!BelgianStructuredReference.isValid(text))
    }

    @Test(arguments: ["123453", "2023 0000 98"])
    func validFinnishReferences(text: String) {
        #expect(FinnishReference.isValid(text))
    }

    @Test(arguments: ["2023000095", "123454", "12"])
    func invalidFinnishReferences(text: String) {
        #expect(!FinnishReference.isValid(text))
    }

    @Test func swissQRReference() {
        #expect(SwissQRReference.isValid("21 00000 00003 13947 14300 09017"))
        #expect(!SwissQRReference.isValid("21 00000 00003 13947 14300 09018"))
        #expect(!SwissQRReference.isValid("21 00000 00003 13947 14300 0901"))
    }

    @Test func norwegianKID() {
        #expect(NorwegianKID.isValid("12344", method: .mod10))
        #expect(!NorwegianKID.isValid("12343", method: .mod10))
        #expect(NorwegianKID.isValid("12343", method: .mod11))
        #expect(!NorwegianKID.isValid("12344", method: .mod11))
    }

    @Test func ibanValidation() {
        #expect(IBAN.isValid("NL91 ABNA 0417 1643 00"))
        #expect(IBAN.isValid("DE89 3704 0044 0532 0130 00"))
        #expect(IBAN.isValid("BE68 5390 0754 7034"))
        #expect(!IBAN.isValid("NL91 ABNA 0417 1643 01"))
        #expect(!IBAN.isValid("NL91 ABNA 0417 1643 0"), "wrong length for NL")
        #expect(!IBAN.isValid("XX91 ABNA 0417 1643 00"), "unknown country")
        #expect(IBAN.make(country: "NL", bban: "ABNA0417164300") == "NL91ABNA0417164300")
        #expect(IBAN.make(country: "DE", bban: "370400440532013000") == "DE89370400440532013000")
    }

    /// Every generator's output validates under its own kind, over many bases.
    @Test(arguments: ReferenceKind.allCases)
    func generatedReferencesValidate(kind: ReferenceKind) {
        var made = 0
        for seed in 0..<300 {
            let base: String
            switch kind {
            case .belgianStructured: base = String(1_000_000_000 + seed * 7919)
            case .dutchPaymentReference: base = seed % 2 == 0 ? String(100_000_000_000_000 + seed * 7919) : String(1_000_000 + seed * 31)
            default: base = String(10_000 + seed * 7919)
            }
            guard let reference = kind.make(base: base) else {
                #expect(kind == .norwegianKIDMod11, "\(kind) refused base \(base)")
                continue
            }
            made += 1
            #expect(kind.isValid(reference), "\(kind) made \(reference) from \(base)")
        }
        #expect(made > 250)
    }

    @Test func generatorsMatchTheVectors() {
        #expect(CreditorReference.make(base: "539007547034") == "RF18539007547034")
        #expect(CreditorReference.make(base: "2348231") == "RF712348231")
        #expect(DutchPaymentReference.make(base: "000056789012345") == "5000056789012345")
        #expect(DutchPaymentReference.make(base: "234534622567") == "12234534622567")
        #expect(BelgianStructuredReference.make(base: "0108068171") == "+++010/8068/17183+++")
        #expect(FinnishReference.make(base: "12345") == "123453")
        #expect(SwissQRReference.make(base: "21000000000313947143000901") == "210000000003139471430009017")
        #expect(NorwegianKID.make(base: "1234", method: .mod10) == "12344")
        #expect(NorwegianKID.make(base: "1234", method: .mod11) == "12343")
    }
}
