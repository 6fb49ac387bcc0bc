import Foundation

/// The files of the end-to-end scenario, read in place from `Tests/reconTests/Fixtures/scenario`.
enum ScenarioFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/scenario")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// `true` once the CAMT parser is in: `recon parse` reads the camt.053 day.
    static let camtAvailable: Bool = {
        (try? Recon.run(["parse", path("day4.camt053.xml")]).status) == 0
    }()

    /// The JSON array a command printed, as dictionaries.
    static func objects(_ result: Recon.Result) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return value as? [[String: Any]] ?? []
    }
}
