import Foundation
import Testing
@testable import recon_gen

@Suite("Bulk benchmark files")
struct BulkTests {
    static func generate(_ format: StatementFileFormat, seed: UInt64, size: Int = 200_000) throws -> (ByteSink, BulkStatementGenerator.Report) {
        let sink = ByteSink()
        let report = try BulkStatementGenerator(format: format, seed: seed, targetSize: size, entriesPerStatement: 50)
            .write(to: sink)
        return (sink, report)
    }

    @Test("same seed gives the same bytes, another seed different ones", arguments: StatementFileFormat.allCases)
    func determinism(format: StatementFileFormat) throws {
        let (a, _) = try Self.generate(format, seed: 1)
        let (b, _) = try Self.generate(format, seed: 1)
        let (c, _) = try Self.generate(format, seed: 2)
        #expect(a.bytes == b.bytes)
        #expect(a.bytes != c.bytes)
    }

    @Test("the file reaches the requested size and its balances chain", arguments: StatementFileFormat.allCases)
    func sizeAndBalances(format: StatementFileFormat) throws {
        let (sink, report) = try Self.generate(format, seed: 9)
        #expect(report.bytes >= 200_000)
        #expect(report.bytes == sink.bytes.count)
        #expect(report.entries == report.statements * 50)
        let path = GeneratedFiles.temporaryDirectory("bulk-\(format.rawValue)")
        try Data(sink.bytes).write(to: URL(fileURLWithPath: path))
        // The independent readers expect one statement per file; sum over the whole file instead.
        let text = GeneratedFiles.text(path)
        if format == .mt940 {
            #expect(text.components(separatedBy: ":60F:").count - 1 == report.statements)
            #expect(text.components(separatedBy: ":61:").count - 1 == report.entries)
            let bytes = sink.bytes
            let bareLineFeeds = bytes.indices.filter { bytes[$0] == 10 && ($0 == 0 || bytes[$0 - 1] != 13) }
            #expect(bareLineFeeds.isEmpty, "MT940 lines end in CRLF")
        } else {
            #expect(text.components(separatedBy: "<Ntry>").count - 1 == report.entries)
        }
        #expect(report.lastClosing != report.firstOpening)
    }

    @Test("sizes parse with decimal and binary units")
    func sizes() throws {
        #expect(try ByteSize.parse("10MB") == 10_000_000)
        #expect(try ByteSize.parse("1GB") == 1_000_000_000)
        #expect(try ByteSize.parse("512KiB") == 524_288)
        #expect(try ByteSize.parse("100") == 100)
        #expect(throws: GeneratorError.self) { try ByteSize.parse("lots") }
        #expect(throws: GeneratorError.self) { try ByteSize.parse("-5MB") }
    }

    @Test("MT940 :86: lines are at most 65 characters and never start with ':' or '-' by wrapping")
    func mt940Wrapping() throws {
        let (sink, _) = try Self.generate(.mt940, seed: 4)
        let text = String(decoding: sink.bytes, as: UTF8.self)
        var inInformation = false
        for line in text.components(separatedBy: "\r\n") {
            if line.hasPrefix(":86:") {
                inInformation = true
                #expect(line.count <= 4 + 65)
            } else if line.hasPrefix(":") || line.hasPrefix("-}") || line.hasPrefix("{") {
                inInformation = false
            } else if inInformation {
                #expect(line.count <= 65)
                #expect(!line.hasPrefix("-"))
            }
        }
    }
}
