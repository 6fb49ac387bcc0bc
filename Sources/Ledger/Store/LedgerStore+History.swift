import BankStatements

/// One allocation with the bank transaction and invoice it joins, for listings.
public struct AllocationRecord: Hashable, Sendable {
    public var allocation: Allocation
    public var invoiceNumber: String
    public var customerID: String
    /// The transaction whose money it is, or for a write-off the payment whose shortfall it closes.
    public var transactionID: Int64?
    public var bankReference: String?
    public var endToEndId: String?
    /// The reversal row that cancelled this allocation, if any.
    public var reversedBy: Int64?
}

/// Money of a credit kept on a customer.
public struct CustomerCredit: Hashable, Sendable {
    public var id: Int64
    public var transactionID: Int64
    public var customerID: String
    public var amount: Money
    public var method: String
    public var evidence: String
    public var createdAt: String
    /// Set when the credit was undone.
    public var releasedAt: String?
    public var releasedReason: String?
}

/// One event in an invoice's life, for `recon allocations --explain`.
public struct InvoiceEvent: Hashable, Sendable {
    public var at: String
    public var kind: String
    public var text: String
}

extension LedgerStore {
    /// Every allocation row in order, with its transaction's references.
    public func allocationRecords(invoiceID: Int64? = nil) throws -> [AllocationRecord] {
        try database.rows("""
            SELECT a.id, a.transaction_id, a.invoice_id, a.amount_minor, a.currency, a.kind, a.method, a.confidence,
                a.evidence, a.reverses_allocation_id, a.created_at, a.created_by_command,
                i.invoice_number, i.customer_id, COALESCE(a.transaction_id, a.for_transaction_id),
                t.bank_reference, t.end_to_end_id, (SELECT r.id FROM allocations r WHERE r.reverses_allocation_id = a.id)
            FROM allocations a JOIN invoices i ON i.id = a.invoice_id
            LEFT JOIN transactions t ON t.id = COALESCE(a.transaction_id, a.for_transaction_id)
            WHERE ?1 IS NULL OR a.invoice_id = ?1
            ORDER BY a.id
            """, [.int64(invoiceID)]) { row in
            let allocation = Allocation(
                id: row.int64(0), transactionID: row.optionalInt64(1), invoiceID: row.int64(2),
                amount: Money(minorUnits: row.int64(3), currency: LedgerStore.currency(row.text(4))),
                kind: AllocationKind(rawValue: row.text(5)) ?? .payment, method: row.text(6), confidence: row.int(7),
                evidence: row.text(8), reversesAllocationID: row.optionalInt64(9), createdAt: row.text(10),
                createdByCommand: row.text(11))
            return AllocationRecord(allocation: allocation, invoiceNumber: row.text(12), customerID: row.text(13),
                                    transactionID: row.optionalInt64(14), bankReference: row.optionalText(15),
                                    endToEndId: row.optionalText(16), reversedBy: row.optionalInt64(17))
        }
    }

    /// Customer credits, live and released, optionally of one customer.
    public func customerCredits(customerID: String? = nil) throws -> [CustomerCredit] {
        try database.rows("""
            SELECT id, transaction_id, customer_id, amount_minor, currency, method, evidence, created_at, released_at,
                released_reason FROM customer_credits WHERE ?1 IS NULL OR customer_id = ?1 ORDER BY id
            """, [.string(customerID)]) { row in
            CustomerCredit(id: row.int64(0), transactionID: row.int64(1), customerID: row.text(2),
                           amount: Money(minorUnits: row.int64(3), currency: LedgerStore.currency(row.text(4))),
                           method: row.text(5), evidence: row.text(6), createdAt: row.text(7),
                           releasedAt: row.optionalText(8), releasedReason: row.optionalText(9))
        }
    }

    /// An invoice's whole history: import, allocations and reversals, returns, review decisions.
    public func invoiceHistory(number: String) throws -> [InvoiceEvent] {
        guard let invoice = try invoices(number: number) else { throw LedgerError.invalidRequest("no invoice numbered '\(number)'") }
        var events: [InvoiceEvent] = []
        if let (created, updated) = try database.firstRow("SELECT created_at, updated_at FROM invoices WHERE id = ?",
                                                          [.integer(invoice.id)], { ($0.text(0), $0.text(1)) }) {
            events.append(InvoiceEvent(at: created, kind: "imported",
                                       text: "invoice \(number) of \(invoice.amount) for \(invoice.customerID), due \(invoice.dueDate?.description ?? "?")"))
            if updated != created {
                events.append(InvoiceEvent(at: updated, kind: "updated", text: "invoice re-imported with changes"))
            }
        }
        for record in try allocationRecords(invoiceID: invoice.id) {
            let allocation = record.allocation
            let payment = record.transactionID.map { " (transaction \($0)\(record.bankReference.map { ", bank ref \($0)" } ?? ""))" } ?? ""
            let text: String
            switch allocation.kind {
            case .payment:
                text = "allocation \(allocation.id): \(allocation.amount)\(payment) by \(allocation.method), "
                    + "confidence \(allocation.confidence): \(allocation.evidence)"
            case .writeOff:
                text = "allocation \(allocation.id): \(allocation.amount) written off\(payment): \(allocation.evidence)"
            case .reversal:
                text = "allocation \(allocation.id) reverses \(allocation.reversesAllocationID.map(String.init) ?? "?"): "
                    + "\(allocation.amount): \(allocation.evidence)"
            }
            events.append(InvoiceEvent(at: allocation.createdAt, kind: allocation.kind.rawValue, text: text))
        }
        // Review items whose suggestions named the invoice, with how they ended.
        for (id, transaction, state, reason, resolution, created, resolved) in try database.rows("""
            SELECT DISTINCT r.id, r.transaction_id, r.state, r.reason, r.resolution, r.created_at, r.resolved_at
            FROM review_items r, json_each(r.candidates) j
            WHERE (',' || json_extract(j.value, '$.invoiceIds') || ',') LIKE ('%,' || ?1 || ',%')
               OR r.resolution LIKE ('%' || ?2 || '%')
            ORDER BY r.id
            """, [.integer(invoice.id), .text(number)], {
                ($0.int64(0), $0.int64(1), $0.text(2), $0.text(3), $0.optionalText(4), $0.text(5), $0.optionalText(6))
            }) {
            events.append(InvoiceEvent(at: created, kind: "review",
                                       text: "review item \(id) for transaction \(transaction) suggested it: \(reason)"))
            if let resolved, let resolution {
                events.append(InvoiceEvent(at: resolved, kind: "review-\(state)", text: "review item \(id) \(state): \(resolution)"))
            }
        }
        return events.enumerated().sorted { a, b in
            a.element.at != b.element.at ? a.element.at < b.element.at : a.offset < b.offset
        }.map(\.element)
    }
}
