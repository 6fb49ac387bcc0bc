import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func versionAndHelp() throws {
        let version = try Recon.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("recon "))
        let help = try Recon.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("parse"))
        let parseHelp = try Recon.run(["help", "parse"])
        #expect(parseHelp.status == 0)
        #expect(parseHelp.stdout.contains("USAGE: recon parse"))
    }

    @Test func unknownCommandAndOptionAreUsageErrors() throws {
        let command = try Recon.run(["frobnicate"])
        #expect(command.status == 64)
        #expect(command.stderr.contains("unknown command 'frobnicate'"))
        let option = try Recon.run(["parse", "--frob", "x.xml"])
        #expect(option.status == 64)
        #expect(option.stderr.contains("unknown option '--frob'"))
        let none = try Recon.run(["parse"])
        #expect(none.status == 64)
    }

    @Test func unreadableAndForeignFilesAreClearErrors() throws {
        let scratch = try Recon.Scratch()
        let missing = try Recon.run(["parse", scratch.path("missing.xml")])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("missing.xml: cannot open"))
        let foreign = try scratch.write("notes.txt", "Dear diary,\nno statement here.\n")
        let result = try Recon.run(["parse", foreign])
        #expect(result.status == 65)
        #expect(result.stderr.contains("notes.txt:1: not a bank statement"))
        let empty = try scratch.write("empty.xml", "")
        let emptyResult = try Recon.run(["parse", empty])
        #expect(emptyResult.status == 65)
        #expect(emptyResult.stderr.contains("empty.xml:1: file is empty"))
    }
}
