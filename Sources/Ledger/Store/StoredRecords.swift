import BankStatements

/// A bank transaction as stored, with how much of it is allocated to invoices.
public struct StoredTransaction: Hashable, Sendable {
    public var id: Int64
    /// The account key: IBAN (or other id) and currency.
    public var account: String
    public var bookingDate: CalendarDate?
    public var valueDate: CalendarDate?
    /// Signed: positive for credits.
    public var amount: Money
    public var direction: CreditDebit
    public var reversal: Bool
    public var bankReference: String?
    public var endToEndId: String?
    public var mandateId: String?
    public var counterpartyName: String?
    public var counterpartyIBAN: String?
    public var counterpartyBIC: String?
    public var remittanceText: String?
    public var structuredReferences: [String]
    public var referredDocuments: [String]
    public var returnReason: String?
    public var bankTransactionCode: String?
    /// Net of reversals, signed like `amount`.
    public var allocated: Money
    public var statementID: Int64

    /// What is not yet explained by allocations.
    public var unallocated: Money { Money(minorUnits: amount.minorUnits - allocated.minorUnits, currency: amount.currency) }
}

/// A stored statement.
public struct StoredStatement: Hashable, Sendable {
    public var id: Int64
    public var account: String
    public var format: String
    public var intraday: Bool
    public var statementID: String?
    public var sequenceNumber: String?
    public var periodStart: CalendarDate?
    public var periodEnd: CalendarDate?
    public var opening: Money?
    public var closing: Money?
    public var entryCount: Int
    public var balancesOK: Bool
    public var transactionCount: Int
    public var file: String
}

/// A customer with the IBANs and names payments from them may carry.
public struct Customer: Hashable, Sendable {
    public var id: String
    public var name: String
    public var email: String?
    public var phone: String?
    public var type: CustomerType
    public var ibans: [String]
    public var aliases: [Alias]

    public struct Alias: Hashable, Sendable {
        public var name: String
        public var source: AliasSource
    }
}

/// Where a customer alias came from.
public enum AliasSource: String, Hashable, Sendable {
    /// The customer name in an invoice file.
    case invoiceFile = "invoice-file"
    /// Learned from a confirmed match (a payer name that differs from the customer name).
    case learned
}

/// One row of the append-only allocation journal.
public struct Allocation: Hashable, Sendable {
    public var id: Int64
    public var transactionID: Int64?
    public var invoiceID: Int64
    /// Signed; a reversal carries the negated amount of the row it reverses.
    public var amount: Money
    public var kind: AllocationKind
    public var method: String
    public var confidence: Int
    public var evidence: String
    public var reversesAllocationID: Int64?
    public var createdAt: String
    public var createdByCommand: String
}

public enum AllocationKind: String, Hashable, Sendable {
    case payment
    case writeOff = "write-off"
    case reversal
}

/// A transaction that needs a person's decision.
public struct ReviewItem: Hashable, Sendable {
    public var id: Int64
    public var transactionID: Int64
    public var state: ReviewState
    public var reason: String
    /// JSON text the matching step wrote (candidate invoices and scores).
    public var candidatesJSON: String
    public var resolution: String?
}

public enum ReviewState: String, Hashable, Sendable {
    case open
    case resolved
    case ignored
}
