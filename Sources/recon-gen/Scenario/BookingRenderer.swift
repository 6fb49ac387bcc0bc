import BankStatements

/// Writes out a planned booking as a statement entry and its line of ground truth, choosing the
/// payer's wording from the booking's own random stream.
struct BookingRenderer {
    let factory: EntryFactory
    let company: CompanyProfile
    let customers: [Customer]
    let invoices: [InvoicePlanner.Planned]
    let date: CalendarDate

    func render(_ booking: PlannedBooking, reference: String, account: CompanyAccount,
                file: String) -> (Entry, TruthRecord) {
        var random = SplitMix64(seed: booking.salt)
        let entry: Entry
        var endToEnd = "NOTPROVIDED"
        var allocation = "none"
        switch booking.kind {
        case .invoicePayment(let style):
            let customer = customers[booking.customer]
            if customer.kind == .business && style != .nothing && random.chance(70) {
                endToEnd = String(decoding: random.digits(16), as: UTF8.self)
            }
            entry = factory.incomingTransfer(from: customer, amount: booking.amount,
                                             remittance: remittance(style, booking: booking, customer: customer, random: &random),
                                             endToEndId: endToEnd, date: date, reference: reference)
            allocation = allocations(booking)
        case .directDebitBatch:
            let items = booking.invoices.map { index in
                let invoice = invoices[index].invoice
                return (customer: customers[invoice.customer], invoiceNumber: invoice.number, amount: invoice.amount)
            }
            entry = factory.directDebitBatch(items: items, paymentInformationId: "NT-DD-\(reference)", date: date,
                                             reference: reference)
            allocation = allocations(booking)
            endToEnd = items.map(\.invoiceNumber).joined(separator: ";")
        case .directDebitReturn(let reason):
            let invoice = invoices[booking.invoices[0]].invoice
            entry = factory.directDebitReturn(customer: customers[invoice.customer], invoiceNumber: invoice.number,
                                              amount: booking.amount, reason: reason, date: date, reference: reference)
            endToEnd = invoice.number
            allocation = "return-of:\(invoice.number)"
        case .interest:
            entry = factory.bankBooking(amount: booking.amount, creditDebit: .credit,
                                        text: "RENTE ZAKELIJKE SPAARREKENING \(date.year) KWARTAAL \((date.month - 1) / 3 + 1)",
                                        date: date, reference: reference)
        case .supplierRefund:
            let supplier = random.pick(NameBook.suppliers)
            let payer = Party(name: supplier, iban: IBAN.make(at: random.pick(Bank.dutch), using: &random))
            endToEnd = "CN-\(date.year)-\(random.int(in: 1000...9999))"
            entry = factory.incomingTransfer(from: payer, amount: booking.amount,
                                             remittance: Remittance(unstructuredLines: ["Creditnota \(endToEnd) terugbetaling"]),
                                             endToEndId: endToEnd, date: date, reference: reference)
        case .stranger:
            let name = random.pick(NameBook.strangers)
            let payer = Party(name: name, iban: IBAN.make(at: random.pick(Bank.dutch), using: &random), address: ["Rotterdam"])
            entry = factory.incomingTransfer(from: payer, amount: booking.amount,
                                             remittance: Remittance(unstructuredLines: [random.pick(["terugbetaling lening", "bedankt voor het voorschieten", "Huur december"])]),
                                             endToEndId: nil, date: date, reference: reference)
        case .rent:
            endToEnd = "NT-HUUR-\(date.year)\(CustomerFactory.padded(date.month, width: 2))"
            let payee = Party(name: "Vastgoed Maasstad B.V.", iban: IBAN.make(at: Bank.dutch[2], using: &random), bic: Bank.dutch[2].bic)
            entry = factory.outgoingTransfer(to: payee, amount: booking.amount,
                                             text: "Huur bedrijfspand \(monthName(date.month)) \(date.year)", purpose: "RENT",
                                             endToEndId: endToEnd, date: date, reference: reference)
        case .salary:
            let name = NameBook.employees[booking.customer % NameBook.employees.count]
            endToEnd = "NT-SAL-\(date.year)\(CustomerFactory.padded(date.month, width: 2))-\(CustomerFactory.padded(booking.customer + 1, width: 3))"
            let bank = random.pick(Bank.dutch)
            let payee = Party(name: name, iban: IBAN.make(at: bank, using: &random), bic: bank.bic)
            entry = factory.outgoingTransfer(to: payee, amount: booking.amount,
                                             text: "Salaris \(monthName(date.month)) \(date.year)", purpose: "SALA",
                                             endToEndId: endToEnd, date: date, reference: reference)
        case .supplierPayment:
            let bank = random.pick(Bank.dutch)
            let payee = Party(name: random.pick(NameBook.suppliers), iban: IBAN.make(at: bank, using: &random), bic: bank.bic)
            endToEnd = "NT-\(reference)"
            entry = factory.outgoingTransfer(to: payee, amount: booking.amount,
                                             text: "Factuur \(random.int(in: 100_000...999_999))", purpose: nil,
                                             endToEndId: endToEnd, date: date, reference: reference)
        case .bankCharges:
            entry = factory.bankBooking(amount: booking.amount, creditDebit: .debit,
                                        text: "KOSTEN ZAKELIJK BETALINGSVERKEER \(monthName(date.month).uppercased())",
                                        date: date, reference: reference)
        }
        let record = TruthRecord(bankReference: reference, endToEndId: endToEnd, accountIBAN: account.iban,
                                 bookingDate: date.description, creditDebit: entry.creditDebit.rawValue,
                                 amount: Cents.text(booking.amount), caseName: booking.caseName, allocation: allocation,
                                 note: booking.note, statementFile: file)
        return (entry, record)
    }

