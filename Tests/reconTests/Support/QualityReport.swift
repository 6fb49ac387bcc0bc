import Foundation

/// The opt-in measurement behind `Benchmarks/quality`: which scenarios to generate, and the
/// Markdown table it writes to `Benchmarks/QUALITY.md`.
struct QualityReport {
    /// Set by `Benchmarks/quality`: where to write the report. Without it the measurement is skipped.
    static let destination = ProcessInfo.processInfo.environment["RECON_QUALITY_REPORT"]
    static let requested = destination != nil

    struct Settings {
        var seeds: [UInt64] = Array(1...8)
        var customers = 120
        var invoices = 300
        var days = 20
        var format = "mixed"

        /// `RECON_QUALITY_SEEDS="1 2 3"`, `RECON_QUALITY_CUSTOMERS`, `…_INVOICES`, `…_DAYS`, `…_FORMAT`.
        static func fromEnvironment() -> Settings {
            let environment = ProcessInfo.processInfo.environment
            var settings = Settings()
            if let seeds = environment["RECON_QUALITY_SEEDS"] {
                let parsed = seeds.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { UInt64($0) }
                if !parsed.isEmpty { settings.seeds = parsed }
            }
            if let value = environment["RECON_QUALITY_CUSTOMERS"].flatMap(Int.init) { settings.customers = value }
            if let value = environment["RECON_QUALITY_INVOICES"].flatMap(Int.init) { settings.invoices = value }
            if let value = environment["RECON_QUALITY_DAYS"].flatMap(Int.init) { settings.days = value }
            if let value = environment["RECON_QUALITY_FORMAT"], !value.isEmpty { settings.format = value }
            return settings
        }

        func command(seed: String) -> String {
            "recon-gen scenario --seed \(seed) --customers \(customers) --invoices \(invoices) --days \(days) --format \(format)"
        }
    }

    let settings: Settings
    var rows: [(seed: UInt64, quality: MatchingQuality)] = []

    var total: MatchingQuality { rows.reduce(MatchingQuality()) { $0 + $1.quality } }

    static let tableHeader = """
        | Seed | Auto allocations | Precision | Credits paying invoices | Recall | In review | Top-1 | Top-3 | Unrelated credits (allocated) | Returns: undone / netted / in review (wrong reversals) | Write-offs (on underpayments) |
        |---|---|---|---|---|---|---|---|---|---|---|
        """

    func tableRow(_ label: String, _ quality: MatchingQuality) -> String {
        let q = quality
        return "| \(label) | \(q.automatic) | \(Self.share(q.correct, q.automatic)) | \(q.matchable) | \(Self.share(q.recalled, q.matchable))"
            + " | \(q.inReview) | \(Self.share(q.top1, q.inReview)) | \(Self.share(q.top3, q.inReview))"
            + " | \(q.unrelated) (\(q.unrelatedAllocated)) | \(q.returns): \(q.returnsUndone) / \(q.returnsNetted) / \(q.returnsInReview) (\(q.wrongReversals))"
            + " | \(q.writeOffs) (\(q.writeOffsOnUnderpayments)) |"
    }

    /// The table alone, for the terminal.
    var table: String {
        ([Self.tableHeader] + rows.map { tableRow(String($0.seed), $0.quality) } + [tableRow("**all**", total)]).joined(separator: "\n")
    }

    var markdown: String {
        let all = total
        let seeds = settings.seeds.map(String.init).joined(separator: " ")
        var lines = [
            "# Matching quality",
            "",
            "Written by `Benchmarks/quality` on \(Self.today()). Each scenario is `\(settings.command(seed: "N"))` for N in \(seeds),",
            "run in a fresh database as a user would: `recon invoices import invoices.csv`, `recon import` of each statement file",
            "in date order (one command per file), `recon invoices import invoices-later.csv`, `recon match`. Then",
            "`recon transactions --json`, `recon allocations --json` and `recon review --json` are compared with `truth.csv`.",
            "",
            table,
            "",
            "- **Precision**: automatic allocations (method ≠ manual; ones later reversed by a return included) whose invoice and",
            "  amount agree with truth for that bank transaction.",
            "- **Recall**: credits whose truth names invoices that were allocated automatically to exactly those invoices and",
            "  amounts. A camt direct-debit batch with one `TxDtls` per collection counts one credit per collection; an MT940",
            "  batch that only says `TOTAAL n POSTEN` is one credit owing the whole batch.",
            "- **Top-1 / Top-3**: of those credits left in the review queue, how often the first suggestion / one of the first",
            "  three names exactly truth's invoice set.",
            "- **Unrelated credits**: credits truth marks `none` (strangers and bank interest whose amount equals an open invoice,",
            "  supplier refunds); in brackets the automatic allocations they got, which must be 0.",
            "- **Returns**: returned direct debits; *undone* = the collection's allocation was reversed, *netted* = the collection",
            "  was never allocated and its return cancels it, *in review* = a return whose payment recon could not identify.",
            "  Wrong reversals (an invoice reversed that truth never saw returned) must be 0.",
            "- **Write-offs**: shortfalls within the tolerance closed automatically; truth's `underpayment` case says the",
            "  shortfall \"stays open\", recon's configured tolerance writes it off instead.",
            "",
            "Credits paying invoices that were not allocated automatically, by truth case (all seeds):",
            "",
            "| Case | Credits | Right invoices among the first 3 suggestions |",
            "|---|---|---|",
        ]
        for (name, count) in all.missedByCase.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            lines.append("| \(name) | \(count) | \(all.top3ByCase[name, default: 0]) |")
        }
        lines.append("")
        lines.append("All other such credits are in the review queue, except \(all.closedByReturn) closed by their own return before"
            + " anyone allocated them and \(all.elsewhere) neither allocated nor queued for another reason.")
        lines.append("")
        if all.problems.isEmpty {
            lines.append("No wrong automatic allocation, no allocation of an unrelated credit, no wrong reversal.")
        } else {
            lines.append("Findings:")
            lines.append("")
            for row in rows {
                for problem in row.quality.problems { lines.append("- seed \(row.seed): \(problem)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func share(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : String(format: "%.1f%% (%d/%d)", 100 * Double(part) / Double(whole), part, whole)
    }

    private static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
