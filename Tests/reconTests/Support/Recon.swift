import Dispatch
import Foundation

/// Runs the built `recon` executable the way a user would, and captures what it prints.
struct Recon {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `recon` binary SwiftPM built next to the test bundle.
    static let executable: URL = {
        let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            bundleDirectory.appendingPathComponent("recon"),
            Bundle.main.bundleURL.appendingPathComponent("recon"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("recon"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// The `recon-gen` binary, built next to `recon`.
    static let generator = executable.deletingLastPathComponent().appendingPathComponent("recon-gen")

    /// A scratch directory that is removed when the test ends.
    final class Scratch {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("recon-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }

        @discardableResult
        func write(_ name: String, _ text: String) throws -> String {
            let path = path(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    /// Runs `recon ARGUMENTS` (or another of the package's binaries) in `directory` with
    /// `environment` added to the current one.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    executable: URL = Recon.executable) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "RECON_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Files rather than pipes: a large output cannot fill a pipe buffer and stall the child.
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
        // Waits on the termination handler rather than `Process.waitUntilExit`, which polls the
        // calling thread's run loop: on a worker thread with nothing scheduled that poll spins and
        // takes a core away from the processes under test.
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        finished.wait()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL)
        let errData = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