    private func allocations(_ booking: PlannedBooking) -> String {
        zip(booking.invoices, booking.allocations)
            .map { "\(invoices[$0.0].invoice.number):\(Cents.text($0.1))" }
            .joined(separator: ";")
    }

    private func remittance(_ style: PlannedBooking.RemittanceStyle, booking: PlannedBooking, customer: Customer,
                            random: inout SplitMix64) -> Remittance {
        let first = invoices[booking.invoices[0]].invoice
        let german = customer.country == .germany
        func numberText(_ invoice: Invoice) -> String {
            InvoiceNumber.freeText(year: invoice.year, sequence: invoice.sequence, country: customer.country,
                                   variant: Int(random.below(6)))
        }
        switch style {
        case .structuredReference:
            guard let reference = first.paymentReference else { fallthrough }
            let issuer: String
            switch first.referenceStyle {
            case .betalingskenmerk: issuer = "CUR"
            case .belgianStructured: issuer = "BBA"
            default: issuer = "ISO"
            }
            return Remittance(references: [.init(type: "SCOR", issuer: issuer, reference: reference)])
        case .invoiceNumber:
            var text = numberText(first)
            if random.chance(30) { text += german ? " Kd.-Nr. \(customer.id)" : " klantnr \(customer.id)" }
            return Remittance(unstructuredLines: [text])
        case .severalInvoices:
            let numbers = booking.invoices.map { invoices[$0].invoice }
            let text: String
            switch random.below(3) {
            case 0: text = numbers.map(\.number).joined(separator: " ")
            case 1 where german: text = "Rechnungen " + numbers.map { "\($0.year)-\(CustomerFactory.padded($0.sequence, width: 4))" }.joined(separator: ", ")
            case 1: text = "facturen " + numbers.map { "\($0.year)/\($0.sequence)" }.joined(separator: " en ")
            default: text = numbers.map(\.number).joined(separator: ", ")
            }
            return Remittance(unstructuredLines: [text])
        case .firstPart:
            return Remittance(unstructuredLines: [(german ? "Teilzahlung " : "deelbetaling ") + numberText(first)])
        case .remainder:
            return Remittance(unstructuredLines: [(german ? "Restzahlung " : "restant ") + numberText(first)])
        case .prepayment:
            return Remittance(unstructuredLines: [(german ? "Anzahlung " : "vooruitbetaling ") + first.number])
        case .nothing:
            return Remittance()
        }
    }

    private func monthName(_ month: Int) -> String {
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
         "november", "december"][max(0, min(11, month - 1))]
    }
}
