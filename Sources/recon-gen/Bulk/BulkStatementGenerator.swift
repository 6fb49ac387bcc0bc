import BankStatements

/// Large statement files for benchmarks: one statement per business day, each with a fixed number
/// of varied bookings, until the file reaches the requested size.
///
/// Memory stays flat: only the statement being written is held, however large the file.
struct BulkStatementGenerator {
    let format: StatementFileFormat
    let seed: UInt64
    let targetSize: Int
    let entriesPerStatement: Int

    /// What was written, for the command's report and for tests.
    struct Report {
        var statements = 0
        var entries = 0
        var bytes = 0
        var firstOpening: Int64 = 0
        var lastClosing: Int64 = 0
    }

    func write(to sink: ByteSink) throws(GeneratorError) -> Report {
        let base = SplitMix64(seed: seed)
        let company = CompanyProfile.make(random: base)
        let customers = (0..<200).map { CustomerFactory.make(index: $0, random: base) }
        let factory = EntryFactory(company: company)
        let account = format == .mt940 ? company.ing : company.abnAmro
        var random = base.derived(0xB01C)
        var report = Report()
        var balance: Int64 = 25_000_000 + Int64(random.below(10_000_000))
        report.firstOpening = balance
        var date = CalendarDate(year: 2024, month: 1, day: 2) ?? CalendarDate(dayNumber: 19_724)
        var referenceCounter = 0
        var invoiceSequence = 0
        let camt = format.isCAMT ? CAMTWriter(format: format, sink: sink) : nil
        camt?.beginDocument(messageId: "BULK\(seed)", created: date, time: "06:00:00")
        let mt940 = MT940Writer(sink: sink)
        while report.bytes < targetSize || report.statements == 0 {
            var draft = StatementDraft(account: account, ownerName: company.name,
                                       id: "S" + CustomerFactory.padded(report.statements + 1, width: 9),
                                       sequence: report.statements + 1, date: date, opening: balance, entries: [])
            draft.entries.reserveCapacity(entriesPerStatement)
            var running = balance
            for _ in 0..<entriesPerStatement {
                referenceCounter += 1
                let reference = CustomerFactory.padded(date.year % 100 * 10_000 + date.month * 100 + date.day, width: 6)
                    + CustomerFactory.padded(referenceCounter, width: 10)
                let booking = entry(random: &random, customers: customers, factory: factory, date: date,
                                    reference: reference, invoiceSequence: &invoiceSequence, balance: running)
                running += booking.signedMinorUnits
                draft.entries.append(booking)
            }
            if let camt { camt.statement(draft) } else { mt940.statement(draft) }
            balance = draft.closing
            report.statements += 1
            report.entries += draft.entries.count
            report.bytes = sink.count
            try sink.flushIfFull()
            date = BusinessDays.next(after: date)
        }
        camt?.endDocument()
        try sink.flush()
        report.bytes = sink.count
        report.lastClosing = balance
        return report
    }

    /// One booking drawn from a realistic mix: mostly customer payments, some collections, returns,
    /// and payments out.
    private func entry(random: inout SplitMix64, customers: [Customer], factory: EntryFactory, date: CalendarDate,
                       reference: String, invoiceSequence: inout Int, balance: Int64) -> Entry {
        let customer = random.pick(customers)
        let roll = random.below(100)
        invoiceSequence += 1
        let sequence = invoiceSequence % 9999 + 1
        let number = InvoiceNumber.make(year: date.year, sequence: sequence)
        let amount = random.int64(in: 4_500...485_000)
        switch roll {
        case 0..<30:
            let text = InvoiceNumber.freeText(year: date.year, sequence: sequence, country: customer.country,
                                              variant: Int(random.below(6)))
            return factory.incomingTransfer(from: customer, amount: amount,
                                            remittance: Remittance(unstructuredLines: [text]),
                                            endToEndId: customer.kind == .consumer ? nil : "E2E-\(reference)",
                                            date: date, reference: reference)
        case 30..<55:
            let kenmerk = Betalingskenmerk.make(number: sequence, using: &random)
            return factory.incomingTransfer(
                from: customer, amount: amount,
                remittance: Remittance(references: [.init(type: "SCOR", issuer: "CUR", reference: kenmerk)]),
                endToEndId: "E2E-\(reference)", date: date, reference: reference)
        case 55..<62:
            let rf = CreditorReference.make(body: "\(date.year)\(CustomerFactory.padded(sequence, width: 4))")
            return factory.incomingTransfer(
                from: customer, amount: amount,
                remittance: Remittance(references: [.init(type: "SCOR", issuer: "ISO", reference: rf)]),
                endToEndId: "E2E-\(reference)", date: date, reference: reference)
        case 62..<67:
            let count = random.int(in: 2...6)
            let items = (0..<count).map { offset in
                (customer: customers[(Int(random.below(200)) + offset) % customers.count],
                 invoiceNumber: InvoiceNumber.make(year: date.year, sequence: (sequence + offset) % 9999 + 1),
                 amount: random.int64(in: 2_500...95_000))
            }
            return factory.directDebitBatch(items: items, paymentInformationId: "PMT-\(reference)", date: date,
                                            reference: reference)
        case 67..<69:
            return factory.directDebitReturn(customer: customer, invoiceNumber: number, amount: amount / 4,
                                             reason: random.chance(50) ? "MD06" : "AM04", date: date,
                                             reference: reference)
        case 69..<72:
            return factory.bankBooking(amount: random.int64(in: 100...4_500), creditDebit: .debit,
                                       text: "KOSTEN ZAKELIJK BETALINGSVERKEER", date: date, reference: reference)
        default:
            // Payments out, larger when the balance is high so that it wanders but stays positive.
            let payee = Party(name: random.pick(NameBook.suppliers), iban: customer.iban, bic: customer.bank.bic)
            let outAmount = balance > 50_000_000 ? amount * 2 : amount / 2
            return factory.outgoingTransfer(to: payee, amount: outAmount, text: "Factuur \(reference.suffix(8))",
                                            purpose: nil, endToEndId: "NT-\(reference)", date: date,
                                            reference: reference)
        }
    }
}
