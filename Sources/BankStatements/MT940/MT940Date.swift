/// MT940 dates: `YYMMDD` and the year-less `MMDD` entry date.
enum MT940Date {
    /// `YYMMDD` at `start`. Years 80–99 are 1980–1999 (old DEM statements), the rest 2000–2079.
    /// `nil` when the six bytes are not digits or not a real day (30 February).
    static func yymmdd(_ bytes: [UInt8], at start: Int) -> CalendarDate? {
        bytes.withUnsafeBufferPointer { yymmdd($0, at: start) }
    }

    /// `YYMMDD` at `start`, as `yymmdd(_:at:)` on an array.
    static func yymmdd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> CalendarDate? {
        guard let yy = MT940Bytes.number(bytes, at: start, count: 2),
              let mm = MT940Bytes.number(bytes, at: start + 2, count: 2),
              let dd = MT940Bytes.number(bytes, at: start + 4, count: 2)
        else { return nil }
        return CalendarDate(year: yy >= 80 ? 1900 + yy : 2000 + yy, month: mm, day: dd)
    }

    /// The date `month`/`day` nearest to `reference`, trying the reference's year and both
    /// neighbours, because the entry date can fall in the year before or after the value date.
    static func nearest(month: Int, day: Int, to reference: CalendarDate) -> CalendarDate? {
        var best: CalendarDate?
        var bestDistance = Int.max
        for year in (reference.year - 1)...(reference.year + 1) {
            guard let candidate = CalendarDate(year: year, month: month, day: day) else { continue }
            let distance = abs(reference.days(until: candidate))
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    /// Six bytes at `start` as text for an error message.
    static func shown(_ bytes: [UInt8], at start: Int, count: Int) -> String {
        bytes.withUnsafeBufferPointer { shown($0, at: start, count: count) }
    }

    /// Bytes at `start` as text for an error message.
    static func shown(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, count: Int) -> String {
        let upper = min(bytes.count, start + count)
        guard start < upper else { return "" }
        return MT940Text.string(UnsafeBufferPointer(rebasing: bytes[start..<upper]))
    }
}
