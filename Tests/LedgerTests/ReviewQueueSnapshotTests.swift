import Testing
@testable import Ledger

/// The review queue is listed from one snapshot, whatever other processes commit meanwhile.
@Suite struct ReviewQueueSnapshotTests {
    @Test func anItemRefreshedBetweenTheListingsQueriesIsListedAsItWasWhenTheListingBegan() throws {
        let ledger = try MatchingLedger(["G-1,C3,Gamma Logistics BV,,2026-01-01,2026-01-31,EUR,75.00,"])
        try ledger.book("2026-02-01", [Pay.credit(7_500, payer: "J. de Vries", iban: ReviewDecisionTests.unknownIBAN, text: "payment")])
        let before = try ledger.store.reviewQueue()
        try #require(before.count == 1 && before.first?.candidates.count == 1)

        // Another process, just before the listing reads the items themselves, adds an invoice of
        // the same amount and re-matches: the item gets a second suggestion and a new reason.
        let other = try ledger.temporary.open()
        let invoice = MatchingLedger.header + "H-1,C4,Hotel Zonneveld,,2026-01-01,2026-01-31,EUR,75.00,\n"
        let hook = StatementStartHook(ledger.store, whenSQLContains: "reason, auto_allowed FROM review_items") {
            _ = try other.importInvoices(bytes: Array(invoice.utf8), file: "later.csv")
            _ = try other.matchUnallocated()
        }
        let during = try ledger.store.reviewQueue()
        hook.remove()
        #expect(hook.fired == 1 && hook.error == nil)
        #expect(during == before)

        let after = try ledger.store.reviewQueue()
        #expect(after.map(\.id) == before.map(\.id) && after.first?.candidates.count == 2 && after.first?.reason != before.first?.reason)
    }
}
