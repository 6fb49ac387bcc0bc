#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `recon-gen`: the command line in front of the generators.
enum GeneratorMain {
    static let usage = """
        recon-gen — deterministic bank statements, invoices and ground truth for testing recon

        USAGE:
          recon-gen scenario --seed N --customers N --invoices N --days N --out DIR
                             [--today YYYY-MM-DD] [--format mixed|camt.053.001.02|camt.053.001.08|mt940]
          recon-gen camt053  --seed N --size SIZE --out FILE [--version 02|08] [--entries-per-statement N]
          recon-gen camt052  --seed N --size SIZE --out FILE [--entries-per-statement N]
          recon-gen mt940    --seed N --size SIZE --out FILE [--entries-per-statement N]

        SIZE is bytes with an optional unit: 500KB, 10MB, 1GB (powers of 1000) or KiB, MiB, GiB.
        The same arguments always give the same bytes.
        """

    static func run(_ words: [String]) -> Int32 {
        guard let command = words.first else {
            printError(usage)
            return 64
        }
        if command == "--help" || command == "-h" || command == "help" {
            printOut(usage)
            return 0
        }
        var arguments = GeneratorArguments(words: Array(words.dropFirst()))
        do throws(GeneratorError) {
            switch command {
            case "scenario":
                try ScenarioCommand.run(&arguments)
            case "camt053", "camt052", "mt940":
                try BulkCommand.run(command: command, &arguments)
            default:
                printError("recon-gen: unknown command '\(command)'\n\n" + usage)
                return 64
            }
            return 0
        } catch {
            printError("recon-gen \(command): \(error.message)")
            return 64
        }
    }

    static func printOut(_ text: String) {
        writeAll(text + "\n", to: 1)
    }

    static func printError(_ text: String) {
        writeAll(text + "\n", to: 2)
    }

    private static func writeAll(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
