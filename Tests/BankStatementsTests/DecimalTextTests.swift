import ReconTestSupport
import Testing

@testable import BankStatements

/// The byte formatter the output paths share writes what the `String` formatters write.
@Suite("Decimal text")
struct DecimalTextTests {
    static func amount(_ minorUnits: Int64, _ exponent: Int, _ separator: Character = ".") -> String {
        DecimalText.withAmount(minorUnits: minorUnits, exponent: exponent, separator: separator) {
            String(decoding: $0, as: UTF8.self)
        }
    }

    @Test("amounts are written byte for byte as Money.format writes them", arguments: [0, 2, 3, 4, 18, 19, -1])
    func amountsMatchMoneyFormat(exponent: Int) {
        var random = SplitMix64(seed: UInt64(exponent + 100))
        var values: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, Int64.max, Int64.min, Int64.min + 1]
        for _ in 0..<500 { values.append(Int64(bitPattern: random.next()) >> random.next(upTo: 63)) }
        for value in values {
            for separator: Character in [".", ","] {
                #expect(Self.amount(value, exponent, separator)
                        == Money.format(minorUnits: value, exponent: exponent, separator: separator),
                        "\(value) with \(exponent) decimals")
            }
        }
    }

    @Test("digits are padded to the width, after the sign")
    func digits() {
        func text(_ value: UInt64, _ width: Int, _ negative: Bool = false) -> String {
            DecimalText.withDigits(of: value, width: width, negative: negative) { String(decoding: $0, as: UTF8.self) }
        }
        #expect(text(0, 1) == "0")
        #expect(text(7, 4) == "0007")
        #expect(text(2026, 4) == "2026")
        #expect(text(5, 2, true) == "-05")
        #expect(text(UInt64.max, 1) == "18446744073709551615")
        #expect(text(UInt64(Int64.min.magnitude), 1, true) == "-9223372036854775808")
    }
}
