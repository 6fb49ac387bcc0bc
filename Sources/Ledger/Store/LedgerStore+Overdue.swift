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
        let sql = """
            WITH paid AS (
                SELECT a.invoice_id, SUM(a.amount_minor) AS allocated, SUM(a.kind = 'payment') AS payments,
                    MAX(CASE WHEN a.kind = 'payment' THEN COALESCE(t.booking_date, t.value_date) END) AS last_payment
                FROM allocations a LEFT JOIN transactions t ON t.id = a.transaction_id
                WHERE a.kind <> 'reversal'
                    AND NOT EXISTS (SELECT 1 FROM allocations r WHERE r.reverses_allocation_id = a.id)
                    AND COALESCE(t.booking_date, t.value_date, substr(a.created_at, 1, 10)) <= ?1
                GROUP BY a.invoice_id
            )
            SELECT i.id, i.invoice_number, i.customer_id, c.name, c.email, c.phone, c.type, i.due_date, i.currency,
                i.amount_minor, COALESCE(p.allocated, 0), COALESCE(p.payments, 0), p.last_payment,
                s.extended_due_date, pl.installments, pl.plan_interval, pl.due_date, s.hold_reason
            FROM invoices i
            JOIN customers c ON c.id = i.customer_id
            LEFT JOIN paid p ON p.invoice_id = i.id
            LEFT JOIN invoice_arrangement_state s ON s.invoice_id = i.id
            LEFT JOIN invoice_arrangements pl ON pl.id = s.last_plan_row AND pl.kind = 'plan'
            WHERE i.amount_minor > COALESCE(p.allocated, 0)
                AND (COALESCE(s.extended_due_date, i.due_date) < ?1 OR pl.id IS NOT NULL)
                AND (?2 IS NULL OR i.customer_id = ?2)
            """
        let statement = try database.prepare(sql)
        try statement.bind([.text(asOf.description), .string(query.customerID)])
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
        items.sort { ($0.assessment.overdueSince, $0.invoiceNumber) < ($1.assessment.overdueSince, $1.invoiceNumber) }
        let (stale, hasStatements) = try staleAccounts(asOf: asOf)
        return OverdueReport(asOf: asOf, items: items, staleAccounts: stale, hasStatements: hasStatements)
    }

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
    private func staleAccounts(asOf: CalendarDate) throws -> ([StaleAccount], Bool) {
        let tolerance = Int(try setting("overdue.stale-after-days")) ?? 0
        let rows = try database.rows("""
            SELECT COALESCE(acc.iban, acc.other_id, acc.account_key), MAX(COALESCE(s.period_end, s.period_start))
            FROM accounts acc JOIN statements s ON s.account_id = acc.id GROUP BY acc.id ORDER BY 1
            """) { ($0.text(0), $0.optionalText(1).flatMap { CalendarDate(iso: $0) }) }
        let stale = rows.compactMap { account, last -> StaleAccount? in
            guard let last, last.days(until: asOf) > tolerance else { return nil }
            return StaleAccount(account: account, lastDay: last)
        }
        return (stale, !rows.isEmpty)
    }
}
