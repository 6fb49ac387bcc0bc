import Testing
import BankStatements
@testable import Reconciliation

private func date(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(iso: text) else { preconditionFailure("bad test date \(text)") }
    return date
}

private func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .euro) }

@Suite struct StatutoryCollectionCostsTests {
    @Test(arguments: [
        (Int64(100_000), Int64(15_000)),     // €1,000 → €150
        (1_000_000, 87_500),                 // €10,000 → €875
        (20_000, 4_000),                     // €200 → the €40 minimum
        (26_667, 4_000),                     // 15 % is €40.00 exactly
        (250_000, 37_500),                   // end of the first bracket
        (500_000, 62_500),
        (20_000_000, 277_500),               // €200,000 → €2,775
        (100_000_000, 677_500),              // €1,000,000 reaches the cap exactly
        (9_000_000_000, 677_500),            // far beyond: the €6,775 cap
        (100_001, 15_000),                   // €1,000.01 → €150.0015 rounds to €150.00
        (100_004, 15_001),                   // €1,000.04 → €150.006 rounds to €150.01
    ])
    func bikScale(principalCents: Int64, expectedCents: Int64) {
        #expect(StatutoryCollectionCosts.amount(on: euros(principalCents)) == euros(expectedCents))
    }

    @Test func onlyForPositiveEuroAmounts() throws {
        #expect(StatutoryCollectionCosts.amount(on: euros(0)) == nil)
        #expect(StatutoryCollectionCosts.amount(on: euros(-500)) == nil)
        let dollars = Money(minorUnits: 100_000, currency: try #require(Currency(code: "USD")))
        #expect(StatutoryCollectionCosts.amount(on: dollars) == nil)
    }
}

@Suite struct DunningPolicyTests {
    @Test(arguments: [
        (0, DunningStage.none), (1, .reminder), (13, .reminder), (14, .call), (20, .call),
        (21, .finalNotice), (34, .finalNotice), (35, .collection), (400, .collection), (-5, .none),
    ])
    func stageBoundaries(days: Int, expected: DunningStage) {
        #expect(DunningPolicy().stage(daysOverdue: days) == expected)
    }

    @Test func nextStageDate() {
        let policy = DunningPolicy()
        let result = policy.assess(dueDate: date("2026-11-01"), on: date("2026-11-10"))
        #expect(result.stage == .reminder)
        #expect(result.next?.stage == .call)
        #expect(result.next?.date == date("2026-11-15"))
        let last = policy.assess(dueDate: date("2026-01-01"), on: date("2026-11-10"))
        #expect(last.stage == .collection)
        #expect(last.next == nil)
    }

    @Test func thresholdsMustIncrease() {
        #expect(throws: DunningPolicy.InvalidThresholds.self) {
            try DunningPolicy(reminderAfterDays: 1, callAfterDays: 30, finalNoticeAfterDays: 21).validated()
        }
        #expect((try? DunningPolicy(reminderAfterDays: 3, callAfterDays: 10, finalNoticeAfterDays: 30, collectionAfterDays: 60).validated()) != nil)
    }

    @Test func stagesAreOrdered() {
        #expect(DunningStage.reminder < .call)
        #expect(DunningStage.finalNotice.allowsClaims)
        #expect(!DunningStage.call.allowsClaims)
        #expect(DunningStage.call.next == .finalNotice)
    }
}

@Suite struct StatutoryInterestTests {
    private func rate(_ kind: InterestRate.Kind, _ from: String, _ percent: String) -> InterestRate {
        guard let value = DecimalNumber(percent) else { preconditionFailure("bad rate") }
        return InterestRate(kind: kind, effectiveFrom: date(from), annualPercent: value)
    }

    @Test func acrossAHalfYearRateChange() {
        let rates = [rate(.commercial, "2026-01-01", "10.15"), rate(.commercial, "2026-07-01", "12"),
                     rate(.consumer, "2026-01-01", "4")]
        let result = StatutoryInterest.compute(principal: euros(100_000), dueDate: date("2026-06-15"),
                                               asOf: date("2026-07-15"), kind: .commercial, rates: rates)
        // 15 days at 10.15 % and 15 days at 12 %: 100000 × (1015×15 + 1200×15) / (365 × 10000) = 910.27 cents.
        #expect(result == .amount(euros(910)))
        let consumer = StatutoryInterest.compute(principal: euros(100_000), dueDate: date("2026-06-15"),
                                                 asOf: date("2026-07-15"), kind: .consumer, rates: rates)
        // 30 days at 4 %: 100000 × 400 × 30 / 3650000 = 328.77 cents.
        #expect(consumer == .amount(euros(329)))
    }

    @Test func compoundsAfterEachFullYear() {
        let rates = [rate(.consumer, "2024-01-01", "10")]
        let result = StatutoryInterest.compute(principal: euros(100_000), dueDate: date("2025-01-01"),
                                               asOf: date("2027-01-01"), kind: .consumer, rates: rates)
        // Year one: €100.00 on €1,000; year two: €110.00 on €1,100.
        #expect(result == .amount(euros(21_000)))
    }

    @Test func neverGuessesAMissingRate() {
        let rates = [rate(.commercial, "2026-07-01", "12")]
        let result = StatutoryInterest.compute(principal: euros(100_000), dueDate: date("2026-06-15"),
                                               asOf: date("2026-07-15"), kind: .commercial, rates: rates)
        #expect(result == .missingRate(from: date("2026-06-16")))
        #expect(StatutoryInterest.compute(principal: euros(100_000), dueDate: date("2026-06-15"), asOf: date("2026-06-15"),
                                          kind: .commercial, rates: []) == .amount(euros(0)))
    }
}
