// Compiled only by Tests/Fuzz/run, together with the BankStatements sources and the invoice CSV
// reader, into one module; SwiftPM never sees this folder (it is not a target's path).

#if canImport(Glibc)
import Glibc
#endif

/// Which parser one fuzzing process drives, chosen by `RECON_FUZZ_TARGET` so that one
/// instrumented build serves every target (the build is most of the smoke's time budget).
enum FuzzTarget: String {
    case camt
    case mt940
    case csv

    static let current: FuzzTarget = {
        guard let raw = getenv("RECON_FUZZ_TARGET"), let target = FuzzTarget(rawValue: String(cString: raw)) else {
            fputs("RECON_FUZZ_TARGET must be camt, mt940 or csv\n", stderr)
            exit(2)
        }
        return target
    }()

    /// Runs one input through the parser and everything that reads its result. Errors are the
    /// expected outcome for most inputs; only a crash, a hang or runaway memory is a finding.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .camt:
            var input = MemoryInput(bytes)
            var output = FuzzOutput()
            try? CAMTParser().parse(&input) { output.handle($0) }
        case .mt940:
            var input = MemoryInput(bytes)
            var output = FuzzOutput()
            try? MT940Parser().parse(&input) { output.handle($0) }
        case .csv:
            let result = InvoiceFileParser(file: "fuzz.csv").parse(bytes)
            // Rendering the issues reads every field the parser kept.
            var length = 0
            for issue in result.issues { length &+= issue.description.utf8.count }
            for record in result.records { length &+= record.amount.minorUnits.words.count }
            _ = length
        }
    }
}

/// Feeds the parsed events through the collector and the JSON writer, as `recon parse --json`
/// does, so that the fuzzer also reaches the model and output code.
struct FuzzOutput {
    private var collector = StatementCollector()
    private var json = StatementJSONStream(writeBytes: { _ in })

    mutating func handle(_ event: StatementEvent) {
        collector.handle(event)
        json.handle(event)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.current.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
