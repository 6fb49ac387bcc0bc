import Testing
import BankStatements
@testable import Reconciliation

private func date(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(iso: text) else { preconditionFailure("bad test date \(text)") }
    return date
}

private func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .euro) }

private func assess(_ cents: Int64 = 100_000, paid: Int64 = 0, due: String = "2026-11-01", extended: String? = nil,
                    plan: InstallmentPlan? = nil, hold: Bool = false, on asOf: String) -> OverdueAssessment? {
    OverdueAssessment.assess(amount: euros(cents), allocated: euros(paid), dueDate: date(due),
                             extendedDueDate: extended.map(date), plan: plan, onHold: hold, asOf: date(asOf),
                             policy: DunningPolicy())
}

@Suite struct OverdueAssessmentTests {
    @Test(arguments: [
        // as-of, days overdue (nil: not overdue), stage, next stage date
        ("2026-10-31", nil, nil, nil),
        ("2026-11-01", nil, nil, nil),                               // due today: not yet past due
        ("2026-11-02", 1, DunningStage.reminder, "2026-11-15"),      // the day after: reminder, call on day 14
        ("2026-11-15", 14, .call, "2026-11-22"),
        ("2026-11-22", 21, .finalNotice, "2026-12-06"),
        ("2026-12-06", 35, .collection, nil),
    ] as [(String, Int?, DunningStage?, String?)])
    func asOfDates(asOf: String, days: Int?, stage: DunningStage?, next: String?) {
        let result = assess(on: asOf)
        #expect(result?.daysOverdue == days)
        #expect(result?.stage == stage)
        #expect(result?.next?.date == next.map(date))
    }

    @Test func partialPaymentLeavesTheRestOverdue() throws {
        let result = try #require(assess(100_000, paid: 40_000, on: "2026-11-10"))
        #expect(result.openAmount == euros(60_000))
        #expect(result.overdueAmount == euros(60_000))
        #expect(assess(100_000, paid: 100_000, on: "2026-12-10") == nil)
        #expect(assess(100_000, paid: 120_000, on: "2026-12-10") == nil)
    }

    @Test func creditNotesAreNeverOverdue() {
        #expect(assess(-5_000, on: "2027-01-01") == nil)
        #expect(assess(0, on: "2027-01-01") == nil)
    }

    @Test func anExtensionMovesTheDueDate() throws {
        #expect(assess(extended: "2026-12-01", on: "2026-11-20") == nil)
        let late = try #require(assess(extended: "2026-12-01", on: "2026-12-03"))
        #expect(late.overdueSince == date("2026-12-01"))
        #expect(late.daysOverdue == 2)
        #expect(late.stage == .reminder)
    }

    @Test func aHoldKeepsTheInvoiceListedWithoutAStage() throws {
        let held = try #require(assess(hold: true, on: "2026-12-20"))
        #expect(held.stage == nil)
        #expect(held.next == nil)
        #expect(held.daysOverdue == 49)
    }

    /// 1,000.00 in three monthly installments from 1 December: 333.33, 333.33, 333.34.
    private let plan = InstallmentPlan(count: 3, interval: .months(1), firstDueDate: date("2026-12-01"))

    @Test func installmentsAddUpExactly() {
        let installments = plan.installments(of: euros(100_000))
        #expect(installments.map(\.amount) == [euros(33_333), euros(33_333), euros(33_334)])
        #expect(installments.map(\.dueDate) == [date("2026-12-01"), date("2027-01-01"), date("2027-02-01")])
        let monthEnd = InstallmentPlan(count: 3, interval: .months(1), firstDueDate: date("2027-01-31"))
        #expect(monthEnd.installments(of: euros(300)).map(\.dueDate) == [date("2027-01-31"), date("2027-02-28"), date("2027-03-31")])
    }

    @Test func aPlanOnTimeIsNotOverdueEvenPastTheInvoiceDueDate() {
        // Invoice due 1 November, long past; first installment paid, second not yet due.
        #expect(assess(paid: 33_333, plan: plan, on: "2026-12-20") == nil)
        #expect(assess(paid: 66_666, plan: plan, on: "2027-01-20") == nil)
    }

    @Test func aLateInstallmentIsOverdueFromItsOwnDueDate() throws {
        // Nothing paid on 10 January: installment 1 (due 1 Dec) and 2 (due 1 Jan) are late.
        let late = try #require(assess(paid: 0, plan: plan, on: "2027-01-10"))
        #expect(late.overdueAmount == euros(66_666))
        #expect(late.openAmount == euros(100_000))
        #expect(late.overdueSince == date("2026-12-01"))
        #expect(late.daysOverdue == 40)
        #expect(late.stage == .collection)
        #expect(late.installment?.number == 1 && late.installment?.of == 3)
        #expect(late.overdueParts.map(\.amount) == [euros(33_333), euros(33_333)])
    }

    @Test func paymentsFillInstallmentsInOrder() throws {
        // 400.00 paid: installment 1 in full, 66.67 of installment 2, which is due 1 January.
        let result = try #require(assess(paid: 40_000, plan: plan, on: "2027-01-05"))
        #expect(result.overdueAmount == euros(26_666))
        #expect(result.overdueSince == date("2027-01-01"))
        #expect(result.daysOverdue == 4)
        #expect(result.stage == .reminder)
        #expect(result.installment?.number == 2)
    }

