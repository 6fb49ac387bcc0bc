import BankStatements
import Reconciliation

/// The overdue list: one pass over the invoices with their allocations and arrangements.
extension LedgerStore {
    /// Every invoice with an amount past due on `query.asOf`, assessed with the configured thresholds
    /// and the entered interest rates.
    ///
    /// Only allocations that were not reversed count, and a payment only from its booking date on,
    /// so a list for an earlier day shows what was overdue then.
    public func overdue(_ query: OverdueQuery) throws -> OverdueReport {
        let policy = try dunningPolicy()
        let rates = try interestRates()
        let reviewed = try customersWithPendingReview()
        let contacts = try overdueContacts(customerID: query.customerID)
        let asOf = query.asOf
        var items: [OverdueItem] = []
        let statement = try database.prepare(LedgerStore.overdueCandidatesSQL)
        try statement.bind([.text(asOf.description), .string(query.customerID)])
        while try statement.step() {
            guard let contact = contacts[statement.text(2)], let dueDate = CalendarDate(iso: statement.text(3)) else { continue }
            let currency = LedgerStore.currency(statement.text(4))
            let amount = Money(minorUnits: statement.int64(5), currency: currency)
            let arrangements = LedgerStore.arrangementState(row: statement, from: 9)
            let onHold = arrangements.holdReason != nil
            guard let assessment = OverdueAssessment.assess(
                amount: amount, allocated: Money(minorUnits: statement.int64(6), currency: currency), dueDate: dueDate,
                extendedDueDate: arrangements.extendedDueDate, plan: arrangements.plan, onHold: onHold, asOf: asOf,
                policy: policy),
                assessment.daysOverdue >= query.minimumDays
            else { continue }
            let claims = OverdueClaims.compute(for: assessment, asOf: asOf,
                                               kind: contact.type == .consumer ? .consumer : .commercial, rates: rates)
            items.append(OverdueItem(
                invoiceID: statement.int64(0), invoiceNumber: statement.text(1), customerID: contact.id,
                customerName: contact.name, email: contact.email, phone: contact.phone,
                customerType: contact.type, amount: amount, originalDueDate: dueDate, arrangements: arrangements,
                assessment: assessment, partialPayments: statement.int(7),
                lastPaymentDate: statement.optionalText(8).flatMap { CalendarDate(iso: $0) },
                pendingReview: reviewed.contains(contact.id), claims: claims))
        }
        try addInterestOnLatePayments(&items, asOf: asOf, rates: rates)
        items.sort { ($0.assessment.overdueSince, $0.invoiceNumber) < ($1.assessment.overdueSince, $1.invoiceNumber) }
        let (stale, hasStatements) = try staleAccounts(asOf: asOf)
        return OverdueReport(asOf: asOf, items: items, staleAccounts: stale, hasStatements: hasStatements)
    }

    /// Recomputes the claims of partly paid invoices so that interest also counts on what was paid
    /// late, until it was paid: one query for all of them.
    private func addInterestOnLatePayments(_ items: inout [OverdueItem], asOf: CalendarDate, rates: [InterestRate]) throws {
        let affected = items.indices.filter { items[$0].claims != nil && items[$0].arrangements.plan == nil && items[$0].partialPayments > 0 }
        guard !affected.isEmpty else { return }
        let ids = "[" + affected.map { String(items[$0].invoiceID) }.joined(separator: ",") + "]"
        var payments: [Int64: [(day: CalendarDate, amount: Money)]] = [:]
        let statement = try database.prepare("""
            SELECT a.invoice_id, COALESCE(t.booking_date, t.value_date), a.amount_minor, a.currency
            FROM allocations a JOIN transactions t ON t.id = a.transaction_id
            WHERE a.invoice_id IN (SELECT value FROM json_each(?1)) AND a.kind = 'payment' AND \(LedgerStore.unreversed)
                AND COALESCE(t.booking_date, t.value_date) <= ?2
            """)
        try statement.bind([.text(ids), .text(asOf.description)])
        while try statement.step() {
            guard let day = CalendarDate(iso: statement.text(1)) else { continue }
            payments[statement.int64(0), default: []].append(
                (day, Money(minorUnits: statement.int64(2), currency: LedgerStore.currency(statement.text(3)))))
        }
        for index in affected {
            let item = items[index]
            items[index].claims = OverdueClaims.compute(
                for: item.assessment, asOf: asOf, kind: item.customerType == .consumer ? .consumer : .commercial, rates: rates,
                latePayments: payments[item.invoiceID] ?? [])
        }
    }

    /// The allocation `a` has not been cancelled by a reversal row.
    private static let unreversed = "NOT EXISTS (SELECT 1 FROM allocations r WHERE r.reverses_allocation_id = a.id)"

