import Foundation
import Testing

/// The generated sample company (`samples/`, written by recon-gen with its ground truth) run
/// through import, invoices-later and match: every automatic allocation must agree with
/// `truth.csv`, and the dangerous cases must stay unallocated.
@Suite struct SampleCompanyTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    @Test func automaticAllocationsAgreeWithTheGroundTruth() throws {
        let scratch = try Recon.Scratch()
        let db = scratch.path("samples.sqlite")
        let statements = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path)
            .filter { $0.hasPrefix("2026-") }
        #expect(statements.count >= 20)
        let quality = MatchingQuality(try ScenarioRun(directory: Self.samples, database: db))
        #expect(quality.precision == 1, "\(quality.problems)")
        #expect(quality.unrelatedAllocated == 0)
        #expect(quality.wrongReversals == 0)
        #expect(quality.recalled >= 20)

        // The strangers whose amounts equal open invoices stay unallocated.
        let listing = try Recon.run(["invoices", "--json", "--db", db])
        #expect(listing.status == 0, "\(listing.stderr)")
        let statuses = try ScenarioFixtures.objects(listing)
        for number in ["INV-2026-0024", "INV-2026-0001"] {
            #expect(statuses.first { $0["invoice"] as? String == number }?["status"] as? String == "open")
        }
        // Paid before invoiced, matched by 'recon match'.
        for number in ["INV-2026-0039", "INV-2026-0040"] {
            #expect(statuses.first { $0["invoice"] as? String == number }?["status"] as? String == "paid")
        }
        // The camt return (RvslInd, MD06) re-opened INV-2026-0029.
        #expect(statuses.first { $0["invoice"] as? String == "INV-2026-0029" }?["status"] as? String == "open")
    }
}
