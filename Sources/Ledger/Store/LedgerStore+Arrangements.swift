import BankStatements
import Reconciliation

/// Extensions, payment plans and holds: append-only rows in `invoice_arrangements`, each with an
/// audit-log line written in the same transaction.
extension LedgerStore {
    /// Records a new due date agreed with the customer; the invoice keeps its original due date.
    public func extendInvoice(_ number: String, to dueDate: CalendarDate, reason: String) throws {
        try write {
            let invoice = try arrangeable(number)
            let state = try arrangementState(invoiceID: invoice.id)
            if state.plan != nil {
                throw LedgerError.invalidRequest("invoice '\(number)' has a payment plan; cancel it first (recon invoices plan \(number) --cancel)")
            }
            guard dueDate > invoice.dueDate else {
                throw LedgerError.invalidRequest("the new due date \(dueDate) must be after the original due date \(invoice.dueDate)")
            }
            try insertArrangement(invoiceID: invoice.id, kind: .extension, dueDate: dueDate, reason: reason)
            let previous = state.extendedDueDate ?? invoice.dueDate
            try audit("invoices extend \(number): due \(dueDate) (was \(previous)); \(reason)")
        }
    }

    /// Records a payment plan: the invoice amount in `plan.count` installments.
    public func planInvoice(_ number: String, plan: InstallmentPlan, reason: String = "") throws {
        guard (1...600).contains(plan.count) else { throw LedgerError.invalidRequest("a plan has 1 to 600 installments") }
        try write {
            let invoice = try arrangeable(number)
            try database.execute("""
                INSERT INTO invoice_arrangements (invoice_id, kind, due_date, installments, plan_interval, reason, created_at,
                    created_by_command) VALUES (?, 'plan', ?, ?, ?, ?, ?, ?)
                """, [.integer(invoice.id), .text(plan.firstDueDate.description), .int(plan.count),
                      .text(plan.interval.description), .text(reason), .text(clock.now()), .text(commandLine)])
            try audit("invoices plan \(number): \(plan.count) installment(s) every \(plan.interval) from \(plan.firstDueDate)"
                      + (reason.isEmpty ? "" : "; \(reason)"))
        }
    }

    /// Ends the payment plan; the (extended) due date applies again.
    public func cancelPlan(_ number: String, reason: String = "") throws {
        try write {
            let invoice = try invoiceKey(number)
            guard try arrangementState(invoiceID: invoice.id).plan != nil else {
                throw LedgerError.invalidRequest("invoice '\(number)' has no payment plan")
            }
            try insertArrangement(invoiceID: invoice.id, kind: .planCancel, dueDate: nil, reason: reason)
            try audit("invoices plan \(number) --cancel" + (reason.isEmpty ? "" : "; \(reason)"))
        }
    }

    /// Puts a disputed invoice on hold: listed, but never chased, until released.
    public func holdInvoice(_ number: String, reason: String) throws {
        try write {
            let invoice = try invoiceKey(number)
            if try arrangementState(invoiceID: invoice.id).holdReason != nil {
                throw LedgerError.invalidRequest("invoice '\(number)' is already on hold")
            }
            try insertArrangement(invoiceID: invoice.id, kind: .hold, dueDate: nil, reason: reason)
            try audit("invoices hold \(number): \(reason)")
        }
    }

    /// Ends a hold.
    public func releaseInvoice(_ number: String, reason: String = "") throws {
        try write {
            let invoice = try invoiceKey(number)
            if try arrangementState(invoiceID: invoice.id).holdReason == nil {
                throw LedgerError.invalidRequest("invoice '\(number)' is not on hold")
            }
            try insertArrangement(invoiceID: invoice.id, kind: .release, dueDate: nil, reason: reason)
            try audit("invoices release \(number)" + (reason.isEmpty ? "" : ": \(reason)"))
        }
    }

