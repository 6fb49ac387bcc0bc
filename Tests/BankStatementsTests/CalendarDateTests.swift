import Testing
@testable import BankStatements

@Suite struct CalendarDateTests {
    @Test func parsesAndRejects() {
        #expect(CalendarDate(iso: "2026-02-28")?.description == "2026-02-28")
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2026-02-30") == nil)
        #expect(CalendarDate(iso: "2026-13-01") == nil)
        #expect(CalendarDate(iso: "2026-11-24T10:15:00+01:00")?.description == "2026-11-24")
        #expect(CalendarDate(iso: "2026-11-24x") == nil)
        #expect(CalendarDate(iso: "26-11-24") == nil)
    }

    /// Day numbers agree with a naive day-by-day count over several years, leap days included.
    @Test func dayNumbersMatchCounting() throws {
        var date = try #require(CalendarDate(year: 1999, month: 12, day: 25))
        var number = date.dayNumber
        for _ in 0..<(366 * 6) {
            let next = date.day < CalendarDate.daysIn(month: date.month, year: date.year)
                ? CalendarDate(year: date.year, month: date.month, day: date.day + 1)
                : (date.month == 12 ? CalendarDate(year: date.year + 1, month: 1, day: 1)
                    : CalendarDate(year: date.year, month: date.month + 1, day: 1))
            let unwrapped = try #require(next)
            #expect(unwrapped.dayNumber == number + 1)
            #expect(CalendarDate(dayNumber: number + 1) == unwrapped)
            date = unwrapped
            number += 1
        }
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
    }

    @Test func addsMonthsClamped() throws {
        let date = try #require(CalendarDate(year: 2026, month: 1, day: 31))
        #expect(date.adding(months: 1).description == "2026-02-28")
        #expect(date.adding(months: 13).description == "2027-02-28")
        #expect(date.adding(months: -2).description == "2025-11-30")
    }
}
