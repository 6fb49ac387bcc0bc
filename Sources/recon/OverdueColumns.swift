import BankStatements
import Ledger
import Reconciliation

/// The fields of one overdue invoice, in order, shared by `--json` and `--csv` so that both always
/// carry the same information under the same names.
enum OverdueColumns {
    enum Value {
        case text(String?)
        case amount(Money?)
        case integer(Int?)
        case flag(Bool)
    }

    static let all: [(name: String, value: @Sendable (OverdueItem) -> Value)] = [
        ("invoice", { .text($0.invoiceNumber) }),
        ("customer", { .text($0.customerID) }),
        ("customerName", { .text($0.customerName) }),
        ("customerType", { .text($0.customerType.rawValue) }),
        ("email", { .text($0.email) }),
        ("phone", { .text($0.phone) }),
        ("amount", { .amount($0.amount) }),
        ("openAmount", { .amount($0.assessment.openAmount) }),
        ("overdueAmount", { .amount($0.assessment.overdueAmount) }),
        ("currency", { .text($0.amount.currency.code) }),
        ("dueDate", { .text($0.assessment.overdueSince.description) }),
        ("originalDueDate", { .text($0.originalDueDate.description) }),
        ("extendedDueDate", { .text($0.arrangements.extendedDueDate?.description) }),
        ("installment", { .integer($0.assessment.installment?.number) }),
        ("installments", { .integer($0.assessment.installment?.of) }),
        ("daysOverdue", { .integer($0.assessment.daysOverdue) }),
        ("stage", { .text(stageName($0.assessment.stage)) }),
        ("nextStage", { .text($0.assessment.next?.stage.rawValue) }),
        ("nextStageDate", { .text($0.assessment.next?.date.description) }),
        ("partialPayments", { .integer($0.partialPayments) }),
        ("lastPaymentDate", { .text($0.lastPaymentDate?.description) }),
        ("pendingReview", { .flag($0.pendingReview) }),
        ("hold", { .flag($0.hold) }),
        ("holdReason", { .text($0.holdReason) }),
        ("collectionCosts", { .amount($0.claims?.collectionCosts) }),
        ("interest", { item in
            if case .amount(let money)? = item.claims?.interest { return .amount(money) }
            return .amount(nil)
        }),
        ("interestMissingRateFrom", { item in
            if case .missingRate(let from)? = item.claims?.interest { return .text(from.description) }
            return .text(nil)
        }),
        ("totalClaim", { .amount(totalClaim($0)) }),
    ]

    /// `nil` (no action) before the reminder threshold and for a disputed invoice.
    static func stageName(_ stage: DunningStage?) -> String? {
        guard let stage, stage != .none else { return nil }
        return stage.rawValue
    }

    /// Overdue amount plus collection costs plus interest, when every part is known.
    static func totalClaim(_ item: OverdueItem) -> Money? {
        guard let claims = item.claims, case .amount(let interest) = claims.interest else { return nil }
        let currency = item.assessment.overdueAmount.currency
        let parts = [item.assessment.overdueAmount.minorUnits, claims.collectionCosts?.minorUnits ?? 0, interest.minorUnits]
        var total: Int64 = 0
        for part in parts {
            let (sum, overflow) = total.addingReportingOverflow(part)
            if overflow { return nil }
            total = sum
        }
        return Money(minorUnits: total, currency: currency)
    }

    /// Writes the list as a JSON array, one object at a time, so a long list never sits in memory twice.
    static func writeJSON(_ items: [OverdueItem]) {
        var json = JSONWriter()
        json.raw("[")
        for (position, item) in items.enumerated() {
            if position > 0 { json.raw(",") }
            json.raw("{")
            for (index, column) in all.enumerated() {
                if index > 0 { json.raw(",") }
                json.string(column.name)
                json.raw(":")
                switch column.value(item) {
                case .text(let value):
                    if let value { json.string(value) } else { json.raw("null") }
                case .amount(let money):
                    if let money {
                        json.raw("\"")
                        json.decimal(minorUnits: money.minorUnits, exponent: money.currency.exponent)
                        json.raw("\"")
                    } else {
                        json.raw("null")
                    }
                case .integer(let number):
                    if let number { json.integer(Int64(number)) } else { json.raw("null") }
                case .flag(let flag): json.raw(flag ? "true" : "false")
                }
            }
            json.raw("}")
            json.withBytes { Console.out(bytes: $0) }
            json.removeAll()
        }
        Console.out("]\n")
    }

    /// Writes the list as CSV with a header row of the JSON key names.
    static func writeCSV(_ items: [OverdueItem], locale: CSVWriter.Locale) {
        let writer = CSVWriter(locale: locale)
        Console.out(writer.preamble + writer.row(all.map(\.name)))
        var line = OutputLine()
        for item in items {
            line.removeAll()
            for (index, column) in all.enumerated() {
                if index > 0 { line.add(locale.separator) }
                // Only text can hold a separator, a quote or a line break; numbers never need quotes.
                switch column.value(item) {
                case .text(let text): writer.add(text ?? "", to: &line)
                case .amount(let money):
                    if let money {
                        line.add(minorUnits: money.minorUnits, exponent: money.currency.exponent, separator: locale.decimalSeparator)
                    }
                case .integer(let number): if let number { line.add(number) }
                case .flag(let flag): line.add(flag ? "true" : "false")
                }
            }
            line.add("\r\n")
            Console.out(line)
        }
    }
}
