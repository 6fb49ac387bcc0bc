import Reconciliation

/// Settings through the key registry: only known keys, only valid values, every change audited.
extension LedgerStore {
    /// A setting as `recon config list` shows it.
    public struct ConfigEntry: Hashable, Sendable {
        public var name: String
        public var value: String
        public var defaultValue: String
        public var isDefault: Bool
        public var summary: String
    }

    /// The value of a known setting: stored, or its default.
    public func setting(_ name: String) throws -> String {
        guard let key = ConfigRegistry.key(named: name) else { throw ConfigError.unknownKey(name) }
        return try storedSetting(key)
    }

    /// Every known setting with its current value.
    public func settings() throws -> [ConfigEntry] {
        try ConfigRegistry.keys.map { key in
            let value = try storedSetting(key)
            return ConfigEntry(name: key.name, value: value, defaultValue: key.defaultValue,
                               isDefault: value == key.defaultValue, summary: key.summary)
        }
    }

    /// Checks and stores a setting; returns the value in canonical form.
    ///
    /// - Throws: `ConfigError` for an unknown key, a value the key does not accept, or a value that
    ///   contradicts another setting (dunning thresholds must increase).
    @discardableResult
    public func setSetting(_ name: String, to text: String) throws -> String {
        guard let key = ConfigRegistry.key(named: name) else { throw ConfigError.unknownKey(name) }
        guard let value = key.validate(text) else { throw ConfigError.invalidValue(text, for: key) }
        return try write {
            var current: [String: String] = [:]
            for known in ConfigRegistry.keys { current[known.name] = try storedSetting(known) }
            current[name] = value
            for check in ConfigRegistry.consistencyChecks {
                if let problem = check({ current[$0] ?? "" }) { throw ConfigError(description: problem) }
            }
            try setConfigValue(value, for: name)
            try audit("config set \(name) = \(value)")
            return value
        }
    }

    /// Forgets a stored setting so its default applies again.
    public func resetSetting(_ name: String) throws {
        guard let key = ConfigRegistry.key(named: name) else { throw ConfigError.unknownKey(name) }
        try write {
            var current: [String: String] = [:]
            for known in ConfigRegistry.keys { current[known.name] = try storedSetting(known) }
            current[name] = key.defaultValue
            for check in ConfigRegistry.consistencyChecks {
                if let problem = check({ current[$0] ?? "" }) { throw ConfigError(description: problem) }
            }
            try database.execute("DELETE FROM config WHERE key = ?", [.text(name)])
            if database.changes > 0 { try audit("config unset \(name)") }
        }
    }

    /// The dunning thresholds from the settings.
    public func dunningPolicy() throws -> DunningPolicy {
        var values: [String: String] = [:]
        for key in ConfigRegistry.keys { values[key.name] = try storedSetting(key) }
        return ConfigRegistry.dunningPolicy { values[$0] ?? "" }
    }

    /// A stored value that no longer passes the key's check (edited by hand) falls back to the default.
    private func storedSetting(_ key: ConfigKey) throws -> String {
        guard let stored = try configValue(key.name), let value = key.validate(stored) else { return key.defaultValue }
        return value
    }
}
