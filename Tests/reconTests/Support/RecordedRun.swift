import Foundation
import Dispatch

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
    ///
    /// Waits on the termination handler rather than `Process.waitUntilExit`, which polls the
    /// calling thread's run loop: on a worker thread with nothing scheduled that poll spins and
    /// takes a core away from the processes under test.
    static func run(_ arguments: [String], in directory: URL) throws -> RecordedRun {
        let process = Process()
        process.executableURL = Recon.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "RECON_DB")
        process.environment = environment
        // Files rather than pipes: nothing has to drain them while the child runs.
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("recon-run-\(UUID().uuidString)")
        let outURL = capture.appendingPathExtension("out")
        let errURL = capture.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        finished.wait()
        try out.close()
        try err.close()
        let said = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        let lines = said.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { !$0.hasPrefix(waitingNotice) }
        return RecordedRun(arguments: arguments, status: process.terminationStatus,
                           stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                           stderr: kept.joined(separator: "\n"), waited: kept.count != lines.count)
    }
}
