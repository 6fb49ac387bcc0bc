import BankStatements
@testable import Reconciliation
import Foundation
import Testing

/// Matching stays index-driven as the books grow. The default size runs in the normal test pass;
/// `RECON_MATCH_SCALE=100000` indexes that many invoices and matches a tenth as many payments.
@Suite struct ScaleTests {
    @Test func matchingManyPaymentsIsFast() {
        let invoiceTarget = Int(ProcessInfo.processInfo.environment["RECON_MATCH_SCALE"] ?? "") ?? 10_000
        var generator = ScenarioGenerator(seed: 99)
        generator.makeBooks(customerCount: invoiceTarget * 2 / 5, maximumInvoices: 4)
        let cases = generator.makeCases(count: invoiceTarget / 10)
        let clock = ContinuousClock()
        var matcher: Matcher?
        let indexing = clock.measure {
            matcher = Matcher(context: MatchingContext(invoices: generator.invoices, customers: generator.customers))
        }
        guard let matcher else { return }
        var automatic = 0
        let matching = clock.measure {
            for item in cases where matcher.decide(item.payment).automaticAllocations != nil { automatic += 1 }
        }
        print("scale: \(generator.invoices.count) invoices, \(generator.customers.count) customers indexed in \(indexing); "
              + "\(cases.count) payments matched in \(matching), \(automatic) automatic")
        #expect(automatic > cases.count / 2)
        // Generous even for a debug build on a busy machine; a scan per payment would take minutes.
        #expect(matching < .seconds(60))
    }
}
