import Foundation
@testable import Ledger

/// A fresh database file in its own temporary folder, removed when the value goes away.
final class TemporaryDatabase {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("recon-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("test.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Opens the file with a fixed clock, so two runs write identical rows.
    func open(clock: Clock = .fixed("2026-04-28T10:00:00Z")) throws -> LedgerStore {
        try LedgerStore(path: path, commandLine: "recon test", clock: clock)
    }

    /// Writes `text` to a file in the folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
