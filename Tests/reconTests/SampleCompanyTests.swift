import Foundation
import Testing

/// The generated sample company (`samples/`, written by recon-gen with its ground truth) run
/// through import, invoices-later and match: every automatic allocation must agree with
/// `truth.csv`, and the dangerous cases must stay unallocated.
@Suite struct SampleCompanyTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    /// bank reference → the `allocation` column of truth.csv.
    static func truth() throws -> [String: String] {
        let text = try String(contentsOf: samples.appendingPathComponent("truth.csv"), encoding: .utf8)
        var rows: [String: String] = [:]
        var header: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if header.isEmpty {
                header = fields
                continue
            }
            guard let reference = header.firstIndex(of: "bank_reference"), let allocation = header.firstIndex(of: "allocation"),
                  fields.count > max(reference, allocation) else { continue }
            rows[fields[reference]] = fields[allocation]
        }
        return rows
    }

    @Test func automaticAllocationsAgreeWithTheGroundTruth() throws {
        let scratch = try Recon.Scratch()
        let db = scratch.path("samples.sqlite")
        func run(_ arguments: [String]) throws -> Recon.Result {
            let result = try Recon.run(arguments + ["--db", db])
            #expect(result.status == 0, "recon \(arguments.joined(separator: " ")): \(result.stderr)")
            return result
        }
        _ = try run(["invoices", "import", Self.samples.appendingPathComponent("invoices.csv").path])
        let statements = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path)
            .filter { $0.hasPrefix("2026-") }.sorted()
        #expect(statements.count >= 20)
        for file in statements { _ = try run(["import", Self.samples.appendingPathComponent(file).path]) }
        _ = try run(["invoices", "import", Self.samples.appendingPathComponent("invoices-later.csv").path])
        _ = try run(["match"])

        let truth = try Self.truth()
        let allocations = try ScenarioFixtures.objects(try run(["allocations", "--json"]))
        let reversed = Set(allocations.compactMap { $0["reverses"] as? Int })
        var live = 0
        for allocation in allocations where allocation["kind"] as? String == "payment" {
            guard let id = allocation["id"] as? Int, !reversed.contains(id) else { continue }
            let reference = allocation["bankReference"] as? String ?? "?"
            let invoice = allocation["invoice"] as? String ?? "?"
            let expected = try #require(truth[reference], "no truth row for \(reference)")
            #expect(expected.contains(invoice + ":"), "\(reference) allocated to \(invoice), truth says \(expected)")
            live += 1
        }
        #expect(live >= 20)
        // The strangers whose amounts equal open invoices stay unallocated.
        let statuses = try ScenarioFixtures.objects(try run(["invoices", "--json"]))
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
