import BankStatements

/// Read-only listings for the commands and the matching step.
extension LedgerStore {
    /// Invoices with their derived status, ordered by due date and number.
    public func invoices(status: InvoiceStatus? = nil, customerID: String? = nil, ids: [Int64]? = nil) throws -> [InvoiceBalance] {
        var sql = """
            SELECT b.invoice_id, b.invoice_number, b.customer_id, c.name, b.issue_date, b.due_date, b.currency,
                b.amount_minor, b.allocated_minor, b.open_minor, b.status, i.payment_reference
            FROM invoice_balances b JOIN customers c ON c.id = b.customer_id JOIN invoices i ON i.id = b.invoice_id
            WHERE 1 = 1
            """
        var arguments: [SQLValue] = []
        if let status {
            sql += " AND b.status = ?"
            arguments.append(.text(status.rawValue))
        }
        if let customerID {
            sql += " AND b.customer_id = ?"
            arguments.append(.text(customerID))
        }
        if let ids {
            sql += " AND b.invoice_id IN (\(ids.map(String.init).joined(separator: ",")))"
        }
        sql += " ORDER BY b.due_date, b.invoice_number"
        return try database.rows(sql, arguments) { row in
            let currency = LedgerStore.currency(row.text(6))
            return InvoiceBalance(
                id: row.int64(0), invoiceNumber: row.text(1), customerID: row.text(2), customerName: row.text(3),
                issueDate: CalendarDate(iso: row.text(4)), dueDate: CalendarDate(iso: row.text(5)),
                amount: Money(minorUnits: row.int64(7), currency: currency),
                allocated: Money(minorUnits: row.int64(8), currency: currency),
                openAmount: Money(minorUnits: row.int64(9), currency: currency),
                status: InvoiceStatus(rawValue: row.text(10)) ?? .open, paymentReference: row.optionalText(11))
        }
    }

    /// Every invoice in id order with its allocated total, for a matching run.
    ///
    /// Reads the trigger-kept `invoice_totals` instead of the `invoice_balances` view, which sums
    /// the allocation journal and sorts: with a million invoices that was most of an import's time.
    func matchingInvoices() throws -> [MatchingInvoice] {
        var currencies: [String: Currency] = [:]
        var result: [MatchingInvoice] = []
        result.reserveCapacity(Int(try database.integer("SELECT COALESCE(MAX(id), 0) FROM invoices")))
        let statement = try database.prepare("""
            SELECT i.id, i.invoice_number, i.customer_id, i.issue_date, i.due_date, i.currency, i.amount_minor,
                t.allocated_minor, i.payment_reference
            FROM invoices i JOIN invoice_totals t ON t.invoice_id = i.id ORDER BY i.id
            """)
        try statement.bind([])
        while try statement.step() {
            let code = statement.text(5)
            let currency: Currency
            if let known = currencies[code] {
                currency = known
            } else {
                currency = LedgerStore.currency(code)
                currencies[code] = currency
            }
            result.append(MatchingInvoice(
                id: statement.int64(0), invoiceNumber: statement.text(1), customerID: statement.text(2),
                issueDate: CalendarDate(iso: statement.text(3)), dueDate: CalendarDate(iso: statement.text(4)),
                amount: Money(minorUnits: statement.int64(6), currency: currency),
                allocated: Money(minorUnits: statement.int64(7), currency: currency),
                paymentReference: statement.optionalText(8)))
        }
        return result
    }

    /// Invoices and credit notes with something still open (`open` or `partial`), for matching.
    public func openInvoices() throws -> [InvoiceBalance] {
        try invoices().filter { $0.status == .open || $0.status == .partial }
    }

    /// Stored transactions in booking order; `unallocatedOnly` keeps those not fully allocated.
    public func transactions(unallocatedOnly: Bool = false) throws -> [StoredTransaction] {
        try fetchTransactions(where: unallocatedOnly ? "t.amount_minor <> COALESCE(a.allocated, 0)" : "1 = 1")
    }

    /// Booked credits not yet fully allocated to invoices: what the matching step works on.
    public func unallocatedCredits() throws -> [StoredTransaction] {
        try fetchTransactions(where: "t.amount_minor > 0 AND t.amount_minor > COALESCE(a.allocated, 0)")
    }

    /// One transaction by id.
    public func transaction(id: Int64) throws -> StoredTransaction? {
        try fetchTransactions(where: "t.id = \(id)").first
    }

