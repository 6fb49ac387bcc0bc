import Foundation
import Testing

/// The shared statement corpus (`../shared/corpus` beside the repository), read in place.
///
/// It is absent on a user's machine: tests over it are then reported as skipped, not passed.
public enum Corpus {
    /// The corpus folder: `$RECON_CORPUS`, else `../shared/corpus` relative to the repository root.
    public static let root: URL? = {
        if let override = ProcessInfo.processInfo.environment["RECON_CORPUS"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        // This file is <repo>/Tests/TestSupport/Corpus.swift.
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidate = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return candidate
    }()

    public static var isAvailable: Bool { root != nil }

    public static let skipReason: Comment = "shared corpus not found (../shared/corpus or $RECON_CORPUS): corpus tests skipped"

    /// Paths relative to the corpus root of the regular files under `folder` (recursively),
    /// sorted, leaving out documentation and expected-result companions.
    public static func files(under folder: String, excludingExtensions excluded: Set<String> = ["md", "json", "yml", "yaml", "csv", "pydata", "zip", "txt_expected"]) -> [String] {
        guard let root else { return [] }
        let base = root.appendingPathComponent(folder, isDirectory: true)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var result: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            if excluded.contains(url.pathExtension.lowercased()) { continue }
            let relative = String(url.path.dropFirst(root.path.count + 1))
            result.append(relative)
        }
        return result.sorted()
    }

    /// The absolute path of a corpus file given relative to the root.
    public static func path(_ relative: String) -> String {
        (root ?? URL(fileURLWithPath: "/nonexistent")).appendingPathComponent(relative).path
    }
}
