import Testing
@testable import BankStatements

@Suite struct MoneyTests {
    @Test(arguments: [
        ("1234.50", 2, Int64(123_450)), ("0.05", 2, 5), ("-7", 2, -700), ("18.150", 2, 1815), ("15459988", 0, 15_459_988),
        ("1.234", 3, 1234), ("+3.1", 2, 310), ("000012.00", 2, 1200),
    ])
    func parsesDecimalText(text: String, exponent: Int, expected: Int64) throws {
        let units = try DecimalAmount.minorUnits(from: Array(text.utf8), exponent: exponent, options: .signed)
        #expect(units == expected)
    }

    @Test(arguments: ["80,", ",32", "0000000123,45"])
    func parsesSwiftCommaAmounts(text: String) throws {
        let units = try DecimalAmount.minorUnits(from: Array(text.utf8), exponent: 2, options: .commaDecimal)
        let expected: [String: Int64] = ["80,": 8000, ",32": 32, "0000000123,45": 12345]
        #expect(units == expected[text])
    }

    @Test func rejectsBadAmounts() {
        #expect(throws: AmountError.tooManyDecimals(text: "66.0000000000001", allowed: 2)) {
            try DecimalAmount.minorUnits(from: Array("66.0000000000001".utf8), exponent: 2)
        }
        #expect(throws: AmountError.self) { try DecimalAmount.minorUnits(from: Array("12a".utf8), exponent: 2) }
        #expect(throws: AmountError.self) { try DecimalAmount.minorUnits(from: Array(".".utf8), exponent: 2) }
        #expect(throws: AmountError.self) { try DecimalAmount.minorUnits(from: Array("1.2.3".utf8), exponent: 2) }
        #expect(throws: AmountError.empty) { try DecimalAmount.minorUnits(from: Array("".utf8), exponent: 2) }
        let thirty = String(repeating: "9", count: 30)
        #expect(throws: AmountError.self) { try DecimalAmount.minorUnits(from: Array(thirty.utf8), exponent: 2) }
        #expect(throws: AmountError.overflow(text: "92233720368547758.08")) {
            try DecimalAmount.minorUnits(from: Array("92233720368547758.08".utf8), exponent: 2)
        }
    }

    /// Every value printed and parsed back is the same, for each exponent in use.
    @Test(arguments: [0, 2, 3, 4])
    func roundTrips(exponent: Int) throws {
        let samples: [Int64] = [0, 1, -1, 5, 99, 100, 101, -12_345, 1_000_000_007, Int64.max, Int64.min + 1]
        for value in samples {
            let text = Money.format(minorUnits: value, exponent: exponent)
            let back = try DecimalAmount.minorUnits(from: Array(text.utf8), exponent: exponent, options: .signed)
            #expect(back == value, "\(value) printed as \(text)")
        }
    }

    @Test func currencyExponents() throws {
        #expect(try #require(Currency(code: "JPY")).exponent == 0)
        #expect(try #require(Currency(code: "kwd")).exponent == 3)
        #expect(try #require(Currency(code: "EUR")).exponent == 2)
        #expect(Currency(code: "EURO") == nil)
        #expect(Currency(code: "E1R") == nil)
        #expect(Money(minorUnits: -5, currency: .euro).decimalString == "-0.05")
        #expect(Money(minorUnits: 1_545, currency: Currency(code: "JPY", exponent: 0)).decimalString == "1545")
    }

    @Test func decimalNumbers() {
        #expect(DecimalNumber("0.9253030601")?.description == "0.9253030601")
        #expect(DecimalNumber("1,0850") == DecimalNumber(significand: 10850, scale: 4))
        #expect(DecimalNumber("x") == nil)
    }
}
