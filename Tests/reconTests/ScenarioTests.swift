import Foundation
import Testing

/// A month of reconciliation through the `recon` binary, as a bookkeeper would run it.
///
/// Expected outcomes, worked out by hand from the fixtures:
/// - INV-101 paid on day 1 by its RF reference (payer IBAN also known);
/// - INV-102 partly paid on day 1 (150.00 by RF), the rest (250.00) on day 2: paid;
/// - INV-103 + INV-104 paid by one transfer of 160.00 naming both;
/// - INV-105 (300.00) paid by 350.00: 50.00 stays as credit on C4;
/// - INV-106 (500.00) paid by 497.50: 2.50 written off (tolerance 5.00);
/// - INV-107 (200.00) and credit note CN-107 (-50.00) settled by 150.00;
/// - INV-108 (123.45) stays open: a gift of exactly 123.45 from a stranger goes to review;
/// - INV-109 paid by direct debit on day 1, the debit returned (MD06) on day 3: open again;
/// - INV-201 paid on day 2 before it was invoiced; paid after `invoices import` + `match`;
/// - the rent debit is stored but never queued.
@Suite(.serialized) struct ScenarioTests {
    let scratch: Recon.Scratch
    let db: String

    init() throws {
        scratch = try Recon.Scratch()
        db = scratch.path("recon.sqlite")
    }

    @discardableResult
    private func recon(_ arguments: [String], expect status: Int32 = 0) throws -> Recon.Result {
        let result = try Recon.run(arguments + ["--db", db])
        #expect(result.status == status, "recon \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    private func statuses() throws -> [String: String] {
        var map: [String: String] = [:]
        for invoice in try ScenarioFixtures.objects(try recon(["invoices", "--json"])) {
            if let number = invoice["invoice"] as? String, let status = invoice["status"] as? String { map[number] = status }
        }
        return map
    }

    private func runMonth() throws {
        try recon(["invoices", "import", ScenarioFixtures.path("invoices-1.csv")])
        for day in ["day1.mt940", "day2.mt940", "day3.mt940"] {
            try recon(["import", ScenarioFixtures.path(day)])
        }
        try recon(["invoices", "import", ScenarioFixtures.path("invoices-2.csv")])
        let match = try recon(["match"])
        #expect(match.stdout.contains("1 of 2 credit(s) allocated automatically"))
    }

