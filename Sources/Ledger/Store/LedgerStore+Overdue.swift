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
        let asOf = query.asOf
        var items: [OverdueItem] = []
        // The candidates come from the trigger-kept running totals: invoices not covered by their
        // allocations (a partial index holds exactly those), plus any with an allocation recorded
        // from `cutFrom` on, whose figures on the as-of day may differ from today's. Only the
        // candidates pay for the exact figures: unreversed allocations booked by the as-of day,
        // payments, last payment.
        let sql = """
            WITH candidates(id) AS (
                SELECT invoice_id FROM invoice_totals WHERE amount_minor > allocated_minor
                UNION
                SELECT invoice_id FROM invoice_totals WHERE last_allocated_at IS NOT NULL AND last_allocated_at >= ?3
            )
            SELECT i.id, i.invoice_number, i.customer_id, c.name, c.email, c.phone, c.type, i.due_date, i.currency,
                i.amount_minor,
                (SELECT COALESCE(SUM(a.amount_minor), 0) FROM allocations a LEFT JOIN transactions t ON t.id = a.transaction_id
                 WHERE a.invoice_id = i.id AND a.kind <> 'reversal' AND \(LedgerStore.unreversed)
                    AND COALESCE(t.booking_date, t.value_date, substr(a.created_at, 1, 10)) <= ?1),
                (SELECT count(*) FROM allocations a JOIN transactions t ON t.id = a.transaction_id
                 WHERE a.invoice_id = i.id AND a.kind = 'payment' AND \(LedgerStore.unreversed)
                    AND COALESCE(t.booking_date, t.value_date) <= ?1),
                (SELECT MAX(COALESCE(t.booking_date, t.value_date)) FROM allocations a JOIN transactions t ON t.id = a.transaction_id
                 WHERE a.invoice_id = i.id AND a.kind = 'payment' AND \(LedgerStore.unreversed)
                    AND COALESCE(t.booking_date, t.value_date) <= ?1),
                s.extended_due_date, pl.installments, pl.plan_interval, pl.due_date, s.hold_reason
            FROM candidates k
            CROSS JOIN invoices i ON i.id = k.id
            CROSS JOIN customers c ON c.id = i.customer_id
            LEFT JOIN invoice_arrangement_state s ON s.invoice_id = i.id
            LEFT JOIN invoice_arrangements pl ON pl.id = s.last_plan_row AND pl.kind = 'plan'
            WHERE i.amount_minor > 0
                AND (i.due_date < ?1 OR i.id IN (SELECT invoice_id FROM invoice_arrangements))
                AND (?2 IS NULL OR i.customer_id = ?2)
            """
        let statement = try database.prepare(sql)
        let latestBooking = try database.rows(
            "SELECT (SELECT MAX(t.booking_date) FROM transactions t WHERE t.account_id = acc.id) FROM accounts acc"
        ) { $0.optionalText(0) }.compactMap { $0 }.max()
        // Allocations recorded from this time on are re-checked exactly. For a list of an earlier day
        // while later bookings exist, "" makes every allocated invoice a candidate (slower, exact).
        let cutFrom = (latestBooking ?? "") > asOf.description ? "" : asOf.adding(days: 1).description
        try statement.bind([.text(asOf.description), .string(query.customerID), .text(cutFrom)])
        while try statement.step() {
            guard let dueDate = CalendarDate(iso: statement.text(7)) else { continue }
            let currency = LedgerStore.currency(statement.text(8))
            let amount = Money(minorUnits: statement.int64(9), currency: currency)
            let arrangements = LedgerStore.arrangementState(row: statement, from: 13)
            let onHold = arrangements.holdReason != nil
            guard let assessment = OverdueAssessment.assess(
                amount: amount, allocated: Money(minorUnits: statement.int64(10), currency: currency), dueDate: dueDate,
                extendedDueDate: arrangements.extendedDueDate, plan: arrangements.plan, onHold: onHold, asOf: asOf,
                policy: policy),
                assessment.daysOverdue >= query.minimumDays
            else { continue }
            let customerID = statement.text(2)
            let type = CustomerType(rawValue: statement.text(6)) ?? .business
            let claims = OverdueClaims.compute(for: assessment, asOf: asOf, kind: type == .consumer ? .consumer : .commercial,
                                               rates: rates)
            items.append(OverdueItem(
                invoiceID: statement.int64(0), invoiceNumber: statement.text(1), customerID: customerID,
                customerName: statement.text(3), email: statement.optionalText(4), phone: statement.optionalText(5),
                customerType: type, amount: amount, originalDueDate: dueDate, arrangements: arrangements,
                assessment: assessment, partialPayments: statement.int(11),
                lastPaymentDate: statement.optionalText(12).flatMap { CalendarDate(iso: $0) },
                pendingReview: reviewed.contains(customerID), claims: claims))
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

    /// Customers with an unresolved incoming payment in the review queue: one whose payer IBAN or
    /// name is the customer's, or whose candidates name one of the customer's invoices.
    ///
    /// The candidates are read as any JSON: every text value equal to an invoice number counts, and
    /// a text value under a `customer`, `customerId` or `customer_id` key names a customer.
    public func customersWithPendingReview() throws -> Set<String> {
        let ids = try database.rows("""
            WITH pending AS (
                SELECT r.candidates, t.counterparty_iban, t.counterparty_name FROM review_items r
                JOIN transactions t ON t.id = r.transaction_id
                WHERE r.state = 'open' AND t.amount_minor > 0
            )
            SELECT ci.customer_id FROM pending p JOIN customer_ibans ci ON ci.iban = p.counterparty_iban
            UNION
            SELECT ca.customer_id FROM pending p JOIN customer_aliases ca ON ca.alias = p.counterparty_name COLLATE NOCASE
            UNION
            SELECT i.customer_id FROM pending p, json_tree(p.candidates) j JOIN invoices i ON i.invoice_number = j.atom
            WHERE j.type = 'text'
            UNION
            SELECT c.id FROM pending p, json_tree(p.candidates) j JOIN customers c ON c.id = j.atom
            WHERE j.type = 'text' AND j.key IN ('customer', 'customerId', 'customer_id')
            """) { $0.text(0) }
        return Set(ids)
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
