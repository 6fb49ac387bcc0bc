import BankStatements
import Foundation
import Testing
@testable import Ledger

@Suite struct StatementImportTests {
    typealias F = StatementFixtures

    private func store() throws -> (TemporaryDatabase, LedgerStore) {
        let temporary = try TemporaryDatabase()
        return (temporary, try temporary.open())
    }

    @Test func sameStatementsTwiceChangeNothing() throws {
        let (_, store) = try store()
        let statement = F.statement(day: "2026-04-01", entries: [
            F.credit(11_900, on: "2026-04-01", reference: "A1", endToEnd: "E2E-1"),
            F.debit(500, on: "2026-04-01", reference: "A2"),
        ])
        let first = try store.importStatements([F.file("day1.xml", [statement])])
        #expect(first.transactionsAdded == 2 && first.statementsAdded == 1)
        let before = try store.dump()
        let again = try store.importStatements([F.file("day1.xml", [statement])])
        #expect(again.files.first?.alreadyImported == true)
        #expect(try store.dump() == before)
        // The same content under another fingerprint (re-exported file): still no new statement or transaction.
        let copy = try store.importStatements([F.file("day1-copy.xml", [statement])])
        #expect(copy.transactionsAdded == 0 && copy.duplicates == 2 && copy.statementsAdded == 0)
        #expect(try store.rowCounts()["transactions"] == 2)
        #expect(try store.rowCounts()["statements"] == 1)
    }

    @Test func intradayThenEndOfDayStoresEachTransactionOnce() throws {
        let (_, store) = try store()
        let intraday = F.statement(.camt(message: "052", version: "001.08"), id: "INTRA-1", day: "2026-04-02", entries: [
            F.credit(10_000, on: "2026-04-02", reference: "B1", endToEnd: "E1"),
            F.credit(2_500, on: "2026-04-02", reference: nil, endToEnd: nil, payerIBAN: "DE02120300000000202051"),
            F.credit(999, on: "2026-04-02", reference: "P1", status: .pending),
        ])
        let endOfDay = F.statement(id: "EOD-1", day: "2026-04-02", entries: [
            F.credit(10_000, on: "2026-04-02", reference: "B1", endToEnd: "E1"),
            F.credit(2_500, on: "2026-04-02", reference: "B2", endToEnd: nil, payerIBAN: "DE02120300000000202051"),
            F.credit(999, on: "2026-04-02", reference: "P1"),
            F.debit(100, on: "2026-04-02", reference: "B3"),
        ])
        let first = try store.importStatements([F.file("intraday.xml", [intraday])])
        #expect(first.transactionsAdded == 2 && first.notBooked == 1)
        let second = try store.importStatements([F.file("eod.xml", [endOfDay])])
        // B1 matches by reference, the unreferenced 25.00 by fingerprint; P1 (now booked) and B3 are new.
        #expect(second.transactionsAdded == 2 && second.duplicates == 2)
        let stored = try store.transactions()
        #expect(stored.map(\.amount.minorUnits).sorted() == [-100, 999, 2_500, 10_000])
    }

    @Test func mt940CoveringDaysAlreadyImportedFromCAMT() throws {
        let (_, store) = try store()
        let camt = F.statement(id: "C-1", day: "2026-04-03", entries: [
            F.credit(4_200, on: "2026-04-03", reference: "CAMTREF1", endToEnd: "E-42"),
        ])
        // The MT940 bank reference differs from the CAMT one; the fingerprint still matches.
        let mt940 = F.statement(.mt940, id: "M-1", sequence: "93/1", day: "2026-04-03", entries: [
            F.credit(4_200, on: "2026-04-03", reference: "MT-REF-XYZ", endToEnd: "E-42"),
        ])
        _ = try store.importStatements([F.file("a.xml", [camt])])
        let report = try store.importStatements([F.file("b.sta", [mt940])])
        #expect(report.duplicates == 1 && report.transactionsAdded == 0)
        #expect(try store.rowCounts()["transactions"] == 1)
    }

    @Test func twoIdenticalPaymentsOnOneDayAreBothKept() throws {
        let (_, store) = try store()
        let payment = F.credit(5_000, on: "2026-04-04", reference: nil, endToEnd: nil)
        let statement = F.statement(day: "2026-04-04", entries: [payment, payment])
        let report = try store.importStatements([F.file("twins.xml", [statement])])
        #expect(report.transactionsAdded == 2)
        // Reported again in another file, the pair is recognised as the same two payments.
        let again = try store.importStatements([F.file("twins-again.xml", [F.statement(id: "other", day: "2026-04-04", entries: [payment, payment])])])
        #expect(again.transactionsAdded == 0 && again.duplicates == 2)
        // A later file with three of them adds exactly the third.
        let three = try store.importStatements([F.file("triplets.xml", [F.statement(id: "third", day: "2026-04-04", entries: [payment, payment, payment])])])
        #expect(three.transactionsAdded == 1)
    }

