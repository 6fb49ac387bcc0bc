import Foundation
import Testing

/// No floating point on a money path: every use of a floating-point or `Decimal` type in
/// `Sources/` must sit in a file that scores text similarity (where a fraction is the point and
/// no amount passes through). A new one elsewhere fails this test with the offending line.
@Suite("Money: no floating point")
struct MoneyPropertyFloatingPointScanTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Files allowed to use `Double`: name similarity scores and the thresholds they are compared with.
    static let allowed: Set<String> = [
        "Reconciliation/Text/NameSimilarity.swift",
        "Reconciliation/Text/NameIndex.swift",
        "Reconciliation/Matching/PaymentEvidence.swift",
        "Reconciliation/Matching/Matcher+Evaluation.swift",
        "Reconciliation/Model/MatchingPolicy.swift",
    ]

    static let forbidden = ["Double", "Float", "Float16", "Float32", "Float64", "Float80", "CGFloat", "Decimal",
                            "NSDecimalNumber", "NSNumber", "TimeInterval"]

    /// The forbidden words in one line of code (comments and string literals ignored).
    static func offendingWords(in line: Substring) -> [String] {
        var code = line
        if let comment = code.range(of: "//") { code = code[..<comment.lowerBound] }
        // Drop string literals so that messages may talk about anything.
        var stripped = ""
        var inString = false
        for character in code {
            if character == "\"" { inString.toggle(); continue }
            if !inString { stripped.append(character) }
        }
        var words: [String] = []
        var current = ""
        for character in stripped + " " {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else {
                if forbidden.contains(current) { words.append(current) }
                current = ""
            }
        }
        return words
    }

    @Test("the scanner finds what it must find")
    func scannerWorks() {
        #expect(Self.offendingWords(in: "let rate: Double = 0.5") == ["Double"])
        #expect(Self.offendingWords(in: "var x = Decimal(string: text)") == ["Decimal"])
        #expect(Self.offendingWords(in: "let amount = Float(units) / 100") == ["Float"])
        #expect(Self.offendingWords(in: "// Double in a comment").isEmpty)
        #expect(Self.offendingWords(in: "throw failure(\"not a Double\")").isEmpty)
        #expect(Self.offendingWords(in: "let doubled = DecimalAmount.minorUnits(from: x)").isEmpty)
    }

    @Test("no Double, Float or Decimal outside the similarity files")
    func noFloatingPoint() throws {
        let enumerator = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
        var scanned = 0
        var offending: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift"), !Self.allowed.contains(relative) else { continue }
            let text = try String(contentsOf: Self.sources.appendingPathComponent(relative), encoding: .utf8)
            scanned += 1
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let words = Self.offendingWords(in: line)
                if !words.isEmpty {
                    offending.append("Sources/\(relative):\(number + 1): \(words.joined(separator: ", ")): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(scanned > 100)
        #expect(offending.isEmpty, "floating point on a possible money path:\n\(offending.joined(separator: "\n"))")
    }

    @Test("the allowed files exist, so the list does not outlive what it excuses")
    func allowListIsCurrent() {
        for file in Self.allowed {
            #expect(FileManager.default.fileExists(atPath: Self.sources.appendingPathComponent(file).path), "\(file)")
        }
    }
}
