import BankStatements
@testable import Reconciliation
import Foundation
import Testing

/// The matcher's decisions stay exactly as recorded: 2,000 payments of every style (references,
/// invoice numbers, identifiers, strangers, mistyped references, partial payments, varied payer
/// names, 600 namesakes of `Jan Jansen`) against about 20,000 invoices. Speed work must not change
/// a single allocation, candidate, score, evidence sentence or similarity bit.
///
/// The digests in ``RecordedDecisions`` were taken from the matcher before its performance work.
/// Re-record only for an intended change of decisions, and say so in the commit:
/// `RECON_RECORD_DECISIONS=$PWD/Tests/ReconciliationTests/Support/RecordedDecisions.swift swift test --filter DecisionStabilityTests`.
@Suite struct DecisionStabilityTests {
    struct Outcome {
        var id: String
        var kind: String
        var digest: String
        var rendering: String
    }

    static func outcomes() -> [Outcome] {
        var generator = ScenarioGenerator(seed: 2024)
        generator.makeBooks(customerCount: 8_000, maximumInvoices: 4)
        var variants = NameVariants(seed: 7)
        variants.addNamesakes(600, named: "Jan Jansen", to: &generator)
        let cases = variants.vary(generator.makeCases(count: 2_000), customers: generator.customers)
        var context = MatchingContext(invoices: generator.invoices, customers: generator.customers)
        // Facts learned after indexing go through the same index as the books.
        for (serial, item) in cases.prefix(60).enumerated() {
            guard let truth = item.truth, let customer = context.invoice(id: truth)?.customerID else { continue }
            context.learn(LearnedFacts(customerID: customer, iban: serial % 2 == 0 ? item.payment.counterpartyIBAN : nil,
                                       nameAlias: serial % 3 == 0 ? "Alias \(serial) Holding" : item.payment.counterpartyName))
        }
        let matcher = Matcher(context: context)
        return cases.map { item in
            let decision = matcher.decide(item.payment)
            var rendering = DecisionFingerprint.render(decision)
            let truthCustomer = item.truth.flatMap { context.invoice(id: $0)?.customerID }
            for name in [item.payment.counterpartyName, item.payment.ultimateDebtorName].compactMap({ $0 }) {
                rendering += "\nnames(\(name)): "
                    + DecisionFingerprint.renderMatches(context.names.matches(for: name, minimum: 0.6))
                if let truthCustomer {
                    rendering += " truth=" + String(context.names.similarity(of: name, to: truthCustomer).bitPattern, radix: 16)
                }
            }
            return Outcome(id: item.payment.id, kind: DecisionFingerprint.kind(decision),
                           digest: DecisionFingerprint.digest(rendering), rendering: rendering)
        }
    }

    @Test func decisionsEqualTheRecordedOnes() throws {
        let outcomes = Self.outcomes()
        if let path = ProcessInfo.processInfo.environment["RECON_RECORD_DECISIONS"] {
            try Self.source(for: outcomes).write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded \(outcomes.count) decisions to \(path); unset RECON_RECORD_DECISIONS to compare")
            return
        }
        var recorded: [String: (kind: String, digest: String)] = [:]
        for line in RecordedDecisions.lines.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 3 else { continue }
            recorded[fields[0]] = (fields[1], fields[2])
        }
        #expect(recorded.count == outcomes.count)
        var differing = 0
        for outcome in outcomes {
            guard let expected = recorded[outcome.id] else {
                Issue.record("\(outcome.id): no recorded decision")
                continue
            }
            if expected.kind != outcome.kind || expected.digest != outcome.digest {
                differing += 1
                if differing <= 10 {
                    Issue.record("\(outcome.id): recorded \(expected.kind) \(expected.digest), now \(outcome.kind) \(outcome.digest): \(outcome.rendering)")
                }
            }
        }
        #expect(differing == 0)
        // The scenario must exercise every kind of outcome, or the comparison proves little.
        let kinds = Set(outcomes.map { $0.kind.hasPrefix("review") ? "review" : $0.kind })
        #expect(kinds.isSuperset(of: ["auto", "review"]))
    }

    static func source(for outcomes: [Outcome]) -> String {
        let lines = outcomes.map { "    \($0.id) \($0.kind) \($0.digest)" }.joined(separator: "\n")
        return """
            /// The matcher's decisions for ``DecisionStabilityTests``, one line per payment: id, kind and
            /// the FNV-1a digest of the full decision (see ``DecisionFingerprint``). Generated, not edited.
            enum RecordedDecisions {
                static let lines = \"\"\"
            \(lines)
                \"\"\"
            }

            """
    }
}
