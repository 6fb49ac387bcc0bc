import BankStatements
import Foundation
import Testing
@testable import Ledger

/// `StatementFile.read` parses and fingerprints a file in one streaming pass.
@Suite struct StatementFileTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func sampleStatements() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(
            at: repository.appendingPathComponent("samples"), includingPropertiesForKeys: nil)
            .filter { ["xml", "sta", "940", "txt"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }

    @Test("the fingerprint is the SHA-256 of every byte, including what follows the document")
    func fingerprintCoversTheWholeFile() throws {
        let samples = try Self.sampleStatements()
        #expect(samples.count >= 4)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("statement-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for sample in samples {
            var bytes = try [UInt8](Data(contentsOf: sample))
            // White space after the end of a CAMT document, an empty line after an MT940 file:
            // bytes the parser need not read, but which are part of the file.
            bytes += Array((sample.pathExtension == "xml" ? "\n<!-- exported -->\n\n" : "\r\n").utf8)
            let copy = folder.appendingPathComponent(sample.lastPathComponent)
            try Data(bytes).write(to: copy)
            let file = try StatementFile.read(path: copy.path)
            #expect(file.sha256 == SHA256.hex(of: bytes), "\(sample.lastPathComponent)")
            #expect(file.size == bytes.count)
            #expect(file.statements == (try StatementParser.statements(bytes: bytes, name: copy.path)))
        }
    }

    @Test("a file over the size bound is refused, naming the file")
    func sizeBound() throws {
        let sample = try #require(try Self.sampleStatements().first)
        let size = try [UInt8](Data(contentsOf: sample)).count
        let error = try #require(throws: StatementParseError.self) {
            try StatementFile.read(path: sample.path, maximumBytes: size / 2)
        }
        #expect(error.message == "file larger than \(size / 2) bytes")
        #expect(error.file == sample.path)
        #expect(try StatementFile.read(path: sample.path, maximumBytes: size).size == size)
    }
}