    @Test(arguments: [("1m", InstallmentInterval.months(1)), ("2w", .days(14)), ("30d", .days(30)), ("12m", .months(12))])
    func intervals(text: String, expected: InstallmentInterval) {
        #expect(InstallmentInterval(text) == expected)
    }

    @Test(arguments: ["", "m", "0m", "1y", "13m", "400d", "-1m", "1.5m", "1 m", "99999d"])
    func badIntervals(text: String) {
        #expect(InstallmentInterval(text) == nil)
    }
}

@Suite struct OverdueClaimsTests {
    private func rate(_ kind: InterestRate.Kind, _ from: String, _ percent: String) -> InterestRate {
        guard let value = DecimalNumber(percent) else { preconditionFailure("bad rate") }
        return InterestRate(kind: kind, effectiveFrom: date(from), annualPercent: value)
    }

    @Test func noClaimsBeforeTheFinalNoticeOrOnHold() throws {
        let call = try #require(assess(on: "2026-11-20"))
        #expect(call.stage == .call)
        #expect(OverdueClaims.compute(for: call, asOf: date("2026-11-20"), kind: .commercial, rates: []) == nil)
        let held = try #require(assess(hold: true, on: "2027-01-20"))
        #expect(OverdueClaims.compute(for: held, asOf: date("2027-01-20"), kind: .commercial, rates: []) == nil)
    }

    @Test(arguments: [
        (Int64(100_000), Int64(15_000)),       // €1,000 → €150
        (1_000_000, 87_500),                   // €10,000 → €875
        (20_000, 4_000),                       // €200 → €40 minimum
        (500_000_000_00, 677_500),             // €500 million → €6,775 cap
    ])
    func collectionCostsOnTheOverdueAmount(cents: Int64, costs: Int64) throws {
        let result = try #require(assess(cents, on: "2026-12-01"))
        let claims = try #require(OverdueClaims.compute(for: result, asOf: date("2026-12-01"), kind: .commercial, rates: []))
        #expect(claims.collectionCosts == euros(costs))
    }

    @Test func interestAcrossAHalfYearChangeAndAMissingRate() throws {
        let rates = [rate(.commercial, "2026-01-01", "10.15"), rate(.commercial, "2026-07-01", "12")]
        let result = try #require(assess(due: "2026-06-15", on: "2026-07-15"))
        let claims = try #require(OverdueClaims.compute(for: result, asOf: date("2026-07-15"), kind: .commercial, rates: rates))
        // 15 days at 10.15 % and 15 days at 12 % on 1,000.00: 100000 × (1015 + 1200) × 15 / 3650000 = 910.27 cents.
        #expect(claims.interest == .amount(euros(910)))
        let consumer = try #require(OverdueClaims.compute(for: result, asOf: date("2026-07-15"), kind: .consumer, rates: rates))
        #expect(consumer.interest == .missingRate(from: date("2026-06-16")))
        #expect(consumer.collectionCosts == euros(15_000))
    }

    @Test func interestOnEachLateInstallmentFromItsOwnDueDate() throws {
        let plan = InstallmentPlan(count: 2, interval: .days(30), firstDueDate: date("2026-01-01"))
        // 730.00 in two installments of 365.00, due 1 January and 31 January; nothing paid on 2 March.
        let result = try #require(assess(73_000, due: "2025-12-01", plan: plan, on: "2026-03-02"))
        #expect(result.stage == .collection)
        let claims = try #require(OverdueClaims.compute(for: result, asOf: date("2026-03-02"), kind: .commercial,
                                                         rates: [rate(.commercial, "2025-07-01", "10")]))
        // 36500 cents × 10 % / 365 = 10 cents a day each: 60 days + 30 days = 900 cents.
        #expect(claims.interest == .amount(euros(900)))
    }

    @Test func interestAlsoRunsOnWhatWasPaidLateUntilItWasPaid() throws {
        let rates = [rate(.commercial, "2026-01-01", "10")]
        // 1,000.00 due 15 June, 400.00 paid on 1 July, as of 15 July.
        let result = try #require(assess(100_000, paid: 40_000, due: "2026-06-15", on: "2026-07-15"))
        let claims = try #require(OverdueClaims.compute(for: result, asOf: date("2026-07-15"), kind: .commercial, rates: rates,
                                                         latePayments: [(date("2026-07-01"), euros(40_000))]))
        // 600.00 for 30 days: 60000 × 10 % × 30 / 365 = 493.15 cents; 400.00 for 15 days (16–30 June):
        // 40000 × 10 % × 15 / 365 = 164.38 cents. 493 + 164 = 657.
        #expect(claims.interest == .amount(euros(657)))
        // A payment before the due date carried no interest.
        let early = try #require(OverdueClaims.compute(for: result, asOf: date("2026-07-15"), kind: .commercial, rates: rates,
                                                        latePayments: [(date("2026-06-10"), euros(40_000))]))
        #expect(early.interest == .amount(euros(493)))
        // The collection costs are on what is still overdue.
        #expect(claims.collectionCosts == euros(9_000))
    }
}
