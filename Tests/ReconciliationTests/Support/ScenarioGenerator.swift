import ReconTestSupport
import BankStatements
@testable import Reconciliation

/// Random but reproducible books: customers, their open invoices, and payments of known truth.
struct ScenarioGenerator {
    /// A payment and the invoice it really pays (`nil` for credits that pay no invoice).
    struct Case {
        var payment: Payment
        var truth: String?
        var style: String
    }

    var random: SplitMix64
    var customers: [CustomerProfile] = []
    var invoices: [OpenInvoice] = []
    /// The IBAN each customer actually pays from (known or not).
    var payerIBAN: [String: String] = [:]

    static let firstNames = ["Jan", "Piet", "Anna", "Sophie", "Klaus", "Jürgen", "Marie", "Élise", "Søren", "Ingrid"]
    static let surnames = ["Jansen", "de Vries", "van den Berg", "Bakker", "Müller", "Schmidt", "Visser", "Smit",
                           "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "Dekker"]
    static let trades = ["Bakkerij", "Transport", "Installatie", "Bouw", "Adviesgroep", "Schilders", "Kaashandel"]
    static let forms = ["B.V.", "BV", "GmbH", "V.O.F.", "", "N.V."]

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func pick<T>(_ values: [T]) -> T { values[random.next(upTo: values.count)] }

    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(random.next(upTo: 10))) })
    }

    mutating func makeBooks(customerCount: Int, maximumInvoices: Int) {
        var sequence = 0
        for index in 0..<customerCount {
            let id = "C\(index)"
            let name = random.next(upTo: 2) == 0
                ? "\(pick(Self.firstNames)) \(pick(Self.surnames))"
                : "\(pick(Self.trades)) \(pick(Self.surnames)) \(index) \(pick(Self.forms))"
            let iban = IBAN.make(country: "NL", bban: "BANK" + digits(10)) ?? ""
            payerIBAN[id] = iban
            customers.append(CustomerProfile(id: id, name: name, knownIBANs: random.next(upTo: 2) == 0 ? [iban] : []))
            for _ in 0..<(1 + random.next(upTo: maximumInvoices)) {
                sequence += 1
                let cents = Int64(1_000 + random.next(upTo: 200_000))
                let kind = pick(ReferenceKind.allCases)
                let base: String
                switch kind {
                case .belgianStructured: base = digits(10)
                case .dutchPaymentReference: base = "1" + digits(14)
                case .swissQR: base = digits(20)
                default: base = "9" + digits(8)
                }
                let number = "INV-" + String(repeating: "0", count: 3) + String(sequence)
                invoices.append(OpenInvoice(
                    id: "I\(sequence)", number: number, customerID: id, amount: Fixtures.eur(cents),
                    issueDate: CalendarDate(iso: "2024-01-10"),
                    dueDate: CalendarDate(year: 2024, month: 1 + random.next(upTo: 12), day: 1 + random.next(upTo: 28)),
                    paymentReference: kind.make(base: base)))
            }
        }
    }

    /// One payment for each of `count` distinct invoices (or noise), in a random style.
    mutating func makeCases(count: Int) -> [Case] {
        var cases: [Case] = []
        var order = Array(invoices.indices)
        order.shuffle(using: &random)
        // The first profile of each id, as a linear search would find it (books of a million invoices).
        let names = Dictionary(customers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for (serial, index) in order.prefix(count).enumerated() {
            let invoice = invoices[index]
            let iban = payerIBAN[invoice.customerID]
            let name = names[invoice.customerID]
            let amount = invoice.openAmount.minorUnits
            var payment = Payment(id: "P\(serial)", amount: Fixtures.eur(amount), counterpartyName: name, counterpartyIBAN: iban)
            var truth: String? = invoice.id
            let style = random.next(upTo: 8)
            switch style {
            case 0:
                payment.structuredReferences = [.init(reference: invoice.paymentReference ?? "")]
            case 1:
                payment.remittanceText = "Betreft \(grouped(invoice.paymentReference ?? "")) dank u"
            case 2:
                let digits = invoice.number.drop { !$0.isNumber }.drop { $0 == "0" }
                payment.remittanceText = pick(["factuur \(digits)", "inv\(digits) februari", invoice.number.lowercased()])
            case 3:
                break
            case 4:
                payment.endToEndId = invoice.number.replacingOccurrences(of: "-", with: "")
            case 5:
                payment.counterpartyName = "Stranger \(serial)"
                payment.counterpartyIBAN = IBAN.make(country: "DE", bban: digits(18))
                payment.remittanceText = pick(["Rente", "Refund order 55", "Gift"])
                truth = nil
            case 6:
                var reference = Array(invoice.paymentReference ?? "")
                if let position = reference.indices.last(where: { reference[$0].isNumber }) {
                    let digit = reference[position].wholeNumberValue ?? 0
                    reference[position] = Character(String((digit + 1 + random.next(upTo: 8)) % 10))
                }
                payment.structuredReferences = [.init(reference: String(reference))]
            default:
                payment.amount = Fixtures.eur(max(1, amount / 2))
                payment.structuredReferences = [.init(reference: invoice.paymentReference ?? "")]
            }
            cases.append(Case(payment: payment, truth: truth, style: String(style)))
        }
        return cases
    }

    private func grouped(_ reference: String) -> String {
        let plain = Array(ReferenceText.normalize(reference) ?? "")
        return stride(from: 0, to: plain.count, by: 4).map { String(plain[$0..<min(plain.count, $0 + 4)]) }.joined(separator: " ")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
