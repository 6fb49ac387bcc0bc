import Foundation
import Testing
@testable import BankStatements

/// Every file in `Fixtures/malformed/` is a hostile or broken statement file written for these
/// tests; its sidecar `NAME.expected` holds the exact error `recon parse` must print for it
/// (`file:line: [element: ]message`, the file given by its bare name).
///
/// Inputs that the fuzzers turned up go here too, so that a fixed crash stays fixed.
@Suite("Malformed statement files")
struct RobustnessMalformedFilesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/malformed", isDirectory: true)

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".expected") && !$0.hasPrefix(".") }.sorted()
    }()

    @Test("the folder holds the malformed files")
    func folderIsThere() {
        // A moved folder must not turn the parameterized test into one that checks nothing.
        #expect(Self.files.count >= 25)
    }

    @Test("each malformed file is rejected with its expected message", arguments: files)
    func rejected(name: String) throws {
        let expectedURL = Self.folder.appendingPathComponent(name + ".expected")
        let expectedText = try #require(try? String(contentsOf: expectedURL, encoding: .utf8), "\(name) has no .expected file")
        let expected = expectedText.trimmingCharacters(in: .whitespacesAndNewlines)
        var statements = 0
        do {
            let input = try FileInput(path: Self.folder.appendingPathComponent(name).path)
            try StatementParser.parse(input: input, name: name) { event in
                if case .end = event { statements += 1 }
            }
            Issue.record("\(name) was accepted (\(statements) statement(s)); expected: \(expected)")
        } catch let error as StatementParseError {
            #expect(error.description == expected)
        }
    }

    @Test("every .expected file belongs to a file")
    func noOrphans() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        for sidecar in names where sidecar.hasSuffix(".expected") {
            #expect(names.contains(String(sidecar.dropLast(".expected".count))), "orphan \(sidecar)")
        }
    }
}
