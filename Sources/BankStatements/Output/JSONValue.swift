/// A JSON document built in code, with object keys kept in the order they were added.
///
/// recon's JSON is a contract other tools read, so its key order and number formatting are
/// decided here rather than left to a generic encoder. Amounts are always strings.
///
/// Not `indirect`: arrays and objects already hold their children on the heap, and boxing every
/// value as well made building an entry's JSON cost one allocation per field.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// A string, or `null` when `value` is nil.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Compact JSON text.
    public func rendered() -> String {
        var out = ""
        render(into: &out)
        return out
    }

    /// Appends compact JSON text to `out`.
    public func render(into out: inout String) {
        var bytes: [UInt8] = []
        render(into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends compact JSON text to `out` as UTF-8: appending bytes costs a fraction of appending
    /// to a `String`, which matters for a million-entry `recon parse --json`.
    func render(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): out.append(contentsOf: String(value).utf8)
        case .string(let value): JSONValue.renderString(value, into: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.render(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in fields {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONValue.renderString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.render(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `value` as a quoted JSON string, escaping what RFC 8259 requires.
    public static func renderString(_ value: String, into out: inout String) {
        var bytes: [UInt8] = []
        renderString(value, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as a quoted JSON string in UTF-8; runs that need no escaping are copied whole.
    static func renderString(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { bytes in
            var plainStart = 0
            for index in 0..<bytes.count where needsEscape(bytes[index]) {
                out.append(contentsOf: bytes[plainStart..<index])
                switch bytes[index] {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                default:
                    let hex = String(bytes[index], radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
                plainStart = index + 1
            }
            out.append(contentsOf: bytes[plainStart...])
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20
    }
}

/// Builds a JSON object, leaving out keys whose value is absent.
public struct JSONObjectBuilder {
    public private(set) var fields: [(String, JSONValue)] = []

    public init() {}

    public mutating func add(_ key: String, _ value: JSONValue) { fields.append((key, value)) }

    public mutating func add(_ key: String, _ value: String?) {
        if let value { fields.append((key, .string(value))) }
    }

    public mutating func add(_ key: String, _ value: Int?) {
        if let value { fields.append((key, .integer(Int64(value)))) }
    }

    public mutating func add(_ key: String, _ value: Bool?) {
        if let value { fields.append((key, .bool(value))) }
    }

    public var value: JSONValue { .object(fields) }
}
