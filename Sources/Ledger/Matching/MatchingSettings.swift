import Reconciliation

/// The `matching.*` configuration keys: the thresholds of automatic allocation a user may change
/// with `recon config set KEY VALUE`, stored in the `config` table.
///
/// Kept here, next to the store, so every command builds its `MatchingPolicy` the same way; the
/// `recon config` registry lists `MatchingSettings.keys`.
public enum MatchingSettings {
    /// One configurable key, with its default as stored text and what it means.
    public struct Key: Hashable, Sendable {
        public var name: String
        public var defaultValue: String
        public var summary: String
        /// `nil` when `value` is acceptable, else why not.
        public var validate: @Sendable (String) -> String?

        public static func == (a: Key, b: Key) -> Bool { a.name == b.name }
        public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    }

    public static let autoApply = Key(
        name: "matching.auto-apply", defaultValue: "true",
        summary: "true: allocate payments automatically when the evidence is strong; false: send every payment to review",
        validate: { ["true", "false"].contains($0) ? nil : "must be true or false" })
    public static let underpaymentToleranceMinor = Key(
        name: "matching.underpayment-tolerance-minor", defaultValue: "500",
        summary: "largest shortfall (minor units of the payment's currency) written off when closing an invoice",
        validate: { integer($0, in: 0...1_000_000_00) })
    public static let underpaymentToleranceBasisPoints = Key(
        name: "matching.underpayment-tolerance-bp", defaultValue: "0",
        summary: "shortfall written off as a share of the open total, in basis points (the larger of the two applies)",
        validate: { integer($0, in: 0...10_000) })
    public static let overpaymentLimitBasisPoints = Key(
        name: "matching.overpayment-limit-bp", defaultValue: "5000",
        summary: "largest overpayment (basis points of the open total) still allocated automatically; the excess becomes customer credit",
        validate: { integer($0, in: 0...1_000_000) })
    public static let minimumAutoScore = Key(
        name: "matching.minimum-auto-score", defaultValue: "50",
        summary: "lowest score (0-100) an automatic allocation may have",
        validate: { integer($0, in: 0...200) })
    public static let autoMargin = Key(
        name: "matching.auto-margin", defaultValue: "15",
        summary: "points the best candidate must lead the next one by to be allocated automatically",
        validate: { integer($0, in: 0...200) })

    /// Every key, in the order `recon config list` shows them.
    public static let keys: [Key] = [
        autoApply, underpaymentToleranceMinor, underpaymentToleranceBasisPoints, overpaymentLimitBasisPoints,
        minimumAutoScore, autoMargin,
    ]

    /// The key called `name`, if it is a matching key.
    public static func key(named name: String) -> Key? { keys.first { $0.name == name } }

    private static func integer(_ text: String, in range: ClosedRange<Int64>) -> String? {
        guard let value = Int64(text), range.contains(value) else {
            return "must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        }
        return nil
    }
}

/// The matching settings of one database, read once per command.
public struct MatchingConfiguration: Hashable, Sendable {
    public var policy: MatchingPolicy
    /// `false` sends every payment to review.
    public var autoApply: Bool

    public init(policy: MatchingPolicy = .standard, autoApply: Bool = true) {
        self.policy = policy
        self.autoApply = autoApply
    }
}

extension LedgerStore {
    /// The policy from the `matching.*` keys, defaults for keys not set.
    ///
    /// - Throws: `LedgerError.invalidRequest` naming the key when a stored value is unusable (the
    ///   database was edited by hand), rather than silently matching with a default.
    public func matchingConfiguration() throws -> MatchingConfiguration {
        var stored: [String: String] = [:]
        for (key, value) in try database.rows("SELECT key, value FROM config WHERE key LIKE 'matching.%'", [], {
            ($0.text(0), $0.text(1))
        }) {
            stored[key] = value
        }
        func value(_ key: MatchingSettings.Key) throws -> String {
            let text = stored[key.name] ?? key.defaultValue
            if let problem = key.validate(text) {
                throw LedgerError.invalidRequest("config \(key.name) = '\(text)' \(problem)")
            }
            return text
        }
        var policy = MatchingPolicy.standard
        policy.underpaymentTolerance = MatchingPolicy.Tolerance(
            absoluteMinorUnits: Int64(try value(MatchingSettings.underpaymentToleranceMinor)) ?? 0,
            basisPoints: Int64(try value(MatchingSettings.underpaymentToleranceBasisPoints)) ?? 0)
        policy.overpaymentLimitBasisPoints = Int64(try value(MatchingSettings.overpaymentLimitBasisPoints)) ?? 0
        policy.minimumAutoScore = Int(try value(MatchingSettings.minimumAutoScore)) ?? 50
        policy.autoMargin = Int(try value(MatchingSettings.autoMargin)) ?? 15
        return MatchingConfiguration(policy: policy, autoApply: try value(MatchingSettings.autoApply) == "true")
    }
}