    /// Transactions matching an SQL condition over `t` (the row) and `a` (its allocated sum); only
    /// for conditions written in code, never for user text.
    func fetchTransactions(where condition: String) throws -> [StoredTransaction] {
        try database.rows("""
            SELECT t.id, acc.account_key, t.booking_date, t.value_date, t.amount_minor, t.currency, t.direction,
                t.reversal, t.bank_reference, t.end_to_end_id, t.mandate_id, t.counterparty_name, t.counterparty_iban,
                t.counterparty_bic, t.remittance_text, t.structured_references, t.referred_documents, t.return_reason,
                t.bank_transaction_code, COALESCE(a.allocated, 0), t.statement_id
            FROM transactions t JOIN accounts acc ON acc.id = t.account_id
            LEFT JOIN (SELECT transaction_id, SUM(amount_minor) AS allocated FROM allocations
                       WHERE transaction_id IS NOT NULL GROUP BY transaction_id) a ON a.transaction_id = t.id
            WHERE \(condition)
            ORDER BY t.booking_date, t.id
            """) { row in
            let currency = LedgerStore.currency(row.text(5))
            return StoredTransaction(
                id: row.int64(0), account: row.text(1), bookingDate: row.optionalText(2).flatMap { CalendarDate(iso: $0) },
                valueDate: row.optionalText(3).flatMap { CalendarDate(iso: $0) },
                amount: Money(minorUnits: row.int64(4), currency: currency),
                direction: CreditDebit(rawValue: row.text(6)) ?? .credit, reversal: row.int(7) != 0,
                bankReference: row.optionalText(8), endToEndId: row.optionalText(9), mandateId: row.optionalText(10),
                counterpartyName: row.optionalText(11), counterpartyIBAN: row.optionalText(12),
                counterpartyBIC: row.optionalText(13), remittanceText: row.optionalText(14),
                structuredReferences: LedgerStore.lines(row.optionalText(15)),
                referredDocuments: LedgerStore.lines(row.optionalText(16)), returnReason: row.optionalText(17),
                bankTransactionCode: row.optionalText(18),
                allocated: Money(minorUnits: row.int64(19), currency: currency), statementID: row.int64(20))
        }
    }

    /// Stored statements by account and period.
    public func statements() throws -> [StoredStatement] {
        try database.rows("""
            SELECT s.id, acc.account_key, s.format, s.intraday, s.statement_ref, s.sequence_number, s.period_start,
                s.period_end, s.currency, s.opening_balance_minor, s.closing_balance_minor, s.entry_count, s.balances_ok,
                (SELECT count(*) FROM transactions t WHERE t.statement_id = s.id), f.path
            FROM statements s JOIN accounts acc ON acc.id = s.account_id JOIN imported_files f ON f.id = s.file_id
            ORDER BY acc.account_key, COALESCE(s.period_end, s.period_start, ''), s.id
            """) { row in
            let currency = LedgerStore.currency(row.text(8))
            return StoredStatement(
                id: row.int64(0), account: row.text(1), format: row.text(2), intraday: row.int(3) != 0,
                statementID: row.optionalText(4), sequenceNumber: row.optionalText(5),
                periodStart: row.optionalText(6).flatMap { CalendarDate(iso: $0) },
                periodEnd: row.optionalText(7).flatMap { CalendarDate(iso: $0) },
                opening: row.optionalInt64(9).map { Money(minorUnits: $0, currency: currency) },
                closing: row.optionalInt64(10).map { Money(minorUnits: $0, currency: currency) },
                entryCount: row.int(11), balancesOK: row.int(12) != 0, transactionCount: row.int(13), file: row.text(14))
        }
    }

    /// Every customer with IBANs and aliases, for matching payers to customers.
    public func customers() throws -> [Customer] {
        var ibans: [String: [String]] = [:]
        for (id, iban) in try database.rows("SELECT customer_id, iban FROM customer_ibans ORDER BY 1, 2", [], { ($0.text(0), $0.text(1)) }) {
            ibans[id, default: []].append(iban)
        }
        var aliases: [String: [Customer.Alias]] = [:]
        for (id, alias) in try database.rows("SELECT customer_id, alias, source FROM customer_aliases ORDER BY id", [], {
            ($0.text(0), Customer.Alias(name: $0.text(1), source: AliasSource(rawValue: $0.text(2)) ?? .learned))
        }) {
            aliases[id, default: []].append(alias)
        }
        return try database.rows("SELECT id, name, email, phone, type FROM customers ORDER BY id") { row in
            let id = row.text(0)
            return Customer(id: id, name: row.text(1), email: row.optionalText(2), phone: row.optionalText(3),
                            type: CustomerType(rawValue: row.text(4)) ?? .business, ibans: ibans[id] ?? [],
                            aliases: aliases[id] ?? [])
        }
    }

    /// The currency for a stored code; codes are validated on the way in, so the fallback is only
    /// for a database edited by hand.
    static func currency(_ code: String) -> Currency {
        Currency(code: code) ?? Currency(code: code, exponent: 2)
    }

    static func lines(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: "\n").map(String.init)
    }
}
