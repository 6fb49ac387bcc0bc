import BankStatements

/// A payment arrangement: the invoice amount split into equal installments due at a fixed interval.
public struct InstallmentPlan: Hashable, Sendable {
    public var count: Int
    public var interval: InstallmentInterval
    public var firstDueDate: CalendarDate

    public init(count: Int, interval: InstallmentInterval, firstDueDate: CalendarDate) {
        self.count = count
        self.interval = interval
        self.firstDueDate = firstDueDate
    }

    /// One installment: when it is due and how much.
    public struct Installment: Hashable, Sendable {
        /// 1-based.
        public var number: Int
        public var dueDate: CalendarDate
        public var amount: Money
    }

    /// The installments for `total`, in order. Each is `total / count` rounded down to the minor
    /// unit; the last one also carries the remainder, so they always add up to `total` exactly.
    public func installments(of total: Money) -> [Installment] {
        let count = max(1, self.count)
        let share = total.minorUnits / Int64(count)
        let remainder = total.minorUnits - share * Int64(count)
        return (0..<count).map { index in
            let minor = index == count - 1 ? share + remainder : share
            return Installment(number: index + 1, dueDate: interval.date(ofInstallment: index, first: firstDueDate),
                               amount: Money(minorUnits: minor, currency: total.currency))
        }
    }
}