    @Test func aMonthOfStatementsEndsWithTheRightStatuses() throws {
        try runMonth()
        #expect(try statuses() == [
            "INV-101": "paid", "INV-102": "paid", "INV-103": "paid", "INV-104": "paid", "INV-105": "paid",
            "INV-106": "paid", "INV-107": "paid", "CN-107": "paid", "INV-108": "open", "INV-109": "open",
            "INV-201": "paid",
        ])

        let queue = try ScenarioFixtures.objects(try recon(["review", "--json"]))
        #expect(queue.count == 1)
        let item = try #require(queue.first)
        #expect(item["amount"] as? String == "123.45")
        #expect(item["counterpartyName"] as? String == "Mario Rossi")
        #expect(item["bankReference"] as? String == "B26020403")
        let candidates = item["candidates"] as? [[String: Any]] ?? []
        #expect(candidates.map { $0["invoice"] as? String } == ["INV-108"])
        #expect((candidates.first?["score"] as? Int ?? 100) < 50)

        let allocations = try ScenarioFixtures.objects(try recon(["allocations", "--json"]))
        let writeOff = allocations.first { $0["kind"] as? String == "write-off" }
        #expect(writeOff?["invoice"] as? String == "INV-106" && writeOff?["amount"] as? String == "2.50")
        let reversal = allocations.first { $0["kind"] as? String == "reversal" }
        #expect(reversal?["invoice"] as? String == "INV-109" && reversal?["amount"] as? String == "-89.00")
        let first = allocations.first { $0["invoice"] as? String == "INV-101" }
        #expect(first?["method"] as? String == "reference" && first?["bankReference"] as? String == "B26020201")
        #expect(first?["confidence"] as? Int == 100)

        let credits = try ScenarioFixtures.objects(try recon(["credits", "--json"]))
        #expect(credits.map { "\($0["customer"] ?? "") \($0["amount"] ?? "")" } == ["C4 50.00"])
        let unmatched = try ScenarioFixtures.objects(try recon(["transactions", "--unmatched", "--json"]))
        // The gift, the rent, the return and the returned collection, and the overpayment's excess.
        #expect(Set(unmatched.compactMap { $0["unallocated"] as? String }) == ["123.45", "-1200.00", "-89.00", "89.00", "50.00"])

        let explain = try recon(["allocations", "--explain", "INV-109"])
        #expect(explain.stdout.contains("imported") && explain.stdout.contains("reverses 3"))
        #expect(explain.stdout.contains("MD06"))

        // Importing the same days again changes nothing.
        try recon(["import", ScenarioFixtures.path("day1.mt940"), ScenarioFixtures.path("day3.mt940")])
        #expect(try ScenarioFixtures.objects(try recon(["allocations", "--json"])).count == allocations.count)
    }

    @Test(.enabled(if: ScenarioFixtures.camtAvailable, "the CAMT parser is not in main yet"))
    func aCAMTDayContinuesTheMonth() throws {
        try runMonth()
        try recon(["import", ScenarioFixtures.path("day4.camt053.xml")])
        #expect(try statuses()["INV-108"] == "paid")
        let allocation = try ScenarioFixtures.objects(try recon(["allocations", "--json"]))
            .first { $0["invoice"] as? String == "INV-108" }
        #expect(allocation?["bankReference"] as? String == "B26020501-1")
        #expect(allocation?["endToEndId"] as? String == "ETA-2026-0108")
        // The stranger's gift is still queued, and its suggestion is now out of date.
        let queue = try ScenarioFixtures.objects(try recon(["review", "--json"]))
        #expect(queue.count == 1)
        let id = try #require(queue.first?["id"] as? Int)
        let refused = try recon(["review", "accept", String(id)], expect: 65)
        #expect(refused.stderr.contains("out of date"))
    }

    @Test func reviewDecisionsLearnAndUndoThroughTheCommandLine() throws {
        try runMonth()
        let queue = try ScenarioFixtures.objects(try recon(["review", "--json"]))
        let id = try #require(queue.first?["id"] as? Int)
        // The gift is not a payment of INV-108: ignoring it empties the queue for good.
        try recon(["review", "ignore", String(id)], expect: 64)
        try recon(["review", "ignore", String(id), "--reason", "private gift"])
        #expect(try ScenarioFixtures.objects(try recon(["review", "--json"])).isEmpty)
        try recon(["match"])
        #expect(try ScenarioFixtures.objects(try recon(["review", "--json"])).isEmpty)

        // Undo INV-103 of the two-invoice transfer: INV-104 stays paid, the money returns to review.
        let allocations = try ScenarioFixtures.objects(try recon(["allocations", "--json"]))
        let inv103 = try #require(allocations.first { $0["invoice"] as? String == "INV-103" }?["id"] as? Int)
        try recon(["undo", String(inv103), "--reason", "INV-103 was paid by cheque"])
        var current = try statuses()
        #expect(current["INV-103"] == "open" && current["INV-104"] == "paid")
        let requeued = try #require(try ScenarioFixtures.objects(try recon(["review", "--json"])).first)
        #expect(requeued["unallocated"] as? String == "100.00")
        try recon(["match"])
        #expect(try statuses()["INV-103"] == "open")

        // Assign it by hand with an amount over what is left: refused; within: done.
        let requeuedID = try #require(requeued["id"] as? Int)
        let tooMuch = try recon(["review", "assign", String(requeuedID), "INV-108", "123.45"], expect: 65)
        #expect(tooMuch.stderr.contains("more than"))
        try recon(["review", "assign", String(requeuedID), "INV-103", "100.00"])
        current = try statuses()
        #expect(current["INV-103"] == "paid")
        let learned = try recon(["customers", "learned", "C3"])
        #expect(learned.stdout.contains("DE89370400440532013000"))
        try recon(["customers", "forget", "C3", "--iban", "DE89370400440532013000"])
        let after = try recon(["customers", "learned", "C3"])
        #expect(!after.stdout.contains("DE89370400440532013000"), "\(after.stdout)")
    }

    @Test("accept prints what it paid, and with --expect does nothing when the suggestion names other invoices")
    func acceptChecksTheSuggestionItWasShown() throws {
        try runMonth()
        let allocations = try ScenarioFixtures.objects(try recon(["allocations", "--json"]))
        let inv103 = try #require(allocations.first { $0["invoice"] as? String == "INV-103" }?["id"] as? Int)
        try recon(["undo", String(inv103), "--reason", "paid by cheque after all"])
        let item = try #require(try ScenarioFixtures.objects(try recon(["review", "--json"])).first {
            $0["unallocated"] as? String == "100.00"
        })
        let id = try #require(item["id"] as? Int)
        let suggestion = try #require((item["candidates"] as? [[String: Any]])?.first)
        let invoices = try #require(suggestion["invoices"] as? [String])
        #expect(!invoices.isEmpty)
        let before = try recon(["allocations", "--json"]).stdout

        let stale = try recon(["review", "accept", String(id), "1", "--expect", "INV-999"], expect: 65)
        #expect(stale.stderr.contains("now names \(invoices.joined(separator: ", "))"), "\(stale.stderr)")
        #expect(try recon(["allocations", "--json"]).stdout == before)

        let accepted = try recon(["review", "accept", String(id), "1", "--expect", invoices.joined(separator: " , ")])
        let paidLine = try #require(accepted.stdout.split(separator: "\n").first { $0.hasPrefix("paid: ") })
        for invoice in invoices { #expect(paidLine.contains(invoice)) }
        #expect(try statuses()[invoices[0]] == "paid")
    }
}
