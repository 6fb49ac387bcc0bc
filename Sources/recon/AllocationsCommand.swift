import BankStatements
import Ledger

/// `recon allocations [--json]` and `recon allocations --explain INVOICE`
enum AllocationsCommand: Command {
    static let name = "allocations"
    static let summary = "List every allocation with its evidence, or explain one invoice's history"
    static let help = """
        USAGE: recon allocations [--json] [--db PATH]
               recon allocations --explain INVOICE [--json] [--db PATH]

        Lists the allocation journal: each row's id (for 'recon undo'), the bank transaction (bank
        reference and end-to-end id), the invoice, the amount, how it was made (method), confidence
        0-100 and the evidence. Rows are never changed: an undo or a return adds a 'reversal' row.
        Write-offs carry the payment whose shortfall they closed.
        --json prints an array of {id, bankReference, endToEndId, invoice, amount, method,
        confidence, currency, kind, evidence, reverses, reversedBy, transactionId, customer,
        createdAt}; amounts are strings.

        --explain INVOICE shows the invoice's history in time order: import, allocations, reversals
        and review decisions that concerned it. With --json: an array of {at, kind, text}.

        OPTIONS:
        \(DatabaseLocation.help)
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let json = arguments.flag("--json")
        let explain = try arguments.option("--explain")
        let store = try DatabaseLocation.open(&arguments)
        try arguments.finish()
        if let explain {
            let events = try store.invoiceHistory(number: explain)
            if json {
                Console.line(JSONValue.array(events.map { event in
                    .object([("at", .string(event.at)), ("kind", .string(event.kind)), ("text", .string(event.text))])
                }).rendered())
            } else {
                for event in events { Console.line("\(event.at)  \(event.kind.padding(toLength: 14))\(event.text)") }
            }
            return ExitCode.success
        }
        let records = try store.allocationRecords()
        if json {
            Console.line(JSONValue.array(records.map(jsonValue)).rendered())
            return ExitCode.success
        }
        for record in records {
            let allocation = record.allocation
            var line = "\(String(allocation.id).padding(toLength: 6))\(allocation.kind.rawValue.padding(toLength: 10))"
            line += "\(record.invoiceNumber.padding(toLength: 14))\(allocation.amount.description.padding(toLength: 16))"
            line += "\(allocation.method.padding(toLength: 15))\(String(allocation.confidence).padding(toLength: 4))"
            if let transaction = record.transactionID { line += "tx \(transaction) " }
            if let reference = record.bankReference { line += "ref \(reference) " }
            if let reverses = allocation.reversesAllocationID { line += "reverses \(reverses) " }
            if let reversedBy = record.reversedBy { line += "(reversed by \(reversedBy)) " }
            Console.line(line + allocation.evidence)
        }
        if records.isEmpty { Console.line("no allocations") }
        return ExitCode.success
    }

    private static func jsonValue(_ record: AllocationRecord) -> JSONValue {
        let allocation = record.allocation
        return .object([
            ("id", .integer(allocation.id)),
            ("bankReference", .optional(record.bankReference)),
            ("endToEndId", .optional(record.endToEndId)),
            ("invoice", .string(record.invoiceNumber)),
            ("amount", .string(allocation.amount.decimalString)),
            ("method", .string(allocation.method)),
            ("confidence", .integer(Int64(allocation.confidence))),
            ("currency", .string(allocation.amount.currency.code)),
            ("kind", .string(allocation.kind.rawValue)),
            ("evidence", .string(allocation.evidence)),
            ("reverses", allocation.reversesAllocationID.map { .integer($0) } ?? .null),
            ("reversedBy", record.reversedBy.map { .integer($0) } ?? .null),
            ("transactionId", record.transactionID.map { .integer($0) } ?? .null),
            ("customer", .string(record.customerID)),
            ("createdAt", .string(allocation.createdAt)),
        ])
    }
}
