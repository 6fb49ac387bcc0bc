import BankStatements

/// Monday to Friday; banks book on these days only. Public holidays are ignored on purpose: the
/// files need not match any one country's calendar.
enum BusinessDays {
    /// 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday.
    static func weekday(_ date: CalendarDate) -> Int { ((date.dayNumber % 7) + 7 + 3) % 7 }

    static func isBusinessDay(_ date: CalendarDate) -> Bool { weekday(date) < 5 }

    static func next(after date: CalendarDate) -> CalendarDate {
        var day = date.adding(days: 1)
        while !isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }

    static func previous(before date: CalendarDate) -> CalendarDate {
        var day = date.adding(days: -1)
        while !isBusinessDay(day) { day = day.adding(days: -1) }
        return day
    }

    /// The `count` business days before `date`, oldest first.
    static func last(_ count: Int, before date: CalendarDate) -> [CalendarDate] {
        var days: [CalendarDate] = []
        var day = date
        for _ in 0..<count {
            day = previous(before: day)
            days.append(day)
        }
        return days.reversed()
    }
}
