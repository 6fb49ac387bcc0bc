/// A statement's sequence number in comparable form.
///
/// MT940 `:28C:` is `statement/page` (`117/1`, page optional); CAMT `ElctrncSeqNb` is an integer.
/// Banks restart the count each year, so a number is read together with its statement's year.
struct SequenceNumber: Hashable, Comparable, Sendable {
    var number: Int
    var page: Int

    init(number: Int, page: Int = 0) {
        self.number = number
        self.page = page
    }

    /// `nil` when the text is not `digits` or `digits/digits` (up to nine digits each).
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let number = SequenceNumber.digits(parts[0]) else { return nil }
        var page = 0
        if parts.count == 2 {
            guard let parsed = SequenceNumber.digits(parts[1]) else { return nil }
            page = parsed
        }
        self.init(number: number, page: page)
    }

    static func < (lhs: SequenceNumber, rhs: SequenceNumber) -> Bool { (lhs.number, lhs.page) < (rhs.number, rhs.page) }

    private static func digits(_ text: Substring) -> Int? {
        let bytes = Array(text.utf8)
        guard (1...9).contains(bytes.count), bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
    }
}
