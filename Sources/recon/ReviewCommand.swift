import BankStatements
import Ledger

/// `recon review [--json]`, `recon review accept ID [N] [--expect INVOICES]`, `recon review assign ID INVOICE [AMOUNT]…`,
/// `recon review ignore ID --reason TEXT`
enum ReviewCommand: Command {
    static let name = "review"
    static let summary = "Show payments that need a decision, and accept, assign or ignore them"
    static let help = """
        USAGE: recon review [--json] [--db PATH]
               recon review accept ID [N] [--expect INVOICE[,INVOICE...]] [--db PATH]
               recon review assign ID INVOICE [AMOUNT] [INVOICE [AMOUNT]...] [--db PATH]
               recon review ignore ID --reason TEXT [--db PATH]

        list: each credit matching could not allocate with certainty, with its suggestions best first:
        invoice(s), open amount, score 0-100 and the evidence in words. Returns whose original
        payment is unclear are listed too (kind 'return'), suggesting earlier payments.
        --json prints an array of {id, kind, transactionId, bankReference, endToEndId, bookingDate,
        amount, unallocated, currency, counterpartyName, counterpartyIban, remittance, reason,
        candidates: [{invoice, invoices, customer, amount, score, evidence, method,
        returnedTransactionId}]}; amounts are strings.

        accept: takes suggestion N (default 1). Its invoices are paid with what is left of the
        payment, oldest first; money left over stays on the customer as credit; a shortfall within
        the write-off tolerance closes the last invoice. For a return, the suggested payment's
        allocations are undone and its invoices re-opened. It prints the invoices it paid. With
        --expect, it first checks that suggestion N still names exactly those invoices and does
        nothing if another command has changed the suggestions since you listed them.
        assign: pays the named invoices (by invoice number); an invoice without AMOUNT takes what is
        left, up to its open amount. AMOUNT is written with a decimal point (50.00; -30.00 for a
        credit note) so it is never taken for an invoice number. The total may not exceed the payment, and every invoice must
        be in the payment's currency.
        accept and assign teach recon the payer's IBAN and name for the customer ('recon customers
        learned ID'), so their next payment of an invoice's amount is allocated automatically.
        ignore: the credit is not an invoice payment (a refund, a loan, a transfer between own
        accounts); it leaves the queue and 'recon match' no longer looks at it.

        OPTIONS:
        \(DatabaseLocation.help)
        """

    static func run(_ arguments: inout Arguments) throws -> Int32 {
        let databasePath = try DatabaseLocation.path(&arguments)
        if arguments.nextPositionalIs("accept") { return try accept(&arguments, databasePath) }
        if arguments.nextPositionalIs("assign") { return try assign(&arguments, databasePath) }
        if arguments.nextPositionalIs("ignore") { return try ignore(&arguments, databasePath) }
        let json = arguments.flag("--json")
        try arguments.finish()
        let store = try DatabaseLocation.open(path: databasePath)
        let queue = try store.reviewQueue()
        if json {
            Console.line(JSONValue.array(queue.map(jsonValue)).rendered())
            return ExitCode.success
        }
        for item in queue {
            let transaction = item.transaction
            var line = "#\(item.id)  \(item.kind == "return" ? "RETURN  " : "")\(transaction.bookingDate?.description ?? "?")  "
            line += "\(transaction.amount)  \(transaction.counterpartyName ?? "unknown payer")"
            if let iban = transaction.counterpartyIBAN { line += " (\(iban))" }
            Console.line(line)
            if let text = transaction.remittanceText ?? transaction.endToEndId { Console.line("    \"\(text)\"") }
            Console.line("    \(item.reason)")
            for (index, candidate) in item.candidates.enumerated() {
                let what = candidate.returnedTransactionID.map { "transaction \($0)" }
                    ?? candidate.invoiceNumbers.joined(separator: " + ") + (candidate.customerID.map { " (\($0))" } ?? "")
                Console.line("    \(index + 1). \(what)  \(candidate.amount)  score \(candidate.score): \(candidate.evidence)")
            }
        }
        if queue.isEmpty { Console.line("nothing to review") }
        return ExitCode.success
    }

    private static func itemID(_ arguments: inout Arguments) throws(UsageError) -> Int64 {
        guard let word = arguments.nextPositional() else { throw UsageError(command: name, message: "give the review item's ID") }
        guard let id = Int64(word.hasPrefix("#") ? String(word.dropFirst()) : word), id > 0 else {
            throw UsageError(command: name, message: "'\(word)' is not a review item ID")
        }
        return id
    }

    private static func accept(_ arguments: inout Arguments, _ path: String) throws -> Int32 {
        let expected = try arguments.option("--expect").map { list in
            list.split(separator: ",").map { word in
                // Spaces around the commas are the user's; spaces inside an invoice number are not.
                let start = word.drop(while: { $0 == " " })
                return String(start.dropLast(start.reversed().prefix(while: { $0 == " " }).count))
            }.filter { !$0.isEmpty }
        }
        let id = try itemID(&arguments)
        var number = 1
        if let word = arguments.nextPositional() {
            guard let parsed = Int(word), parsed >= 1 else {
                throw UsageError(command: name, message: "'\(word)' is not a suggestion number")
            }
            number = parsed
        }
        try arguments.finish()
        let store = try DatabaseLocation.open(path: path)
        report(try store.acceptReview(id: id, suggestion: number, expecting: expected), id: id)
        return ExitCode.success
    }

