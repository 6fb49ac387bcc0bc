import Foundation
import Testing

/// `recon parse` totals never wrap around: a total beyond 64 bits is said to be too large.
@Suite("Money: totals in recon parse")
struct MoneyPropertySummaryTests {
    @Test("two credits of Int64.max cents: the credit total is reported as too large, not as -0.02")
    func creditTotalOverflow() throws {
        let scratch = try Recon.Scratch()
        let big = "92233720368547758,07"
        let file = try scratch.write("huge.sta", """
            :20:HUGE
            :25:NL91ABNA0417164300
            :28C:1/1
            :60F:C240301EUR0,00
            :61:2403010301C\(big)NTRFNONREF
            :61:2403010301C\(big)NTRFNONREF
            :61:2403010301D1,00NTRFNONREF
            :62F:C240301EUR0,00
            -

            """)
        let result = try Recon.run(["parse", file])
        #expect(result.stdout.contains("2 credit(s) (too large for 64 bits) EUR"), "\(result.stdout)")
        #expect(result.stdout.contains("1 debit(s) 1.00 EUR"), "\(result.stdout)")
        #expect(!result.stdout.contains("-0.02"), "\(result.stdout)")
        #expect(result.stdout.contains("entry total does not fit in 64 bits"), "\(result.stdout)")
        #expect(result.status == 1, "\(result.stderr)")
    }
}
