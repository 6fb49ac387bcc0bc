import Ledger

/// `recon undo ALLOCATION_ID [--reason TEXT]`
enum UndoCommand: Command {
    static let name = "undo"
    static let summary = "Undo one allocation with a reversing entry"
    static let help = """
        USAGE: recon undo ALLOCATION_ID [--reason TEXT] [--db PATH]

        Appends a reversal for the allocation (ids from 'recon allocations'); nothing is deleted and
        every other allocation, also of the same payment, stays as it is. The invoice's status
        follows (paid becomes partial or open again). Undoing a payment allocation also reverses the
        write-off booked for the same payment on the same invoice.

        The payment's money that the undo frees goes back to the review queue, with suggestions but
        never again allocated automatically: someone just rejected the automatic choice. Decide it
        with 'recon review accept|assign|ignore'.

        OPTIONS:
          --reason TEXT  Why (kept with the reversal and in the audit log).
        \(DatabaseLocation.help)
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let reason = try arguments.option("--reason") ?? "undone by hand"
        let store = try DatabaseLocation.open(&arguments)
        let words = try arguments.positionals()
        guard words.count == 1, let word = words.first else {
            throw UsageError(command: name, message: "give exactly one allocation ID")
        }
        guard let id = Int64(word), id > 0 else { throw UsageError(command: name, message: "'\(word)' is not an allocation ID") }
        let reversals = try store.undoAllocation(id: id, reason: reason)
        Console.line("allocation \(id) undone by reversal(s) \(reversals.map(String.init).joined(separator: ", "))")
        return ExitCode.success
    }
}
