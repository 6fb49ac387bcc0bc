import Foundation
import Testing
@testable import BankStatements

/// One bank day exported twice, as camt.053 and as ING-style MT940 (fixtures written for recon):
/// whatever the format, the model must say the same about each payment.
@Suite struct FormatPairTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pair")

    /// The facts a reconciler relies on, from one entry and its single transaction.
    struct Facts: Equatable, CustomStringConvertible {
        var amount: Money
        var creditDebit: CreditDebit
        var reversal: Bool
        var bookingDate: CalendarDate?
        var valueDate: CalendarDate?
        var bankReference: String?
        var endToEndId: String?
        var mandateId: String?
        var counterpartyName: String?
        var counterpartyIBAN: String?
        var counterpartyBIC: String?
        var remittance: String?
        var references: [String]
        var returnReason: String?

        init(entry: Entry) throws {
            let transaction = try #require(entry.transactions.first)
            #expect(entry.transactions.count == 1)
            amount = transaction.amount ?? entry.amount
            creditDebit = transaction.creditDebit
            reversal = entry.reversal
            bookingDate = entry.bookingDate
            valueDate = entry.valueDate
            bankReference = transaction.references.accountServicerReference ?? entry.accountServicerReference
            endToEndId = transaction.references.endToEndId
            mandateId = transaction.references.mandateId ?? transaction.references.other["MARF"]
            counterpartyName = transaction.counterparty?.name
            counterpartyIBAN = transaction.counterparty?.iban
            counterpartyBIC = transaction.counterparty?.bic
            remittance = transaction.remittance.unstructured
            references = transaction.remittance.references.map { "\($0.issuer ?? "?"):\($0.reference)" }
            returnReason = transaction.returnInformation?.reason
        }

        var description: String {
            "\(amount) \(creditDebit.rawValue) reversal=\(reversal) \(bookingDate?.description ?? "-") ref=\(bankReference ?? "-") e2e=\(endToEndId ?? "-") mandate=\(mandateId ?? "-") \(counterpartyName ?? "-")/\(counterpartyIBAN ?? "-")/\(counterpartyBIC ?? "-") '\(remittance ?? "")' \(references) return=\(returnReason ?? "-")"
        }
    }

    private func facts(_ name: String) throws -> (Statement, [Facts]) {
        let statements = try StatementParser.statements(path: Self.folder.appendingPathComponent(name).path)
        let statement = try #require(statements.first)
        #expect(statements.count == 1)
        return (statement, try statement.entries.map(Facts.init))
    }

    @Test func camtAndMT940AgreeOnEveryPayment() throws {
        let (camt, camtFacts) = try facts("day-2026-11-20.camt053.xml")
        let (mt940, mtFacts) = try facts("day-2026-11-20.mt940")
        #expect(camt.format.name == "camt.053.001.02")
        #expect(mt940.format == .mt940)
        #expect(camtFacts.count == 3)
        #expect(camtFacts == mtFacts)
        for (left, right) in zip(camtFacts, mtFacts) where left != right {
            Issue.record("CAMT  \(left)\nMT940 \(right)")
        }
        #expect(camt.verification.ok && mt940.verification.ok)
        #expect(camt.account.iban == mt940.account.iban)
        #expect(camt.header.sequenceNumber == mt940.header.sequenceNumber)
        for kind in [Balance.Kind.openingBooked, .closingBooked] {
            #expect(camt.balance(kind)?.signedMinorUnits == mt940.balance(kind)?.signedMinorUnits)
            #expect(camt.balance(kind)?.date == mt940.balance(kind)?.date)
        }
    }

    /// Pins the facts themselves, checked by hand against the fixture, so that a parser agreeing
    /// with the other on a wrong value still fails.
    @Test func factsAreTheOnesInTheFiles() throws {
        let (_, facts) = try facts("day-2026-11-20.camt053.xml")
        let day = CalendarDate(year: 2026, month: 11, day: 20)
        #expect(facts[0].amount == Money(minorUnits: 121_000, currency: .euro))
        #expect(facts[0].creditDebit == .credit)
        #expect(facts[0].bookingDate == day)
        #expect(facts[0].endToEndId == "INV-2026-0042")
        #expect(facts[0].counterpartyName == "Bakkerij Jansen B.V.")
        #expect(facts[0].counterpartyIBAN == "NL91ABNA0417164300")
        #expect(facts[0].remittance == "Factuur INV-2026-0042 november")
        #expect(facts[1].endToEndId == nil)
        #expect(facts[1].counterpartyName == "Müller & Söhne GmbH")
        #expect(facts[1].references == ["CUR:5000056789012345"])
        #expect(facts[2].creditDebit == .debit)
        #expect(facts[2].reversal)
        #expect(facts[2].returnReason == "MD06")
        #expect(facts[2].counterpartyName == "J. de Vries")
        #expect(facts[2].mandateId == "MANDATE-0031")
    }
}
