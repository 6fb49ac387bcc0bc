// swift-tools-version:6.0
import PackageDescription

// recon has no Swift package dependencies on purpose: the only outside code is
// the system's libxml2 and SQLite, reached through system-library targets.
let package = Package(
    name: "recon",
    products: [
        .executable(name: "recon", targets: ["recon"]),
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
        .testTarget(name: "BankStatementsTests", dependencies: ["BankStatements"]),
        .testTarget(name: "ReconciliationTests", dependencies: ["Reconciliation", "BankStatements"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "Reconciliation", "BankStatements"]),
        .testTarget(name: "reconTests", dependencies: ["recon", "BankStatements", "Ledger"]),
    ],
    swiftLanguageModes: [.v6]
)