    /// The invoices that may be overdue on `?1` (optionally only customer `?2`), with their figures on that day.
    ///
    /// The candidates come from the trigger-kept running totals: invoices not covered by their
    /// allocations and due before `?1` (a partial index holds exactly the unsettled ones, by due
    /// date), the unsettled ones with an arrangement, which may fall due earlier through a plan's
    /// installments, whatever their due date, plus settled invoices with an allocation
    /// that takes effect after the as-of day, because only such an allocation can make the figures
    /// of that day differ from today's: reversal rows carry the negated amount of what they cancel,
    /// so the running total is the sum of the unreversed allocations. Only the candidates pay for
    /// the exact figures, and an invoice that never had an allocation (`k.allocated` = 0) skips them.
    /// The late allocations are found from the transactions booked after `?1` (`CROSS JOIN` fixes
    /// that order): left to itself, SQLite scanned every allocation of the ledger instead.
    ///
    /// Columns: id, number, customer, due date, currency, amount, allocated by `?1`, payments by
    /// `?1`, last payment day, then the arrangement state as `arrangementState(row:from: 9)` reads it.
    private static let overdueCandidatesSQL = """
        WITH late(id) AS (
            SELECT a.invoice_id FROM accounts acc
            CROSS JOIN transactions t ON t.account_id = acc.id AND t.booking_date > ?1
            CROSS JOIN allocations a ON a.transaction_id = t.id
            UNION
            SELECT a.invoice_id FROM accounts acc
            CROSS JOIN transactions t ON t.account_id = acc.id AND t.booking_date IS NULL
            CROSS JOIN allocations a ON a.transaction_id = t.id
            WHERE COALESCE(t.value_date, substr(a.created_at, 1, 10)) > ?1
            UNION
            SELECT invoice_id FROM allocations WHERE transaction_id IS NULL AND substr(created_at, 1, 10) > ?1
        ),
        candidates(id, allocated) AS (
            SELECT invoice_id, last_allocated_at IS NOT NULL FROM invoice_totals
            WHERE amount_minor > allocated_minor AND due_date < ?1
            UNION ALL
            SELECT x.invoice_id, x.last_allocated_at IS NOT NULL
            FROM (SELECT DISTINCT invoice_id FROM invoice_arrangements) g CROSS JOIN invoice_totals x ON x.invoice_id = g.invoice_id
            WHERE x.amount_minor > x.allocated_minor AND x.due_date >= ?1
            UNION ALL
            SELECT x.invoice_id, 1 FROM late l JOIN invoice_totals x ON x.invoice_id = l.id
            WHERE x.amount_minor <= x.allocated_minor
        )
        SELECT i.id, i.invoice_number, i.customer_id, i.due_date, i.currency, i.amount_minor,
            CASE WHEN k.allocated THEN
                (SELECT COALESCE(SUM(a.amount_minor), 0) FROM allocations a LEFT JOIN transactions t ON t.id = a.transaction_id
                 WHERE a.invoice_id = i.id AND a.kind <> 'reversal' AND \(unreversed)
                    AND COALESCE(t.booking_date, t.value_date, substr(a.created_at, 1, 10)) <= ?1)
            ELSE 0 END,
            CASE WHEN k.allocated THEN
                (SELECT count(*) FROM allocations a JOIN transactions t ON t.id = a.transaction_id
                 WHERE a.invoice_id = i.id AND a.kind = 'payment' AND \(unreversed)
                    AND COALESCE(t.booking_date, t.value_date) <= ?1)
            ELSE 0 END,
            CASE WHEN k.allocated THEN
                (SELECT MAX(COALESCE(t.booking_date, t.value_date)) FROM allocations a JOIN transactions t ON t.id = a.transaction_id
                 WHERE a.invoice_id = i.id AND a.kind = 'payment' AND \(unreversed)
                    AND COALESCE(t.booking_date, t.value_date) <= ?1)
            END,
            s.extended_due_date, pl.installments, pl.plan_interval, pl.due_date, s.hold_reason
        FROM candidates k
        CROSS JOIN invoices i ON i.id = k.id
        LEFT JOIN invoice_arrangement_state s ON s.invoice_id = i.id
        LEFT JOIN invoice_arrangements pl ON pl.id = s.last_plan_row AND pl.kind = 'plan'
        WHERE i.amount_minor > 0
            AND (i.due_date < ?1 OR i.id IN (SELECT invoice_id FROM invoice_arrangements))
            AND (?2 IS NULL OR i.customer_id = ?2)
        """

    /// Name, contact details and type of every customer (or only `customerID`), read once instead
    /// of once per overdue invoice.
    private func overdueContacts(customerID: String?) throws -> [String: OverdueContact] {
        var contacts: [String: OverdueContact] = [:]
        let row = try database.prepare("SELECT id, name, email, phone, type FROM customers WHERE ?1 IS NULL OR id = ?1")
        try row.bind([.string(customerID)])
        while try row.step() {
            let id = row.text(0)
            contacts[id] = OverdueContact(id: id, name: row.text(1), email: row.optionalText(2), phone: row.optionalText(3),
                                          type: CustomerType(rawValue: row.text(4)) ?? .business)
        }
        return contacts
    }

    /// Accounts whose statements end before `asOf` less the tolerated gap, and whether any exist.
    ///
    /// A statement ends on its period end (CAMT) or, without one (MT940), on the date of its booked
    /// closing or interim balance; forward-value balances are ignored because they lie in the future.
    private func staleAccounts(asOf: CalendarDate) throws -> ([StaleAccount], Bool) {
        let tolerance = Int(try setting("overdue.stale-after-days")) ?? 0
        let rows = try database.rows("""
            SELECT COALESCE(acc.iban, acc.other_id, acc.account_key),
                MAX(COALESCE(s.period_end, (SELECT MAX(b.date) FROM statement_balances b
                                            WHERE b.statement_id = s.id AND b.kind IN ('CLBD', 'ITBD')), s.period_start))
            FROM accounts acc JOIN statements s ON s.account_id = acc.id GROUP BY acc.id ORDER BY 1
            """) { ($0.text(0), $0.optionalText(1).flatMap { CalendarDate(iso: $0) }) }
        let stale = rows.compactMap { account, last -> StaleAccount? in
            guard let last, last.days(until: asOf) > tolerance else { return nil }
            return StaleAccount(account: account, lastDay: last)
        }
        return (stale, !rows.isEmpty)
    }
}

/// What the overdue list shows of a customer.
private struct OverdueContact {
    var id: String
    var name: String
    var email: String?
    var phone: String?
    var type: CustomerType
}
