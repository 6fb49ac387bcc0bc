/// `recon-gen scenario`: a company, its invoices, statements and the ground truth.
enum ScenarioCommand {
    static func run(_ arguments: inout GeneratorArguments) throws(GeneratorError) {
        var configuration = ScenarioConfiguration()
        configuration.seed = try arguments.seed()
        configuration.customers = try arguments.integer("--customers", default: 40, range: 1...1_000_000)
        configuration.invoices = try arguments.integer("--invoices", default: 40, range: 1...10_000_000)
        configuration.days = try arguments.integer("--days", default: 10, range: 1...2_000)
        configuration.today = try arguments.date("--today", default: configuration.today)
        if let format = try arguments.string("--format"), format != "mixed" {
            guard let chosen = StatementFileFormat(rawValue: format) else {
                throw GeneratorError("--format must be mixed, camt.053.001.02, camt.053.001.08, camt.052.001.08 or mt940, not '\(format)'")
            }
            configuration.format = chosen
        }
        let out = try arguments.required("--out")
        try arguments.finish()
        let report = try ScenarioGenerator(configuration: configuration).write(to: out)
        GeneratorMain.printOut("\(out): \(report.invoices) invoices (+\(report.laterInvoices) issued later), \(report.entries) entries in \(report.statements.count) statement files")
        for (name, count) in report.casesSeen.sorted(by: { $0.key < $1.key }) {
            GeneratorMain.printOut("  \(name.padding(26))\(count)")
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
