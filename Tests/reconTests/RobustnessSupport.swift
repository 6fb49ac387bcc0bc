import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for the crash-safety and concurrency tests: the sample files, `recon` runs that can be
/// killed, and database dumps taken with the `sqlite3` shell (which CI installs).
enum Robustness {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The sample company's statement files (absolute paths, in date order).
    static let sampleStatements: [String] = {
        let folder = repository.appendingPathComponent("samples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".sta") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }()

    static func sample(_ name: String) -> String { repository.appendingPathComponent("samples/\(name)").path }

    static var sqliteShellAvailable: Bool {
        ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A started `recon` whose output goes to files, so that it can be killed at any moment.
    final class RunningRecon {
        let process = Process()
        let arguments: [String]
        private let errURL: URL

        init(_ arguments: [String], in directory: URL) throws {
            self.arguments = arguments
            process.executableURL = Recon.executable
            process.arguments = arguments
            process.currentDirectoryURL = directory
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "RECON_DB")
            process.environment = environment
            errURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: errURL)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        func kill() { _ = Glibc.kill(process.processIdentifier, SIGKILL) }

        /// Waits for the end; returns the exit status (or the signal) and standard error.
        func wait() -> (status: Int32, killed: Bool, stderr: String) {
            process.waitUntilExit()
            let text = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: errURL)
            return (process.terminationStatus, process.terminationReason == .uncaughtSignal, text)
        }
    }

    /// Runs `sqlite3 -bail DATABASE SQL` and returns what it printed (read-only queries only).
    static func sqlite(_ database: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = ["-bail", "-cmd", ".mode quote", database, sql]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw ShellError(message: "sqlite3 \(sql): " + String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct ShellError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Every row of every table and view recon keeps, read in one `sqlite3` run, with wall-clock
    /// times masked: two runs of the same commands in the same order give the same dump. The
    /// tables are read from the file, so a table added by a later migration is compared too.
    /// `nil` when the database file does not exist yet.
    static func dump(_ database: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: database) else { return nil }
        let relations = try sqlite(database, """
            SELECT type || ' ' || name FROM sqlite_master
            WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY type, name
            """).split(separator: "\n").map { line in
            line.trimmingCharacters(in: CharacterSet(charactersIn: "'")).split(separator: " ").map(String.init)
        }
        if relations.isEmpty { return "" }
        // Views have no rowid; both of recon's are keyed by their first column.
        let queries = relations.map { relation in
            "SELECT '-- \(relation[1])'; SELECT * FROM \(relation[1]) ORDER BY \(relation[0] == "view" ? "1" : "rowid");"
        }
        return maskTimes(try sqlite(database, queries.joined(separator: " ")))
    }

    /// Replaces ISO 8601 UTC times (`2026-11-24T10:00:00Z`) with a placeholder.
    static func maskTimes(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var index = 0
        let digit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        while index + 20 <= bytes.count {
            let s = bytes[index..<(index + 20)]
            let b = s.startIndex
            let shape = digit(s[b]) && digit(s[b + 3]) && s[b + 4] == 45 && s[b + 7] == 45 && s[b + 10] == 84
                && s[b + 13] == 58 && s[b + 16] == 58 && s[b + 19] == 90
            if shape {
                bytes.replaceSubrange(index..<(index + 20), with: Array("<time>".utf8))
                index += 6
            } else {
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`: "ok" and nothing.
    static func structuralProblems(_ database: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: database) else { return [] }
        var problems: [String] = []
        let integrity = try sqlite(database, "PRAGMA integrity_check").trimmingCharacters(in: .whitespacesAndNewlines)
        if integrity != "'ok'" { problems.append("integrity_check: \(integrity)") }
        let keys = try sqlite(database, "PRAGMA foreign_key_check").trimmingCharacters(in: .whitespacesAndNewlines)
        if !keys.isEmpty { problems.append("foreign_key_check: \(keys)") }
        return problems
    }
}
