import Ledger

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which database file a command works on: `--db PATH`, else `$RECON_DB`, else `./recon.sqlite`.
enum DatabaseLocation {
    static let help = """
          --db PATH  The database file (default: $RECON_DB, else ./recon.sqlite). Created on first use.
        """

    /// Takes `--db` out of the arguments and resolves the path.
    static func path(_ arguments: inout Arguments) throws(UsageError) -> String {
        if let path = try arguments.option("--db") {
            guard !path.isEmpty else { throw UsageError(command: arguments.command, message: "--db needs a path") }
            return path
        }
        if let variable = getenv("RECON_DB"), case let path = String(cString: variable), !path.isEmpty {
            return path
        }
        return LedgerStore.defaultPath
    }

    /// Opens (creating and migrating if needed) the database, recording the command line for the audit log.
    static func open(_ arguments: inout Arguments) throws -> LedgerStore {
        try open(path: path(&arguments))
    }

    static func open(path: String) throws -> LedgerStore {
        try LedgerStore(path: path, commandLine: CommandLine.arguments.joined(separator: " ")) {
            Console.error("recon: waiting for another recon command to finish writing \(path)…")
        }
    }
}

extension DatabaseError: ReportableError {
    /// 73 (EX_CANTCREAT): the database cannot be opened or written.
    var exitCode: Int32 { ExitCode.cannotCreate }
}

extension LedgerError: ReportableError {
    var exitCode: Int32 {
        switch self {
        case .schemaTooNew: return ExitCode.cannotCreate
        // The user's request does not fit the stored data (an unknown id, an item another
        // command resolved first): the user's input is what is wrong, not recon.
        case .invalidRequest: return ExitCode.dataError
        }
    }
}