    /// Every extension, plan, hold and release of an invoice, oldest first.
    public func arrangementHistory(invoiceNumber: String) throws -> [InvoiceArrangement] {
        let invoice = try invoiceKey(invoiceNumber)
        return try database.rows("""
            SELECT id, kind, due_date, installments, plan_interval, reason, created_at, created_by_command
            FROM invoice_arrangements WHERE invoice_id = ? ORDER BY id
            """, [.integer(invoice.id)]) { row in
            let due = row.optionalText(2).flatMap { CalendarDate(iso: $0) }
            var plan: InstallmentPlan?
            if let count = row.optionalInt64(3), let interval = row.optionalText(4).flatMap(InstallmentInterval.init), let due {
                plan = InstallmentPlan(count: Int(count), interval: interval, firstDueDate: due)
            }
            return InvoiceArrangement(id: row.int64(0), invoiceNumber: invoiceNumber,
                                      kind: InvoiceArrangement.Kind(rawValue: row.text(1)) ?? .hold, dueDate: due, plan: plan,
                                      reason: row.text(5), createdAt: row.text(6), createdByCommand: row.text(7))
        }
    }

    /// The arrangements in force for an invoice.
    public func arrangementState(invoiceNumber: String) throws -> ArrangementState {
        try arrangementState(invoiceID: invoiceKey(invoiceNumber).id)
    }

    func arrangementState(invoiceID: Int64) throws -> ArrangementState {
        try database.firstRow(LedgerStore.arrangementStateSQL + " WHERE s.invoice_id = ?", [.integer(invoiceID)]) {
            LedgerStore.arrangementState(row: $0, from: 1)
        } ?? ArrangementState()
    }

    /// The state view joined to the plan row it names; columns: invoice id, then the four read by `arrangementState(row:from:)`.
    static let arrangementStateSQL = """
        SELECT s.invoice_id, s.extended_due_date, p.installments, p.plan_interval, p.due_date, s.hold_reason
        FROM invoice_arrangement_state s
        LEFT JOIN invoice_arrangements p ON p.id = s.last_plan_row AND p.kind = 'plan'
        """

    /// Reads extended due date, plan (three columns) and hold reason starting at `column`.
    static func arrangementState(row: Statement, from column: Int32) -> ArrangementState {
        var plan: InstallmentPlan?
        if let count = row.optionalInt64(column + 1), let interval = row.optionalText(column + 2).flatMap(InstallmentInterval.init),
           let first = row.optionalText(column + 3).flatMap({ CalendarDate(iso: $0) }) {
            plan = InstallmentPlan(count: Int(count), interval: interval, firstDueDate: first)
        }
        return ArrangementState(extendedDueDate: row.optionalText(column).flatMap { CalendarDate(iso: $0) }, plan: plan,
                                holdReason: row.optionalText(column + 4))
    }

    private struct InvoiceKey {
        var id: Int64
        var dueDate: CalendarDate
        var amountMinor: Int64
    }

    private func invoiceKey(_ number: String) throws -> InvoiceKey {
        guard let key = try database.firstRow("SELECT id, due_date, amount_minor FROM invoices WHERE invoice_number = ?",
                                              [.text(number)], { row in
            InvoiceKey(id: row.int64(0), dueDate: CalendarDate(iso: row.text(1)) ?? CalendarDate(dayNumber: 0), amountMinor: row.int64(2))
        }) else { throw LedgerError.invalidRequest("no invoice '\(number)'") }
        return key
    }

    /// An invoice that can get a new due date or a plan: one that asks for money.
    private func arrangeable(_ number: String) throws -> InvoiceKey {
        let invoice = try invoiceKey(number)
        guard invoice.amountMinor > 0 else {
            throw LedgerError.invalidRequest("'\(number)' is a credit note; it has no due date to arrange")
        }
        return invoice
    }

    private func insertArrangement(invoiceID: Int64, kind: InvoiceArrangement.Kind, dueDate: CalendarDate?, reason: String) throws {
        try database.execute("""
            INSERT INTO invoice_arrangements (invoice_id, kind, due_date, reason, created_at, created_by_command)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [.integer(invoiceID), .text(kind.rawValue), .string(dueDate?.description), .text(reason), .text(clock.now()),
                  .text(commandLine)])
    }
}
