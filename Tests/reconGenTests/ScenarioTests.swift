import Foundation
import Testing
import BankStatements
@testable import recon_gen

@Suite("Scenario: invoices, statements and truth", .serialized)
struct ScenarioTests {
    static func generate(seed: UInt64, name: String, invoices: Int = 40) throws -> (String, ScenarioGenerator.Report) {
        var configuration = ScenarioConfiguration()
        configuration.seed = seed
        configuration.invoices = invoices
        let directory = GeneratedFiles.temporaryDirectory(name)
        let report = try ScenarioGenerator(configuration: configuration).write(to: directory)
        return (directory, report)
    }

    @Test("same seed gives identical files; another seed gives different ones")
    func determinism() throws {
        let (first, report) = try Self.generate(seed: 42, name: "det-a")
        let (second, _) = try Self.generate(seed: 42, name: "det-b")
        let (other, _) = try Self.generate(seed: 43, name: "det-c")
        #expect(report.files.count > 10)
        var differing = 0
        for file in report.files {
            let a = FileManager.default.contents(atPath: first + "/" + file)
            #expect(a != nil && a == FileManager.default.contents(atPath: second + "/" + file), "\(file)")
            if a != FileManager.default.contents(atPath: other + "/" + file) { differing += 1 }
        }
        #expect(differing > 0)
        #expect(FileManager.default.contents(atPath: first + "/invoices.csv") != FileManager.default.contents(atPath: other + "/invoices.csv"))
    }

    @Test("every statement adds up, each day opens at the previous close, sequence numbers are consecutive",
          arguments: [1 as UInt64, 42, 2026])
    func balancesChain(seed: UInt64) throws {
        let (directory, report) = try Self.generate(seed: seed, name: "chain-\(seed)")
        var lastClose: [String: Int64] = [:]
        var lastSequence: [String: Int] = [:]
        var checked = 0
        for file in report.files.sorted() where file.hasSuffix(".xml") || file.hasSuffix(".sta") {
            let path = directory + "/" + file
            let read = file.hasSuffix(".sta") ? GeneratedFiles.mt940Balances(path) : GeneratedFiles.camtBalances(path)
            let balances = try #require(read, "\(file) has no balances")
            #expect(balances.opening + balances.entrySum == balances.closing, "\(file)")
            if file.contains("camt.052") { continue }
            let account = file.contains("_abnamro_") ? "abnamro" : "ing"
            if let previous = lastClose[account] { #expect(previous == balances.opening, "\(file) opens at the previous close") }
            if let previous = lastSequence[account] { #expect(balances.sequence == previous + 1, "\(file) sequence") }
            lastClose[account] = balances.closing
            lastSequence[account] = balances.sequence
            checked += 1
        }
        #expect(checked == 20)
    }

    @Test("truth covers every entry once, and allocations add up to the credited amount")
    func truthConsistency() throws {
        let (directory, report) = try Self.generate(seed: 42, name: "truth")
        let truth = GeneratedFiles.csv(directory + "/truth.csv")
        #expect(truth.count == report.entries)
        let references = truth.map { $0[0] }
        #expect(Set(references).count == references.count)
        let invoices = GeneratedFiles.csv(directory + "/invoices.csv") + GeneratedFiles.csv(directory + "/invoices-later.csv")
        let known = Set(invoices.map { $0[0] })
        for row in truth {
            let file = GeneratedFiles.text(directory + "/" + row[9])
            #expect(file.contains(row[0]), "\(row[0]) not in \(row[9])")
            let allocation = row[7]
            if allocation == "none" { continue }
            if allocation.hasPrefix("return-of:") {
                #expect(known.contains(String(allocation.dropFirst(10))))
                #expect(row[4] == "DBIT")
                continue
            }
            var total: Int64 = 0
            for part in allocation.split(separator: ";") {
                let pieces = part.split(separator: ":")
                #expect(known.contains(String(pieces[0])), "\(pieces[0])")
                total += GeneratedFiles.cents(pieces[1]) ?? -1
            }
            let amount = GeneratedFiles.cents(row[5]) ?? -1
            if row[6] == "overpayment" { #expect(amount > total) } else { #expect(amount == total, "\(row)") }
        }
    }

    @Test("every required case appears with 40 invoices")
    func casesPresent() throws {
        let (_, report) = try Self.generate(seed: 42, name: "cases")
        for name in ["structured-reference", "invoice-number-in-text", "several-invoices", "partial-payment",
                     "partial-remainder", "overpayment", "underpayment", "direct-debit-batch", "direct-debit-return",
                     "name-only", "paid-before-invoiced", "unrelated-interest", "unrelated-supplier-refund",
                     "unrelated-stranger", "salary", "rent", "supplier-payment", "bank-charges"] {
            #expect((report.casesSeen[name] ?? 0) > 0, "\(name)")
        }
        #expect(report.files.contains { $0.contains("camt.052.001.08") })
        #expect(report.files.contains { $0.contains("camt.053.001.02") })
        #expect(report.files.contains { $0.contains("camt.053.001.08") })
        #expect(report.files.contains { $0.contains("mt940") })
    }

    @Test("unpaid invoices are overdue by 1, 14, 21 and 35 days on 2026-11-24")
    func dunningStages() throws {
        let (directory, _) = try Self.generate(seed: 42, name: "dunning")
        let truth = GeneratedFiles.csv(directory + "/truth.csv")
        var paid = Set<String>()
        for row in truth where !row[7].hasPrefix("return-of:") && row[7] != "none" {
            for part in row[7].split(separator: ";") { paid.insert(String(part.split(separator: ":")[0])) }
        }
        let today = try #require(CalendarDate(year: 2026, month: 11, day: 24))
        var overdueBy = Set<Int>()
        for row in GeneratedFiles.csv(directory + "/invoices.csv") where !paid.contains(row[0]) {
            let due = try #require(CalendarDate(iso: row[5]))
            overdueBy.insert(due.days(until: today))
        }
        #expect(overdueBy.isSuperset(of: [1, 14, 21, 35]))
    }

    @Test("invoice references validate and invoice numbers follow issue dates")
    func invoiceFile() throws {
        let (directory, _) = try Self.generate(seed: 7, name: "invoices", invoices: 120)
        let rows = GeneratedFiles.csv(directory + "/invoices.csv")
        #expect(rows.count > 100)
        var previous = ""
        for row in rows {
            #expect(row.count == 12)
            #expect(IndependentChecks.ibanIsValid(row[3]), "\(row[3])")
            #expect(row[0] > previous || previous.isEmpty)
            previous = row[0]
            let reference = row[8]
            if reference.hasPrefix("RF") { #expect(IndependentChecks.creditorReferenceIsValid(reference)) }
            else if reference.count == 16 { #expect(IndependentChecks.betalingskenmerkIsValid(reference), "\(reference)") }
            else if reference.count == 12 { #expect(IndependentChecks.belgianIsValid(reference), "\(reference)") }
            else { #expect(reference.isEmpty) }
        }
    }
}
