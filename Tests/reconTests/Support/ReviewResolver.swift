import Foundation
import ReconTestSupport

/// A person working the review queue while statements are being imported: each step lists the
/// queue as `recon review --json` shows it and acts on what it saw — accepts a suggestion,
/// assigns an item to its suggested invoices (sometimes with an amount), ignores it, or undoes an
/// allocation. Items are taken from the front of the queue, where the other resolvers work too,
/// so that decisions on the same item collide. Every choice comes from a seeded generator.
struct ReviewResolver {
    let worker: Int
    let directory: URL
    let journal: WorkloadJournal
    var random: SplitMix64

    private var database: [String] { ["--db", "recon.sqlite"] }

    mutating func step(_ number: Int) throws {
        let listing = try RecordedRun.run(["review", "--json"] + database, in: directory)
        journal.record(listing, worker: worker)
        guard listing.status == 0 else { return }
        let items = try Self.objects(listing.stdout)
        let roll = random.next(upTo: 100)
        let tag = "worker-\(worker)-step-\(number)"
        if roll < 20 || items.isEmpty {
            try undoAnAllocation(reason: tag)
            return
        }
        let item = items[random.next(upTo: min(3, items.count))]
        guard let id = Self.integer(item["id"]) else { return }
        let candidates = item["candidates"] as? [[String: Any]] ?? []
        let invoicesOf: (Int) -> [String] = { candidates[$0]["invoices"] as? [String] ?? [] }
        if item["kind"] as? String == "return" {
            if candidates.isEmpty || roll >= 90 {
                try decide(.ignore(item: id), ["review", "ignore", String(id), "--reason", tag], seen: candidates.count, invoices: [])
            } else {
                try decide(.accept(item: id, suggestion: 1), ["review", "accept", String(id), "1"], seen: candidates.count,
                           invoices: [])
            }
        } else if roll < 65 && !candidates.isEmpty {
            let choice = random.next(upTo: candidates.count)
            try decide(.accept(item: id, suggestion: choice + 1), ["review", "accept", String(id), String(choice + 1)],
                       seen: candidates.count, invoices: invoicesOf(choice))
        } else if roll < 85 && !candidates.isEmpty {
            let invoices = invoicesOf(random.next(upTo: candidates.count))
            guard !invoices.isEmpty else { return }
            var words = invoices
            // Part of the payment on one invoice: the rest stays unexplained.
            if invoices.count == 1, random.next(upTo: 3) == 0,
               let unallocated = (item["unallocated"] as? String).flatMap(GroundTruth.cents), unallocated >= 2 {
                words.append(Self.decimal(unallocated / 2))
            }
            try decide(.assign(item: id), ["review", "assign", String(id)] + words,
                       seen: candidates.count, invoices: invoices)
        } else {
            try decide(.ignore(item: id), ["review", "ignore", String(id), "--reason", tag], seen: candidates.count, invoices: [])
        }
    }

    /// Undoes one of the three newest live payment allocations — often one another resolver has
    /// just made or is undoing too — of a positive amount (undoing a credit note's share alone is
    /// refused whatever else runs, so it is no race).
    private mutating func undoAnAllocation(reason: String) throws {
        let listing = try RecordedRun.run(["allocations", "--json"] + database, in: directory)
        journal.record(listing, worker: worker)
        guard listing.status == 0 else { return }
        let live = try Self.objects(listing.stdout).filter { allocation in
            allocation["kind"] as? String == "payment" && Self.integer(allocation["reversedBy"]) == nil
                && !(allocation["amount"] as? String ?? "-").hasPrefix("-")
        }
        let newest = live.suffix(3)
        guard !newest.isEmpty, let id = Self.integer(newest[newest.startIndex + random.next(upTo: newest.count)]["id"]) else { return }
        try decide(.undo(allocation: id), ["undo", String(id), "--reason", reason], seen: 0, invoices: [])
    }

    private func decide(_ action: ReviewDecision.Action, _ arguments: [String], seen: Int, invoices: [String]) throws {
        let run = try RecordedRun.run(arguments + database, in: directory)
        journal.record(ReviewDecision(action: action, suggestionsSeen: seen, invoicesNamed: invoices, run: run), worker: worker)
    }

    static func objects(_ json: String) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
    }

    static func integer(_ value: Any?) -> Int64? { (value as? NSNumber)?.int64Value }

    /// Cents as the decimal text `recon review assign` takes as an amount: `1927.90`.
    static func decimal(_ cents: Int64) -> String {
        let fraction = cents % 100
        return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
