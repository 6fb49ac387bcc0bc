import Testing
import BankStatements
@testable import Reconciliation

/// Updating invoices in place must leave the context deciding exactly as a fresh build over the
/// new open amounts: the import relies on it instead of rebuilding after every allocation.
@Suite struct ContextUpdateTests {
    @Test(arguments: [UInt64(5), 17, 41])
    func inPlaceUpdatesDecideLikeAFreshBuild(seed: UInt64) {
        var generator = ScenarioGenerator(seed: seed)
        generator.makeBooks(customerCount: 120, maximumInvoices: 4)
        let cases = generator.makeCases(count: 150)
        var invoices = generator.invoices
        var updated = MatchingContext(invoices: invoices, customers: generator.customers)
        // Settle every third invoice, halve every fifth: the shapes an import produces.
        for position in invoices.indices where position % 3 == 0 || position % 5 == 0 {
            var invoice = invoices[position]
            invoice.openAmount.minorUnits = position % 3 == 0 ? 0 : invoice.openAmount.minorUnits / 2
            invoices[position] = invoice
            updated.update(invoice)
        }
        // A return re-opens some of the settled ones.
        for position in invoices.indices where position % 9 == 0 {
            invoices[position] = generator.invoices[position]
            updated.update(invoices[position])
        }
        let fresh = MatchingContext(invoices: invoices, customers: generator.customers)
        #expect(updated.invoiceCount >= fresh.invoiceCount)
        var differences = 0
        for item in cases {
            let a = Matcher(context: updated).decide(item.payment)
            let b = Matcher(context: fresh).decide(item.payment)
            if a != b { differences += 1 }
        }
        #expect(differences == 0, "\(differences) of \(cases.count) decisions differ after in-place updates")
        #expect(invoices.contains { $0.openAmount.minorUnits == 0 })
    }
}
