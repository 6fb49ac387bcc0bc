// swift-tools-version:6.0
import PackageDescription

// recon has no Swift package dependencies on purpose: the only outside code is
// the system's libxml2 and SQLite, reached through system-library targets.
let package = Package(
    name: "recon",
    products: [
        .executable(name: "recon", targets: ["recon"]),
        .executable(name: "recon-gen", targets: ["recon-gen"]),
        .library(name: "BankStatements", targets: ["BankStatements"]),
        .library(name: "Reconciliation", targets: ["Reconciliation"]),
        .library(name: "Ledger", targets: ["Ledger"]),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(name: "BankStatements", dependencies: ["CLibXML2"]),
        .target(name: "Reconciliation", dependencies: ["BankStatements"]),
        .target(name: "Ledger", dependencies: ["BankStatements", "Reconciliation", "CSQLite"]),
        .executableTarget(name: "recon", dependencies: ["BankStatements", "Reconciliation", "Ledger"]),
        .executableTarget(name: "recon-gen", dependencies: ["BankStatements"]),
        // Test helpers shared by the test targets (the shared corpus locator).
        .target(name: "ReconTestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "BankStatementsTests", dependencies: ["BankStatements", "ReconTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ReconciliationTests", dependencies: ["Reconciliation", "BankStatements", "ReconTestSupport"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "Reconciliation", "BankStatements", "ReconTestSupport"]),
        .testTarget(name: "reconTests", dependencies: ["recon", "recon-gen", "BankStatements", "Ledger", "ReconTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "reconGenTests", dependencies: ["recon-gen", "BankStatements"]),
    ],
    swiftLanguageModes: [.v6]
)
