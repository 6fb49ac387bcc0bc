import BankStatements
@testable import Reconciliation
import Testing

/// Random books and payments of known truth: every automatic allocation must be right.
@Suite struct PropertyTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func everyAutomaticAllocationIsCorrect(seed: UInt64) {
        var generator = ScenarioGenerator(seed: seed)
        generator.makeBooks(customerCount: 300, maximumInvoices: 4)
        let cases = generator.makeCases(count: 400)
        let matcher = Matcher(context: MatchingContext(invoices: generator.invoices, customers: generator.customers))
        var automatic = 0
        var correct = 0
        var payable = 0
        for item in cases {
            if item.truth != nil { payable += 1 }
            guard let ids = matcher.decide(item.payment).autoInvoiceIDs else { continue }
            automatic += 1
            if let truth = item.truth, ids == [truth] {
                correct += 1
            } else {
                Issue.record("style \(item.style): \(item.payment.id) allocated to \(ids), truth \(item.truth ?? "none")")
            }
        }
        let precision = automatic == 0 ? 1 : Double(correct) / Double(automatic)
        let recall = Double(correct) / Double(max(1, payable))
        print("seed \(seed): \(automatic) automatic of \(cases.count); precision \(precision), recall \(recall)")
        #expect(precision == 1.0)
        // The structured styles alone are over half the payable cases; far less means matching broke.
        #expect(recall > 0.5)
    }
}
