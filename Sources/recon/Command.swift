/// A `recon` sub-command.
protocol Command {
    /// The word that selects it: `parse`, `import`, `invoices`…
    static var name: String { get }
    /// One line for `recon --help`.
    static var summary: String { get }
    /// The full text for `recon help NAME`.
    static var help: String { get }
    /// Runs the command; returns the process exit code.
    static func run(_ arguments: inout Arguments) throws -> Int32
}

/// Process exit codes, following BSD `sysexits` where one fits.
enum ExitCode {
    static let success: Int32 = 0
    /// A check failed (balances do not add up, something needs attention) but the command worked.
    static let failure: Int32 = 1
    static let usage: Int32 = 64
    /// The input file is malformed, or the request does not fit the stored data.
    static let dataError: Int32 = 65
    /// An input file cannot be opened.
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    /// The database cannot be written.
    static let cannotCreate: Int32 = 73
}
