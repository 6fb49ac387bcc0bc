import BankStatements
@testable import Reconciliation

/// Small builders so each test states its scenario in a few lines.
enum Fixtures {
    static func eur(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .euro) }

    static func date(_ text: String) -> CalendarDate? { CalendarDate(iso: text) }

    static func invoice(_ id: String, number: String? = nil, customer: String, cents: Int64, open: Int64? = nil,
                        due: String = "2024-03-01", reference: String? = nil) -> OpenInvoice {
        OpenInvoice(id: id, number: number ?? id, customerID: customer, amount: eur(cents),
                    openAmount: open.map(eur), issueDate: date("2024-02-01"), dueDate: date(due),
                    paymentReference: reference)
    }

    static func payment(_ cents: Int64, name: String? = nil, iban: String? = nil, text: String? = nil,
                        references: [String] = [], endToEndId: String? = nil,
                        direction: CreditDebit = .credit) -> Payment {
        Payment(id: "P", amount: eur(cents), direction: direction, bookingDate: date("2024-03-05"),
                counterpartyName: name, counterpartyIBAN: iban, remittanceText: text,
                structuredReferences: references.map { Payment.StructuredReference(type: "SCOR", reference: $0) },
                endToEndId: endToEndId)
    }

    /// Valid IBANs for tests, made with our own generator (checked against the validator separately).
    static let ibanA = IBAN.make(country: "NL", bban: "ABNA0417164300") ?? "missing"
    static let ibanB = IBAN.make(country: "NL", bban: "RABO0123456789") ?? "missing"
    static let ibanC = IBAN.make(country: "DE", bban: "370400440532013000") ?? "missing"

    static func matcher(_ invoices: [OpenInvoice], _ customers: [CustomerProfile],
                        policy: MatchingPolicy = .standard) -> Matcher {
        Matcher(context: MatchingContext(invoices: invoices, customers: customers), policy: policy)
    }
}

extension MatchDecision {
    /// The invoice ids of the automatic allocation's invoice lines, in order.
    var autoInvoiceIDs: [String]? {
        automaticAllocations?.filter { $0.kind == .invoice }.compactMap(\.invoiceID)
    }
}
