import BankStatements
import Reconciliation

/// Customer listings and the statement of account sent along with a reminder.
extension LedgerStore {
    /// Every customer with the number and total of invoices still to be paid.
    public func customerSummaries() throws -> [CustomerSummary] {
        var totals: [String: (count: Int, sums: [Money])] = [:]
        try database.rows("""
            SELECT customer_id, currency, count(*), SUM(open_minor) FROM invoice_balances
            WHERE amount_minor > 0 AND open_minor > 0 GROUP BY customer_id, currency ORDER BY customer_id, currency
            """) { row in
            (row.text(0), Money(minorUnits: row.int64(3), currency: LedgerStore.currency(row.text(1))), row.int(2))
        }.forEach { id, sum, count in
            var entry = totals[id] ?? (0, [])
            entry.count += count
            entry.sums.append(sum)
            totals[id] = entry
        }
        return try database.rows("SELECT id, name, type, email, phone FROM customers ORDER BY id") { row in
            let id = row.text(0)
            return CustomerSummary(id: id, name: row.text(1), type: CustomerType(rawValue: row.text(2)) ?? .business,
                                   email: row.optionalText(3), phone: row.optionalText(4),
                                   openInvoices: totals[id]?.count ?? 0, openTotals: totals[id]?.sums ?? [])
        }
    }

    /// The statement of account of customer `id`, or `nil` when there is no such customer.
    public func customerAccount(id: String) throws -> CustomerAccount? {
        guard let customer = try customers().first(where: { $0.id == id }) else { return nil }
        var states: [Int64: ArrangementState] = [:]
        let stateStatement = try database.prepare(LedgerStore.arrangementStateSQL
            + " JOIN invoices i ON i.id = s.invoice_id WHERE i.customer_id = ?")
        try stateStatement.bind([.text(id)])
        while try stateStatement.step() {
            states[stateStatement.int64(0)] = LedgerStore.arrangementState(row: stateStatement, from: 1)
        }
        let open = try invoices(customerID: id).filter { $0.openAmount.minorUnits != 0 }.map { invoice in
            CustomerAccount.OpenItem(invoice: invoice, arrangements: states[invoice.id] ?? ArrangementState())
        }
        var allocations: [Int64: [(invoice: String, amount: Money)]] = [:]
        let allocationRows = try database.rows("""
            SELECT a.transaction_id, i.invoice_number, a.currency, SUM(a.amount_minor) FROM allocations a
            JOIN invoices i ON i.id = a.invoice_id
            WHERE a.transaction_id IN (\(LedgerStore.customerPaymentsSQL))
            GROUP BY a.transaction_id, i.id HAVING SUM(a.amount_minor) <> 0 ORDER BY a.transaction_id, i.invoice_number
            """, [.text(id)]) { row in
            (row.int64(0), row.text(1), Money(minorUnits: row.int64(3), currency: LedgerStore.currency(row.text(2))))
        }
        for (transaction, invoice, amount) in allocationRows { allocations[transaction, default: []].append((invoice, amount)) }
        let payments = try database.rows("""
            SELECT t.id, t.booking_date, t.amount_minor, t.currency, t.counterparty_name, t.remittance_text
            FROM transactions t WHERE t.id IN (\(LedgerStore.customerPaymentsSQL))
            ORDER BY t.booking_date, t.id
            """, [.text(id)]) { row in
            let currency = LedgerStore.currency(row.text(3))
            let transaction = row.int64(0)
            let amount = Money(minorUnits: row.int64(2), currency: currency)
            let allocated = (allocations[transaction] ?? []).reduce(Int64(0)) { $0 &+ $1.amount.minorUnits }
            return CustomerAccount.ReceivedPayment(
                transactionID: transaction, bookingDate: row.optionalText(1).flatMap { CalendarDate(iso: $0) }, amount: amount,
                payerName: row.optionalText(4), remittance: row.optionalText(5), allocations: allocations[transaction] ?? [],
                unallocated: Money(minorUnits: amount.minorUnits &- allocated, currency: currency))
        }
        return CustomerAccount(customer: customer, openItems: open, payments: payments)
    }

    /// Ids of credits that belong to customer `?1`: paid from one of its IBANs, or allocated (net of
    /// reversals) to one of its invoices.
    private static let customerPaymentsSQL = """
        SELECT t2.id FROM transactions t2 JOIN customer_ibans ci ON ci.iban = t2.counterparty_iban
        WHERE ci.customer_id = ?1 AND t2.amount_minor > 0
        UNION SELECT a2.transaction_id FROM allocations a2 JOIN invoices i2 ON i2.id = a2.invoice_id
        JOIN transactions t3 ON t3.id = a2.transaction_id
        WHERE i2.customer_id = ?1 AND t3.amount_minor > 0
        GROUP BY a2.transaction_id HAVING SUM(a2.amount_minor) <> 0
        """
}
