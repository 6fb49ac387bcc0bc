import Foundation
import Testing

/// `recon` on a database it cannot write, or on a full disk: a clear error and exit code 73,
/// and the file keeps what it held.
///
/// Both work as root, where file permissions stop nothing: read-only through SQLite's URI
/// filename `file:PATH?mode=ro` (the system SQLite is built with SQLITE_USE_URI), and a full disk
/// through the file-size limit `ulimit -f`, with SIGXFSZ ignored so that writes past the limit fail
/// with EFBIG instead of killing the process.
@Suite("recon on read-only and full storage", .enabled(if: Robustness.sqliteShellAvailable, "needs the sqlite3 shell"))
struct RobustnessStorageTests {
    @Test("a database opened read-only: exit 73 with SQLite's reason, nothing written")
    func readOnlyDatabase() throws {
        let scratch = try Recon.Scratch()
        let files = Robustness.sampleStatements
        let first = try Recon.run(["import", files[0], "--db", "recon.sqlite"], in: scratch.url)
        #expect(first.status <= 1, "\(first.stderr)")
        let before = try Robustness.dump(scratch.path("recon.sqlite"))

        let uri = "file:\(scratch.path("recon.sqlite"))?mode=ro"
        let result = try Recon.run(["import"] + Array(files.dropFirst()) + ["--db", uri], in: scratch.url)
        #expect(result.status == 73, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("readonly database"), "\(result.stderr)")
        #expect(try Robustness.dump(scratch.path("recon.sqlite")) == before)

        let invoices = try Recon.run(["invoices", "import", Robustness.sample("invoices.csv"), "--db", uri], in: scratch.url)
        #expect(invoices.status == 73, "exit \(invoices.status): \(invoices.stderr)")
        #expect(try Robustness.dump(scratch.path("recon.sqlite")) == before)
    }

    @Test("a disk that fills up during the import: exit 73, nothing half-written, and the retry completes")
    func fullDisk() throws {
        let scratch = try Recon.Scratch()
        let files = Robustness.sampleStatements
        let first = try Recon.run(["import", files[0], "--db", "recon.sqlite"], in: scratch.url)
        #expect(first.status <= 1, "\(first.stderr)")
        let before = try Robustness.dump(scratch.path("recon.sqlite"))

        // 100 blocks of 512 bytes: room for the shared-memory index, not for the write-ahead log of two weeks of statements.
        let script = "ulimit -f 100; trap '' XFSZ; exec \"$0\" \"$@\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, Recon.executable.path, "import"] + Array(files.dropFirst()) + ["--db", "recon.sqlite"]
        process.currentDirectoryURL = scratch.url
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 73, "exit \(process.terminationStatus): \(errors)")
        #expect(errors.contains("disk I/O error") || errors.contains("database or disk is full"), "\(errors)")
        #expect(try Robustness.structuralProblems(scratch.path("recon.sqlite")).isEmpty)
        #expect(try Robustness.dump(scratch.path("recon.sqlite")) == before)

        let retry = try Recon.run(["import"] + Array(files.dropFirst()) + ["--db", "recon.sqlite"], in: scratch.url)
        #expect(retry.status <= 1, "\(retry.stderr)")
        let count = try Robustness.sqlite(scratch.path("recon.sqlite"), "SELECT count(*) FROM imported_files")
        #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "\(files.count)")
    }
}