    private static func assign(_ arguments: inout Arguments, _ path: String) throws -> Int32 {
        let id = try itemID(&arguments)
        let words = try arguments.positionals()
        guard !words.isEmpty else { throw UsageError(command: name, message: "name at least one invoice") }
        var assignments: [(invoiceNumber: String, amount: String?)] = []
        var index = 0
        while index < words.count {
            let invoice = words[index]
            index += 1
            if index < words.count, looksLikeAmount(words[index]) {
                assignments.append((invoice, words[index]))
                index += 1
            } else {
                assignments.append((invoice, nil))
            }
        }
        let store = try DatabaseLocation.open(path: path)
        report(try store.assignReview(id: id, to: assignments), id: id)
        return ExitCode.success
    }

    /// An amount is digits with at most one '.', so invoice numbers (which have letters or
    /// dashes in practice) are told apart; an all-digit invoice number must come with an amount.
    private static func looksLikeAmount(_ word: String) -> Bool {
        let utf8 = Array(word.hasPrefix("-") ? word.utf8.dropFirst() : word.utf8[...])
        let dots = utf8.filter { $0 == UInt8(ascii: ".") }.count
        return !utf8.isEmpty && dots <= 1 && word.contains(".")
            && utf8.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") }
    }

    private static func ignore(_ arguments: inout Arguments, _ path: String) throws -> Int32 {
        let reason = try arguments.option("--reason")
        let id = try itemID(&arguments)
        try arguments.finish()
        guard let reason, !reason.isEmpty else { throw UsageError(command: name, message: "ignore needs --reason TEXT") }
        let store = try DatabaseLocation.open(path: path)
        try store.ignoreReview(id: id, reason: reason)
        Console.line("review item \(id) ignored: \(reason)")
        return ExitCode.success
    }

    private static func report(_ report: ReviewDecisionReport, id: Int64) {
        if let original = report.returnedTransactionID {
            Console.line("review item \(id): the allocations of transaction \(original) were undone")
            return
        }
        var line = "review item \(id) resolved: allocation(s) \(report.allocationIDs.map(String.init).joined(separator: ", "))"
        if !report.creditIDs.isEmpty { line += "; excess kept as customer credit" }
        if let left = report.leftOver, left.minorUnits > 0 { line += "; \(left) of the payment still unallocated" }
        Console.line(line)
        if !report.paid.isEmpty {
            Console.line("paid: " + report.paid.map { "\($0.invoiceNumber) \($0.amount)" }.joined(separator: ", "))
        }
        if let learned = report.learned {
            var text = "learned for customer \(learned.customerID):"
            if let iban = learned.iban { text += " IBAN \(iban)" }
            if let alias = learned.nameAlias { text += " name '\(alias)'" }
            if !learned.ibanAlsoKnownFor.isEmpty {
                text += " (the IBAN is also known for \(learned.ibanAlsoKnownFor.joined(separator: ", ")), so it identifies none of them alone)"
            }
            Console.line(text)
        }
    }

    private static func jsonValue(_ item: ReviewQueueItem) -> JSONValue {
        let transaction = item.transaction
        return .object([
            ("id", .integer(item.id)),
            ("kind", .string(item.kind)),
            ("transactionId", .integer(transaction.id)),
            ("bankReference", .optional(transaction.bankReference)),
            ("endToEndId", .optional(transaction.endToEndId)),
            ("bookingDate", .optional(transaction.bookingDate?.description)),
            ("amount", .string(transaction.amount.decimalString)),
            ("unallocated", .string(transaction.unallocated.decimalString)),
            ("currency", .string(transaction.amount.currency.code)),
            ("counterpartyName", .optional(transaction.counterpartyName)),
            ("counterpartyIban", .optional(transaction.counterpartyIBAN)),
            ("remittance", .optional(transaction.remittanceText)),
            ("reason", .string(item.reason)),
            ("candidates", .array(item.candidates.map { candidate in
                .object([
                    ("invoice", candidate.invoiceNumbers.isEmpty ? .null : .string(candidate.invoiceNumbers.joined(separator: "+"))),
                    ("invoices", .array(candidate.invoiceNumbers.map(JSONValue.string))),
                    ("customer", .optional(candidate.customerID)),
                    ("amount", .string(candidate.amount.decimalString)),
                    ("score", .integer(Int64(candidate.score))),
                    ("evidence", .string(candidate.evidence)),
                    ("method", .string(candidate.method)),
                    ("returnedTransactionId", candidate.returnedTransactionID.map { .integer($0) } ?? .null),
                ])
            })),
        ])
    }
}
