/// A setting was named or given wrongly; the message says what would have been right.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String

    static func unknownKey(_ name: String) -> ConfigError {
        let similar = ConfigRegistry.keys.map(\.name).filter { known in
            let stem = name.split(separator: ".").last.map(String.init) ?? name
            return known.contains(stem) || name.contains(known.split(separator: ".").last.map(String.init) ?? known)
        }
        var text = "unknown setting '\(name)'"
        if !similar.isEmpty { text += " (did you mean \(similar.joined(separator: " or "))?)" }
        return ConfigError(description: text + "; 'recon config list' shows them all")
    }

    static func invalidValue(_ value: String, for key: ConfigKey) -> ConfigError {
        ConfigError(description: "'\(value.shortened)' is not a valid value for \(key.name): expected \(key.accepts)")
    }
}
