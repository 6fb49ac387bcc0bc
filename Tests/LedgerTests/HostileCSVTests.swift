import Testing
@testable import Ledger

/// Hostile invoice CSV files: each is refused with a clear message on its line, quickly.
@Suite("Hostile invoice CSV")
struct HostileCSVTests {
    static let header = "invoice_number,customer_id,customer_name,issue_date,due_date,amount\n"

    static func issues(_ bytes: [UInt8]) -> [String] {
        InvoiceFileParser(file: "in.csv").parse(bytes).issues.map(\.description)
    }

    @Test("malformed files and rows give their expected message", arguments: [
        (header + "A-1,C1,N,2026-01-01,2026-02-01,123456789012345678901234567890\n",
         "in.csv:2: amount: '123456789012345678901234567890' is too large"),
        (header + "A-1,C1,N,2026-01-01,2026-02-01,92233720368547758.08\n",
         "in.csv:2: amount: '92233720368547758.08' is too large"),
        (header + "A-1,C1,N,2026-02-30,2026-03-01,1.00\n",
         "in.csv:2: issue_date: '2026-02-30' is not a date (YYYY-MM-DD)"),
        (header + "A-1,C1,\"never closed,2026-01-01,2026-02-01,1.00\n",
         "in.csv:2: quoted field is never closed"),
        (header + "A-1,C1,N\"x,2026-01-01,2026-02-01,1.00\n",
         "in.csv:2: quote inside an unquoted field (quote the whole field and double the quote)"),
        (header + String(repeating: ",", count: 300) + "\n",
         "in.csv:2: more than 200 fields in one record"),
        (header + "A-1,C1," + String(repeating: "x", count: 70_000) + ",2026-01-01,2026-02-01,1.00\n",
         "in.csv:2: field longer than 65536 bytes"),
        ("", "in.csv:1: file has no header row"),
    ])
    func rejected(text: String, expected: String) {
        let issues = Self.issues(Array(text.utf8))
        #expect(issues.contains(expected), "\(issues)")
    }

    @Test("invalid UTF-8 and NUL bytes: an error on their line, never a crash")
    func badBytes() {
        var bytes = Array((Self.header + "A-1,C1,").utf8) + [0xC3, 0x28, 0x00, 0xFF] + Array(",2026-01-01,2026-02-01,1.00\n".utf8)
        #expect(Self.issues(bytes).contains("in.csv:2: invalid UTF-8"), "\(Self.issues(bytes))")
        bytes = Array((Self.header + "A-1,C1,N\0ame,2026-01-01,2026-02-01,1.00\n").utf8)
        let result = InvoiceFileParser(file: "in.csv").parse(bytes)
        // A NUL is valid UTF-8: the row is kept or refused, but the name is never cut at the NUL.
        #expect(result.records.first.map { $0.customerName == "N\0ame" } ?? !result.issues.isEmpty)
    }

    @Test("a million empty lines and 200,000 one-field records end quickly")
    func manyLines() {
        let clock = ContinuousClock()
        let start = clock.now
        let blank = Array(Self.header.utf8) + [UInt8](repeating: 0x0A, count: 1_000_000)
        #expect(InvoiceFileParser(file: "in.csv").parse(blank).records.isEmpty)
        var short = Array(Self.header.utf8)
        for _ in 0..<200_000 { short += [UInt8(ascii: "x"), 0x0A] }
        let issues = InvoiceFileParser(file: "in.csv").parse(short).issues
        #expect(issues.count == 200_000)
        #expect(issues.first?.description == "in.csv:2: row has 1 field(s), the header has 6")
        #expect(clock.now - start < .seconds(60))
    }
}
