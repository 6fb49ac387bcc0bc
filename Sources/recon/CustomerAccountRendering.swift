import BankStatements
import Ledger
import Reconciliation

/// The statement of account of `recon customers show`, as text and as JSON.
enum CustomerAccountRendering {
    /// The due date that applies now: an extension's, or for a plan the first unpaid installment's.
    private static func status(_ item: CustomerAccount.OpenItem, asOf: CalendarDate, policy: DunningPolicy)
        -> (due: CalendarDate?, daysOverdue: Int?, note: String?) {
        let invoice = item.invoice
        guard let original = invoice.dueDate else { return (nil, nil, nil) }
        var note: String?
        if let plan = item.arrangements.plan {
            note = "payment plan: \(plan.count) × every \(plan.interval) from \(plan.firstDueDate)"
        } else if item.arrangements.extendedDueDate != nil {
            note = "extended from \(original)"
        }
        if let reason = item.arrangements.holdReason { note = [note, "on hold: \(reason)"].compactMap { $0 }.joined(separator: "; ") }
        let assessment = OverdueAssessment.assess(
            amount: invoice.amount, allocated: invoice.allocated, dueDate: original,
            extendedDueDate: item.arrangements.extendedDueDate, plan: item.arrangements.plan, asOf: asOf, policy: policy)
        let due = assessment?.overdueSince ?? item.arrangements.extendedDueDate ?? original
        return (due, assessment?.daysOverdue, note)
    }

    static func printText(_ account: CustomerAccount, asOf: CalendarDate, policy: DunningPolicy) {
        let customer = account.customer
        Console.line("Statement of account for \(customer.name) (\(customer.id), \(customer.type.rawValue)) as of \(asOf)")
        let contact = [customer.email, customer.phone].compactMap { $0 }
        if !contact.isEmpty { Console.line("Contact: " + contact.joined(separator: ", ")) }
        Console.line()
        Console.line("Open invoices:")
        for item in account.openItems {
            let (due, days, note) = status(item, asOf: asOf, policy: policy)
            let invoice = item.invoice
            var line = "  \(invoice.invoiceNumber.padding(toLength: 14))issued \(invoice.issueDate?.description ?? "?")  "
            line += "due \(due?.description ?? "?")  \(invoice.amount.description.padding(toLength: 16))"
            line += "open \(invoice.openAmount.description)"
            if let days { line += "  \(days) day(s) overdue" }
            if let note { line += "  (\(note))" }
            Console.line(line)
        }
        if account.openItems.isEmpty { Console.line("  none") }
        Console.line()
        Console.line("Payments received:")
        for payment in account.payments {
            var line = "  \(payment.bookingDate?.description ?? "?         ")  \(payment.amount.description.padding(toLength: 16))"
            let parts = payment.allocations.map { "\($0.invoice) \($0.amount.decimalString)" }
            line += parts.isEmpty ? "not allocated" : "for " + parts.joined(separator: ", ")
            if payment.unallocated.minorUnits != 0 && !parts.isEmpty { line += "; \(payment.unallocated.decimalString) on account" }
            Console.line(line)
        }
        if account.payments.isEmpty { Console.line("  none") }
        Console.line()
        let credit = account.creditOnAccount
        Console.line("Credit on account: " + (credit.isEmpty ? "none" : credit.map(\.description).joined(separator: " + ")))
        Console.line("Known IBANs: " + (customer.ibans.isEmpty ? "none" : customer.ibans.joined(separator: ", ")))
        Console.line("Known names: " + customer.aliases.map { "\($0.name) (\($0.source.rawValue))" }.joined(separator: ", "))
    }

    static func json(_ account: CustomerAccount, asOf: CalendarDate, policy: DunningPolicy) -> JSONValue {
        let customer = account.customer
        return .object([
            ("customer", .string(customer.id)), ("name", .string(customer.name)), ("type", .string(customer.type.rawValue)),
            ("email", .optional(customer.email)), ("phone", .optional(customer.phone)), ("asOf", .string(asOf.description)),
            ("openInvoices", .array(account.openItems.map { item in
                let (due, days, note) = status(item, asOf: asOf, policy: policy)
                return .object([
                    ("invoice", .string(item.invoice.invoiceNumber)), ("issueDate", .optional(item.invoice.issueDate?.description)),
                    ("dueDate", .optional(due?.description)), ("originalDueDate", .optional(item.invoice.dueDate?.description)),
                    ("amount", .string(item.invoice.amount.decimalString)),
                    ("openAmount", .string(item.invoice.openAmount.decimalString)),
                    ("currency", .string(item.invoice.amount.currency.code)),
                    ("daysOverdue", days.map { .integer(Int64($0)) } ?? .null), ("note", .optional(note)),
                    ("hold", .bool(item.arrangements.holdReason != nil)),
                ])
            })),
            ("payments", .array(account.payments.map { payment in
                .object([
                    ("transaction", .integer(payment.transactionID)), ("bookingDate", .optional(payment.bookingDate?.description)),
                    ("amount", .string(payment.amount.decimalString)), ("currency", .string(payment.amount.currency.code)),
                    ("payer", .optional(payment.payerName)),
                    ("allocations", .array(payment.allocations.map { allocation in
                        .object([("invoice", .string(allocation.invoice)), ("amount", .string(allocation.amount.decimalString))])
                    })),
                    ("unallocated", .string(payment.unallocated.decimalString)),
                ])
            })),
            ("creditOnAccount", .array(account.creditOnAccount.map { credit in
                .object([("amount", .string(credit.decimalString)), ("currency", .string(credit.currency.code))])
            })),
            ("ibans", .array(customer.ibans.map(JSONValue.string))),
            ("aliases", .array(customer.aliases.map { alias in
                .object([("name", .string(alias.name)), ("source", .string(alias.source.rawValue))])
            })),
        ])
    }
}
