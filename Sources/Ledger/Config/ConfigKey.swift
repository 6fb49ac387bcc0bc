/// One setting recon knows: its name, default, what it means and which values it accepts.
///
/// Settings are stored as text in the `config` table; a key not stored has its default. Values are
/// checked and put in canonical form (`007` becomes `7`) before they are stored, so a value read back
/// is always one the key accepts.
public struct ConfigKey: Sendable {
    public let name: String
    public let defaultValue: String
    /// One line for `recon config list`.
    public let summary: String
    /// A short description of what is accepted, for messages (`an integer 0…3650`).
    public let accepts: String
    private let canonical: @Sendable (String) -> String?

    public init(name: String, defaultValue: String, summary: String, accepts: String,
                canonical: @escaping @Sendable (String) -> String?) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
        self.accepts = accepts
        self.canonical = canonical
    }

    /// The value in canonical form, or `nil` when the key does not accept it.
    public func validate(_ value: String) -> String? { canonical(value) }

    /// A whole number in `range`.
    public static func integer(_ name: String, default value: Int, in range: ClosedRange<Int>, _ summary: String) -> ConfigKey {
        ConfigKey(name: name, defaultValue: String(value), summary: summary,
                  accepts: "a whole number \(range.lowerBound)…\(range.upperBound)") { text in
            let bytes = Array(text.utf8)
            guard !bytes.isEmpty, bytes.count <= 9,
                  bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let number = Int(text), range.contains(number)
            else { return nil }
            return String(number)
        }
    }

    /// One of a fixed set of words.
    public static func choice(_ name: String, default value: String, among choices: [String], _ summary: String) -> ConfigKey {
        ConfigKey(name: name, defaultValue: value, summary: summary, accepts: "one of \(choices.joined(separator: ", "))") { text in
            choices.contains(text) ? text : nil
        }
    }

    /// `true` or `false` (also `yes`/`no`, `on`/`off`, `1`/`0`), stored as `true`/`false`.
    public static func boolean(_ name: String, default value: Bool, _ summary: String) -> ConfigKey {
        ConfigKey(name: name, defaultValue: value ? "true" : "false", summary: summary, accepts: "true or false") { text in
            switch text.lowercased() {
            case "true", "yes", "on", "1": return "true"
            case "false", "no", "off", "0": return "false"
            default: return nil
            }
        }
    }
}