    @Test func batchPaymentsAreOneRowEach() throws {
        let (_, store) = try store()
        let parts = [(3_000 as Int64, "E-A"), (2_000, "E-B")].enumerated().map { index, part in
            Transaction(position: index, amount: F.money(part.0), creditDebit: .credit,
                        references: TransactionReferences(endToEndId: part.1), debtor: Party(name: "Payer \(index)"))
        }
        let batch = Entry(amount: F.money(5_000), creditDebit: .credit, bookingDate: F.date("2026-04-05"),
                          accountServicerReference: "BATCH-1", transactions: parts, batchTransactionCount: 2)
        _ = try store.importStatements([F.file("batch.xml", [F.statement(day: "2026-04-05", entries: [batch])])])
        let stored = try store.transactions()
        #expect(stored.map(\.amount.minorUnits) == [3_000, 2_000])
        #expect(stored.map(\.endToEndId) == ["E-A", "E-B"])
        #expect(stored.map(\.bankReference) == ["BATCH-1", "BATCH-1"])
    }

    @Test func aFailureInTheSecondFileLeavesTheDatabaseAsBefore() throws {
        let (temporary, store) = try store()
        _ = try store.importStatements([F.file("seed.xml", [F.statement(day: "2026-04-01", entries: [F.credit(100, on: "2026-04-01", reference: "S1")])])])
        let before = try store.dump()
        // Files are parsed before anything is written: a bad second file stops the command.
        let good = try temporary.write("good.txt", "irrelevant")
        let bad = try temporary.write("bad.xml", "<?xml version=\"1.0\"?><Document><oops")
        #expect(throws: StatementParseError.self) {
            let files = try [good, bad].map { try StatementFile.read(path: $0) }
            _ = try store.importStatements(files)
        }
        // And a failure while writing rolls back what the first file wrote.
        let broken = F.statement(id: "broken", day: "2026-04-06", entries: [F.credit(100, on: "2026-04-06", reference: "X")])
        let valid = F.file("valid.xml", [F.statement(id: "valid", day: "2026-04-05", entries: [F.credit(700, on: "2026-04-05", reference: "V1")])])
        try store.database.execute("CREATE TEMP TRIGGER fail_on_x BEFORE INSERT ON transactions WHEN NEW.bank_reference = 'X' BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
        #expect(throws: DatabaseError.self) { _ = try store.importStatements([valid, F.file("failing.xml", [broken])]) }
        #expect(try store.dump() == before)
    }

    @Test func continuityGapsAndBalanceBreaksAreReported() throws {
        let (_, store) = try store()
        let first = F.statement(.mt940, id: "S116", sequence: "116/1", day: "2026-04-01", opening: 1_000,
                                entries: [F.credit(500, on: "2026-04-01", reference: "G1")])
        let later = F.statement(.mt940, id: "S119", sequence: "119/1", day: "2026-04-07", opening: 9_999,
                                entries: [F.credit(100, on: "2026-04-07", reference: "G2")])
        let report = try store.importStatements([F.file("a.sta", [first]), F.file("b.sta", [later])])
        let account = "\(F.iban) EUR"
        #expect(report.warnings.count == 2)
        #expect(report.warnings.contains { $0.hasPrefix("account \(account): statements 2026/117–118 missing") })
        #expect(report.warnings.contains { $0.contains("opens with 99.99 EUR") && $0.contains("closed with 15.00 EUR") })
        // CAMT integer sequence numbers, consecutive and continuous: no warning.
        let (_, other) = try self.store()
        let a = F.statement(id: "c1", sequence: "41", day: "2026-04-01", opening: 0, entries: [F.credit(100, on: "2026-04-01", reference: "H1")])
        let b = F.statement(id: "c2", sequence: "42", day: "2026-04-02", opening: 100, entries: [])
        #expect(try other.importStatements([F.file("x", [a, b])]).warnings.isEmpty)
    }

    @Test(arguments: [("117/1", 117, 1), ("42", 42, 0), ("00007", 7, 0)])
    func sequenceNumbers(text: String, number: Int, page: Int) {
        #expect(SequenceNumber(text) == SequenceNumber(number: number, page: page))
    }

    @Test(arguments: ["", "1/2/3", "x1", "1234567890"])
    func badSequenceNumbers(text: String) {
        #expect(SequenceNumber(text) == nil)
    }

    /// Two connections on two threads import the same files at once: one waits for the other, and
    /// the result equals importing once.
    @Test func concurrentImportsEndLikeSequentialOnes() async throws {
        let files = [
            F.file("one.xml", [F.statement(id: "p1", day: "2026-04-01", entries: (0..<200).map { F.credit(Int64(100 + $0), on: "2026-04-01", reference: "R\($0)") })]),
            F.file("two.xml", [F.statement(id: "p2", day: "2026-04-02", entries: (0..<200).map { F.credit(Int64(100 + $0), on: "2026-04-02", reference: "Q\($0)") })]),
        ]
        let sequential = try TemporaryDatabase()
        _ = try sequential.open().importStatements(files)
        let expected = try sequential.open().dump()

        let concurrent = try TemporaryDatabase()
        let path = concurrent.path
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    let store = try LedgerStore(path: path, commandLine: "recon test", clock: .fixed("2026-04-28T10:00:00Z"))
                    return try store.importStatements(files).transactionsAdded
                }
            }
            var added: [Int] = []
            for try await count in group { added.append(count) }
            return added
        }
        // Whole commands are serialised: one stored everything, the other found both files imported.
        #expect(results.sorted() == [0, 400])
        #expect(try concurrent.open().dump() == expected)
    }
}
