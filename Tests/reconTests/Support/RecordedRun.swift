import Foundation

/// A finished `recon` run: its arguments and everything it said, for concurrent workloads whose
/// runs are checked and replayed afterwards.
struct RecordedRun: Sendable {
    let arguments: [String]
    let status: Int32
    let stdout: String
    /// Standard error without the line saying the run waited for another's lock: whether a run
    /// waits depends on the interleaving, so a serial replay would never print it.
    let stderr: String
    /// Whether the run said it was waiting for another command's lock.
    let waited: Bool

    static let waitingNotice = "recon: waiting for another recon command to finish writing "

    /// What the run wrote into `audit_log.command`: its `argv`, joined by spaces.
    var commandLine: String { ([Recon.executable.path] + arguments).joined(separator: " ") }

    /// Runs `recon ARGUMENTS` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL) throws -> RecordedRun {
        let result = try Recon.run(arguments, in: directory)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { !$0.hasPrefix(waitingNotice) }
        return RecordedRun(arguments: arguments, status: result.status, stdout: result.stdout,
                           stderr: kept.joined(separator: "\n"), waited: kept.count != lines.count)
    }
}
