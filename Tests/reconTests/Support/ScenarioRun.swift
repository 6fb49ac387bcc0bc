import Foundation

/// A directory of recon-gen output (invoices, daily statements, truth.csv) run through `recon` in a
/// fresh database the way a bookkeeper would, and what recon made of it.
struct ScenarioRun {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let truth: [TruthRow]
    let transactions: [[String: Any]]
    let allocations: [[String: Any]]
    let review: [[String: Any]]

    /// `recon-gen scenario --seed SEED …` into `directory`.
    static func generate(seed: UInt64, customers: Int, invoices: Int, days: Int, format: String = "mixed",
                         into directory: URL) throws {
        let arguments = ["scenario", "--seed", String(seed), "--customers", String(customers), "--invoices", String(invoices),
                         "--days", String(days), "--format", format, "--out", directory.path]
        let result = try Recon.run(arguments, executable: Recon.generator)
        guard result.status == 0 else {
            throw Failure(description: "recon-gen \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
    }

    /// The outcome as given (to check the evaluation itself on hand-written cases).
    init(truth: [TruthRow], transactions: [[String: Any]], allocations: [[String: Any]], review: [[String: Any]]) {
        self.truth = truth
        self.transactions = transactions
        self.allocations = allocations
        self.review = review
    }

    /// Imports the invoices, every statement file in date order (one morning at a time), the
    /// invoices issued later, then `recon match`; reads back transactions, allocations and review.
    init(directory: URL, database: String) throws {
        func recon(_ arguments: [String]) throws -> Recon.Result {
            let result = try Recon.run(arguments + ["--db", database])
            guard result.status == 0 else {
                throw Failure(description: "recon \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
            }
            return result
        }
        func array(_ arguments: [String]) throws -> [[String: Any]] {
            let stdout = try recon(arguments).stdout
            guard let value = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [[String: Any]] else {
                throw Failure(description: "recon \(arguments.joined(separator: " ")) printed no JSON array")
            }
            return value
        }
        _ = try recon(["invoices", "import", directory.appendingPathComponent("invoices.csv").path])
        // Names start with the booking date, so name order is date order (and camt.052 before camt.053).
        let statements = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.first?.isNumber == true }.sorted()
        guard !statements.isEmpty else { throw Failure(description: "no statement files in \(directory.path)") }
        for file in statements { _ = try recon(["import", directory.appendingPathComponent(file).path]) }
        let later = directory.appendingPathComponent("invoices-later.csv")
        if FileManager.default.fileExists(atPath: later.path) { _ = try recon(["invoices", "import", later.path]) }
        _ = try recon(["match"])
        truth = try GroundTruth.rows(in: directory)
        transactions = try array(["transactions", "--json"])
        allocations = try array(["allocations", "--json"])
        review = try array(["review", "--json"])
    }
}
