import Reconciliation

/// The `matching.*` configuration keys: the thresholds of automatic allocation a user may change
/// with `recon config set KEY VALUE`, stored in the `config` table.
///
/// Kept here, next to the store, so every command builds its `MatchingPolicy` the same way; the
/// `recon config` registry lists `MatchingSettings.keys`.
public enum MatchingSettings {
    public static let autoApply = ConfigKey.boolean(
        "matching.auto-apply", default: true,
        "true: allocate payments automatically when the evidence is strong; false: send every payment to review")
    public static let underpaymentToleranceMinor = ConfigKey.integer(
        "matching.underpayment-tolerance-minor", default: 500, in: 0...100_000_000,
        "Largest shortfall (minor units of the payment's currency) written off when closing an invoice")
    public static let underpaymentToleranceBasisPoints = ConfigKey.integer(
        "matching.underpayment-tolerance-bp", default: 0, in: 0...10_000,
        "Shortfall written off as a share of the open total, in basis points (the larger of the two applies)")
    public static let overpaymentLimitBasisPoints = ConfigKey.integer(
        "matching.overpayment-limit-bp", default: 5_000, in: 0...1_000_000,
        "Largest overpayment (basis points of the open total) still allocated automatically; the excess becomes customer credit")
    public static let minimumAutoScore = ConfigKey.integer(
        "matching.minimum-auto-score", default: 50, in: 0...200,
        "Lowest score (0-100) an automatic allocation may have")
    public static let autoMargin = ConfigKey.integer(
        "matching.auto-margin", default: 15, in: 0...200,
        "Points the best candidate must lead the next one by to be allocated automatically")

    public static let partialByInvoiceNumber = ConfigKey.boolean(
        "matching.partial-by-invoice-number", default: true,
        "true: a part payment naming one invoice by its number, from an IBAN known for that customer alone, is allocated automatically; false: only a checked reference allocates a part payment")

    /// Every key, in the order `recon config list` shows them.
    public static let keys: [ConfigKey] = [
        autoApply, underpaymentToleranceMinor, underpaymentToleranceBasisPoints, overpaymentLimitBasisPoints,
        minimumAutoScore, autoMargin, partialByInvoiceNumber,
    ]
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
        func value(_ key: ConfigKey) throws -> String {
            let text = stored[key.name] ?? key.defaultValue
            guard let value = key.validate(text) else {
                throw LedgerError.invalidRequest("config \(key.name) = '\(text)' is not \(key.accepts)")
            }
            return value
        }
        var policy = MatchingPolicy.standard
        policy.underpaymentTolerance = MatchingPolicy.Tolerance(
            absoluteMinorUnits: Int64(try value(MatchingSettings.underpaymentToleranceMinor)) ?? 0,
            basisPoints: Int64(try value(MatchingSettings.underpaymentToleranceBasisPoints)) ?? 0)
        policy.overpaymentLimitBasisPoints = Int64(try value(MatchingSettings.overpaymentLimitBasisPoints)) ?? 0
        policy.minimumAutoScore = Int(try value(MatchingSettings.minimumAutoScore)) ?? 50
        policy.autoMargin = Int(try value(MatchingSettings.autoMargin)) ?? 15
        policy.partialPaymentByInvoiceNumberFromKnownPayer = try value(MatchingSettings.partialByInvoiceNumber) == "true"
        return MatchingConfiguration(policy: policy, autoApply: try value(MatchingSettings.autoApply) == "true")
    }
}
