import BankStatements
import Foundation
import Testing
@testable import Ledger

/// A large import matched in one transaction: checks the wiring does no per-payment queries that
/// grow with the ledger, and that every payment lands where its text says.
@Suite struct MatchingScaleTests {
    /// A distinct two-word name per customer. Names sharing common words ("Customer 17 Trading")
    /// make the name index of the matcher the bottleneck, which is measured separately there.
    static func name(_ number: Int) -> String {
        let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "da", "fe", "go", "hu", "ji", "pa", "qui"]
        var word = ""
        var rest = number
        for _ in 0..<4 {
            word += syllables[rest % syllables.count]
            rest /= syllables.count
        }
        return word.prefix(1).uppercased() + word.dropFirst() + " " + String(word.reversed()).capitalized
    }

    @Test func thousandsOfCreditsAgainstTensOfThousandsOfInvoices() throws {
        let invoiceCount = 20_000
        let creditCount = 500
        var csv = MatchingLedger.header
        for index in 0..<invoiceCount {
            let customer = index % 5_000
            let cents = 1_000 + (index * 7_919) % 500_000
            csv += "SC-\(100_000 + index),K\(customer),\(Self.name(customer)),,2026-01-01,2026-02-01,EUR,"
                + "\(cents / 100).\(String(format: "%02d", cents % 100)),\n"
        }
        let ledger = try MatchingLedger([])
        _ = try ledger.store.importInvoices(bytes: Array(csv.utf8), file: "many.csv")
        var entries: [Entry] = []
        for index in stride(from: 0, to: creditCount * 10, by: 10) {
            let cents = Int64(1_000 + (index * 7_919) % 500_000)
            entries.append(Pay.credit(cents, payer: Self.name(index % 5_000), text: "Invoice SC-\(100_000 + index)"))
        }
        let started = Date()
        let report = try ledger.book("2026-02-02", entries)
        let seconds = Date().timeIntervalSince(started)
        print("matched \(creditCount) credits against \(invoiceCount) invoices in \(String(format: "%.2f", seconds)) s (debug build)")
        #expect(report.examined == creditCount)
        #expect(report.autoAllocated == creditCount)
        #expect(try ledger.store.invoices(status: .paid).count == creditCount)
        #expect(seconds < 60)
    }
}
