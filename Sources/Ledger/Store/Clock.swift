#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where "now" comes from for `created_at` columns and the audit log, so tests can fix it.
public struct Clock: Sendable {
    /// Returns the current time as ISO 8601 UTC text, e.g. `2026-04-28T09:15:02Z`.
    public var now: @Sendable () -> String

    public init(now: @escaping @Sendable () -> String) { self.now = now }

    /// The system clock.
    public static let system = Clock {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }

    /// A clock that always answers `text`.
    public static func fixed(_ text: String) -> Clock { Clock { text } }
}
