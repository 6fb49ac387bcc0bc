import Foundation
import Testing
import ReconTestSupport
@testable import BankStatements

/// Properties of the money path, checked over many seeded random values against an independent
/// reference written with plain string manipulation (never through `Money.format`).
@Suite("Money properties")
struct MoneyPropertyTests {
    /// The reference printing of `units` minor units with `exponent` decimals.
    static func reference(_ units: Int64, exponent: Int) -> String {
        let negative = units < 0
        var digits = String(units.magnitude)
        while digits.count <= exponent { digits = "0" + digits }
        if exponent > 0 { digits = String(digits.dropLast(exponent)) + "." + String(digits.suffix(exponent)) }
        return (negative ? "-" : "") + digits
    }

    static func randomUnits(_ random: inout SplitMix64) -> Int64 {
        // Mix magnitudes: small amounts, typical ones, and ones near the 64-bit edge.
        switch random.next() % 4 {
        case 0: return Int64(bitPattern: random.next() % 1000) - 500
        case 1: return Int64(bitPattern: random.next() % 100_000_000_00) * (random.next() % 2 == 0 ? 1 : -1)
        case 2: return Int64.max - Int64(random.next() % 1000)
        default:
            let value = Int64(bitPattern: random.next())
            return value == .min ? .min + 1 : value
        }
    }

    static let edges: [Int64] = [0, 1, -1, 9, -9, 10, -10, 99, 100, 999, 1000, -1000, .max, .min + 1, .max - 1]

    @Test("printing then parsing gives the same minor units, for every exponent", arguments: [0, 2, 3, 4])
    func printParseRoundTrip(exponent: Int) throws {
        var random = SplitMix64(seed: UInt64(exponent) &+ 0xC0FFEE)
        let currency = Currency(code: "T\(exponent)X", exponent: exponent)
        var values = Self.edges
        for _ in 0..<20_000 { values.append(Self.randomUnits(&random)) }
        for units in values {
            let money = Money(minorUnits: units, currency: currency)
            let text = money.decimalString
            #expect(text == Self.reference(units, exponent: exponent))
            #expect(try Money.parse(text, currency: currency) == money, "\(text)")
            // The MT940 spelling: decimal comma, no sign.
            let absolute = units < 0 ? -units : units
            let comma = Money.format(minorUnits: absolute, exponent: exponent, separator: ",")
            #expect(try DecimalAmount.minorUnits(from: Array(comma.utf8), exponent: exponent, options: .commaDecimal) == absolute)
        }
    }

    @Test("parsing then printing gives the canonical spelling, for every exponent", arguments: [0, 2, 3])
    func parsePrintRoundTrip(exponent: Int) throws {
        var random = SplitMix64(seed: 42 &+ UInt64(exponent))
        let currency = Currency(code: "T\(exponent)X", exponent: exponent)
        for _ in 0..<20_000 {
            // Leading zeros, up to `exponent` decimals (some of them given), an optional sign.
            let zeros = String(repeating: "0", count: Int(random.next() % 3))
            let integer = String(random.next() % 1_000_000_000_000)
            let decimalCount = exponent == 0 ? 0 : Int(random.next() % UInt64(exponent + 1))
            let decimals = String((0..<decimalCount).map { _ in Character(String(random.next() % 10)) })
            let negative = random.next() % 3 == 0
            var text = (negative ? "-" : "") + zeros + integer
            if exponent > 0 && (decimalCount > 0 || random.next() % 2 == 0) { text += "." + decimals }
            // Reference: the digits with the decimals padded to the exponent, leading zeros removed.
            var digits = integer + decimals + String(repeating: "0", count: exponent - decimalCount)
            while digits.count > 1 && digits.first == "0" { digits.removeFirst() }
            let units = try #require(Int64(digits))
            let expectedUnits = negative ? -units : units
            let money = try Money.parse(text, currency: currency)
            #expect(money.minorUnits == expectedUnits, "\(text)")
            #expect(money.decimalString == Self.reference(expectedUnits, exponent: exponent), "\(text)")
        }
    }

    @Test("amounts beyond 64 bits are an overflow error at every exponent, never a wrapped value", arguments: [0, 2, 3])
    func overflowIsAnError(exponent: Int) throws {
        let currency = Currency(code: "T\(exponent)X", exponent: exponent)
        let largest = Money.format(minorUnits: .max, exponent: exponent)
        #expect(try Money.parse(largest, currency: currency).minorUnits == .max)
        #expect(try Money.parse("-" + largest, currency: currency).minorUnits == -.max)
        // One minor unit more, and numbers up to the 30-digit limit and past it.
        let beyond = [
            Self.reference(.max, exponent: exponent).dropLast() + "8",
            "9" + String(repeating: "9", count: 19 - exponent),
            String(repeating: "9", count: 30),
            String(repeating: "1", count: 31),
            String(repeating: "0", count: 29) + "1" + String(repeating: "2", count: 25),
        ]
        for text in beyond {
            #expect(throws: AmountError.self, "\(text)") { try Money.parse(String(text), currency: currency) }
            do {
                _ = try Money.parse(String(text), currency: currency)
            } catch {
                guard case .overflow = error else {
                    Issue.record("\(text): \(error), expected overflow")
                    continue
                }
            }
        }
        // Int64.min itself prints, but is one beyond what parsing accepts (the magnitude is read first).
        #expect(Money.format(minorUnits: .min, exponent: 0) == "-9223372036854775808")
        #expect(throws: AmountError.self) { try Money.parse("-9223372036854775808", currency: Currency(code: "JPY", exponent: 0)) }
    }

    @Test("the balance check adds exactly or reports that the total does not fit; it never wraps")
    func balanceSumsNeverWrap() throws {
        var random = SplitMix64(seed: 7)
        let euro = Currency.euro
        let day = CalendarDate(year: 2024, month: 3, day: 1)
        for round in 0..<2_000 {
            let count = 1 + Int(random.next() % 6)
            var verifier = BalanceVerifier(currency: euro)
            var exact: Int128 = 0
            for _ in 0..<count {
                let units = Self.randomUnits(&random).magnitude
                let magnitude = Int64(min(units, UInt64(Int64.max)))
                let direction: CreditDebit = random.next() % 2 == 0 ? .credit : .debit
                verifier.add(Entry(amount: Money(minorUnits: magnitude, currency: euro), creditDebit: direction))
                exact += direction == .credit ? Int128(magnitude) : -Int128(magnitude)
            }
            // Opening zero; the closing balance is the exact total when it fits, else anything.
            let fits = exact >= Int128(-Int64.max) && exact <= Int128(Int64.max)
            let closingUnits: Int64 = fits ? Int64(exact) : 0
            let balances = [
                Balance(kind: .openingBooked, amount: Money(minorUnits: 0, currency: euro), creditDebit: .credit, date: day),
                Balance(kind: .closingBooked, amount: Money(minorUnits: closingUnits < 0 ? -closingUnits : closingUnits, currency: euro),
                        creditDebit: closingUnits < 0 ? .debit : .credit, date: day),
            ]
            let result = verifier.verify(balances: balances)
            // A running sum may leave 64 bits even when the total would fit; then the check must
            // fail loudly rather than compare a wrapped number.
            if result.ok {
                #expect(fits, "round \(round): ok for a total that does not fit")
            } else {
                #expect(!fits || result.message == "entry total does not fit in 64 bits", "round \(round): \(result.message)")
            }
        }
    }

}
