import Reconciliation

/// Every setting recon knows. Adding a setting is one line in `keys` (and, when it must agree with
/// other keys, one closure in `consistencyChecks`).
public enum ConfigRegistry {
    public static let keys: [ConfigKey] = [
        .integer("dunning.reminder-days", default: 1, in: 0...3650, "Days after the due date when the reminder stage begins"),
        .integer("dunning.call-days", default: 14, in: 1...3650, "Days after the due date when the call stage begins"),
        .integer("dunning.final-notice-days", default: 21, in: 1...3650, "Days after the due date when the final notice begins"),
        .integer("dunning.collection-days", default: 35, in: 1...3650, "Days after the due date when collection begins"),
        .integer("overdue.stale-after-days", default: 0, in: 0...365,
                 "Days a statement may end before the as-of date without 'recon overdue' warning that it is stale"),
    ] + MatchingSettings.keys

    /// Rules between keys; each gets the would-be values and returns a message when they clash.
    static let consistencyChecks: [@Sendable (_ value: (String) -> String) -> String?] = [
        { value in
            do throws(DunningPolicy.InvalidThresholds) {
                _ = try dunningPolicy(value).validated()
                return nil
            } catch {
                return error.description
            }
        },
    ]

    /// The key called `name`, if recon knows it.
    public static func key(named name: String) -> ConfigKey? { keys.first { $0.name == name } }

    /// The dunning thresholds from settings, read through `value` (stored value or default).
    static func dunningPolicy(_ value: (String) -> String) -> DunningPolicy {
        DunningPolicy(reminderAfterDays: Int(value("dunning.reminder-days")) ?? 1,
                      callAfterDays: Int(value("dunning.call-days")) ?? 14,
                      finalNoticeAfterDays: Int(value("dunning.final-notice-days")) ?? 21,
                      collectionAfterDays: Int(value("dunning.collection-days")) ?? 35)
    }
}
