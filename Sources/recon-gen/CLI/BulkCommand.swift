/// `recon-gen camt053|camt052|mt940 --size SIZE --out FILE`: benchmark files.
enum BulkCommand {
    static func run(command: String, _ arguments: inout GeneratorArguments) throws(GeneratorError) {
        let seed = try arguments.seed()
        let size = try ByteSize.parse(try arguments.required("--size"))
        let out = try arguments.required("--out")
        let perStatement = try arguments.integer("--entries-per-statement", default: 1000, range: 1...1_000_000)
        let format: StatementFileFormat
        switch command {
        case "camt053":
            let version = try arguments.string("--version") ?? "08"
            switch version {
            case "02", "2": format = .camt053v02
            case "08", "8": format = .camt053v08
            default: throw GeneratorError("--version must be 02 or 08, not '\(version)'")
            }
        case "camt052":
            format = .camt052v08
        default:
            format = .mt940
        }
        try arguments.finish()
        let sink = try ByteSink(path: out)
        let generator = BulkStatementGenerator(format: format, seed: seed, targetSize: size, entriesPerStatement: perStatement)
        let report = try generator.write(to: sink)
        GeneratorMain.printOut("\(out): \(format.rawValue), \(report.statements) statement(s), \(report.entries) entries, \(report.bytes) bytes")
    }
}
