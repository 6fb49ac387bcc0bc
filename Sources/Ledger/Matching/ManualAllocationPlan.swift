import BankStatements
import Reconciliation

/// How a person's choice of invoices turns into booking lines.
///
/// Amounts given explicitly are used as they are; the others take what is left, credit notes
/// first (they add to what there is to spread), then invoices in the order given, each up to its
/// open amount. Money left over stays on the customer as credit when all invoices are one
/// customer's; a shortfall on the last invoice within the configured tolerance is written off,
/// exactly as the automatic matcher would.
struct ManualAllocationPlan {
    struct Choice {
        var invoice: InvoiceBalance
        var amount: Money?
    }

    var lines: [BookingLine] = []

    /// - Throws: `LedgerError.invalidRequest` when currencies differ or the amounts exceed the payment.
    init(payment remainder: Money, choices: [Choice], tolerance: MatchingPolicy.Tolerance, method: String,
         evidence: String) throws {
        for choice in choices {
            guard choice.invoice.amount.currency == remainder.currency else {
                throw LedgerError.invalidRequest(
                    "invoice \(choice.invoice.invoiceNumber) is in \(choice.invoice.amount.currency.code), the payment in \(remainder.currency.code)")
            }
            if let amount = choice.amount, amount.currency != remainder.currency {
                throw LedgerError.invalidRequest("amount \(amount) is not in the payment's currency \(remainder.currency.code)")
            }
        }
        let customers = Set(choices.map(\.invoice.customerID))
        var available = remainder.minorUnits
        var planned: [(choice: Choice, minor: Int64)] = []
        // Explicit amounts first, then credit notes, then the invoices in the order given.
        for choice in choices {
            if let amount = choice.amount {
                planned.append((choice, amount.minorUnits))
                available -= amount.minorUnits
            }
        }
        for choice in choices where choice.amount == nil && choice.invoice.openAmount.minorUnits < 0 {
            planned.append((choice, choice.invoice.openAmount.minorUnits))
            available -= choice.invoice.openAmount.minorUnits
        }
        var lastInvoice: (choice: Choice, shortfall: Int64)?
        for choice in choices where choice.amount == nil && choice.invoice.openAmount.minorUnits >= 0 {
            let take = max(0, min(choice.invoice.openAmount.minorUnits, available))
            planned.append((choice, take))
            available -= take
            lastInvoice = (choice, choice.invoice.openAmount.minorUnits - take)
        }
        guard available >= 0 else {
            throw LedgerError.invalidRequest(
                "the amounts add up to \(Money(minorUnits: remainder.minorUnits - available, currency: remainder.currency)), "
                    + "more than the \(remainder) left of the payment")
        }
        for (choice, minor) in planned where minor != 0 {
            lines.append(BookingLine(kind: .invoice, invoiceID: choice.invoice.id, customerID: choice.invoice.customerID,
                                     amount: Money(minorUnits: minor, currency: remainder.currency), method: method,
                                     confidence: 100, evidence: evidence))
        }
        if let last = lastInvoice, last.shortfall > 0, available == 0,
           tolerance.allows(shortfall: last.shortfall, of: max(1, last.choice.invoice.openAmount.minorUnits)),
           last.shortfall < last.choice.invoice.openAmount.minorUnits {
            lines.append(BookingLine(kind: .writeOff, invoiceID: last.choice.invoice.id,
                                     customerID: last.choice.invoice.customerID,
                                     amount: Money(minorUnits: last.shortfall, currency: remainder.currency),
                                     method: AllocationMethod.writeOff.rawValue, confidence: 100,
                                     evidence: evidence + "; shortfall within tolerance written off"))
        }
        if available > 0, customers.count == 1, let customer = customers.first {
            lines.append(BookingLine(kind: .customerCredit, invoiceID: nil, customerID: customer,
                                     amount: Money(minorUnits: available, currency: remainder.currency), method: method,
                                     confidence: 100, evidence: evidence + "; excess kept as customer credit"))
        }
    }
}
