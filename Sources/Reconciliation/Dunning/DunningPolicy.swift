import BankStatements

/// When each dunning stage is reached, in days after the due date.
public struct DunningPolicy: Hashable, Sendable {
    public var reminderAfterDays: Int
    public var callAfterDays: Int
    public var finalNoticeAfterDays: Int
    public var collectionAfterDays: Int

    /// The usual escalation: reminder the day after the due date, a call after two weeks, a final
    /// notice after three, collection after five.
    public init(reminderAfterDays: Int = 1, callAfterDays: Int = 14, finalNoticeAfterDays: Int = 21,
                collectionAfterDays: Int = 35) {
        self.reminderAfterDays = reminderAfterDays
        self.callAfterDays = callAfterDays
        self.finalNoticeAfterDays = finalNoticeAfterDays
        self.collectionAfterDays = collectionAfterDays
    }

    /// Why a set of thresholds is not usable.
    public struct InvalidThresholds: Error, CustomStringConvertible {
        public let description: String
    }

    /// Checks that the thresholds are positive and strictly increasing, so every stage can be reached.
    public func validated() throws(InvalidThresholds) -> DunningPolicy {
        let days = [reminderAfterDays, callAfterDays, finalNoticeAfterDays, collectionAfterDays]
        guard days[0] >= 0 else { throw InvalidThresholds(description: "the reminder threshold must be 0 days or more") }
        for index in 1..<days.count where days[index] <= days[index - 1] {
            throw InvalidThresholds(description: "dunning thresholds must increase: reminder < call < final-notice < collection (got \(days.map(String.init).joined(separator: ", ")))")
        }
        return self
    }

    /// The number of days after the due date at which `stage` begins.
    public func threshold(of stage: DunningStage) -> Int? {
        switch stage {
        case .none: return nil
        case .reminder: return reminderAfterDays
        case .call: return callAfterDays
        case .finalNotice: return finalNoticeAfterDays
        case .collection: return collectionAfterDays
        }
    }

    /// The stage reached `daysOverdue` days after the due date.
    public func stage(daysOverdue: Int) -> DunningStage {
        if daysOverdue >= collectionAfterDays { return .collection }
        if daysOverdue >= finalNoticeAfterDays { return .finalNotice }
        if daysOverdue >= callAfterDays { return .call }
        if daysOverdue >= reminderAfterDays { return .reminder }
        return .none
    }

    /// The stage on `date` for an invoice due on `dueDate`, and the next stage with the day it begins.
    public func assess(dueDate: CalendarDate, on date: CalendarDate) -> (stage: DunningStage, next: (stage: DunningStage, date: CalendarDate)?) {
        let days = dueDate.days(until: date)
        let stage = self.stage(daysOverdue: days)
        guard let next = stage.next, let threshold = threshold(of: next) else { return (stage, nil) }
        return (stage, (next, dueDate.adding(days: threshold)))
    }
}
