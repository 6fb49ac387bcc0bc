#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a connection waits for a lock another connection holds: retrying with growing pauses up to
/// a bound, and saying once, after a second, that it is waiting.
///
/// SQLite's own `sqlite3_busy_timeout` waits silently. A command queued behind a minute-long
/// import would look hung; one line on standard error tells the user why nothing happens. A class
/// because SQLite's C callback reaches it through a context pointer while the connection lives.
final class LockWait {
    let limitMilliseconds: Int32
    private let notice: (() -> Void)?
    private var noticed = false
    private var waitedMilliseconds: Int32 = 0

    /// How long to wait before saying so.
    static let noticeAfterMilliseconds: Int32 = 1_000

    init(limitMilliseconds: Int32, notice: (() -> Void)?) {
        self.limitMilliseconds = limitMilliseconds
        self.notice = notice
    }

    /// Called by SQLite with the number of earlier calls for the same lock; `false` gives up.
    func shouldRetry(attempt: Int32) -> Bool {
        if attempt == 0 { waitedMilliseconds = 0 }
        guard waitedMilliseconds < limitMilliseconds else { return false }
        if !noticed, waitedMilliseconds >= Self.noticeAfterMilliseconds {
            noticed = true
            notice?()
        }
        // Short pauses first (most locks are held for milliseconds), then 100 ms at most.
        let pause = min(max(1, attempt * 5), 100, limitMilliseconds - waitedMilliseconds)
        usleep(useconds_t(pause) * 1_000)
        waitedMilliseconds += pause
        return true
    }
}
