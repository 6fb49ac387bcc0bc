/// Turns invoice fates into the bookings of each statement day, and adds the bookings that have
/// nothing to do with invoices: unrelated credits, salaries, rent, suppliers, bank charges.
struct BookingPlanner {
    let dayCount: Int
    let customers: [Customer]

    func plan(_ invoices: [InvoicePlanner.Planned], random: inout SplitMix64) -> [[PlannedBooking]] {
        var days = [[PlannedBooking]](repeating: [], count: dayCount)
        var groups: [Int: (day: Int, invoices: [Int])] = [:]
        var batches: [Int: [Int]] = [:]
        func account(for customer: Int) -> PlannedBooking.AccountChoice { customer % 2 == 0 ? .abnAmro : .ing }
        func add(_ day: Int, _ booking: PlannedBooking) { days[day].append(booking) }
        for (index, planned) in invoices.enumerated() {
            let invoice = planned.invoice
            let customer = invoice.customer
            let salt = random.next()
            let payment = { (style: PlannedBooking.RemittanceStyle, amount: Int64, allocation: Int64, caseName: String, note: String) in
                PlannedBooking(kind: .invoicePayment(style), account: account(for: customer), customer: customer,
                               invoices: [index], allocations: [allocation], amount: amount, caseName: caseName,
                               note: note, salt: salt)
            }
            switch planned.fate {
            case .paidWithReference(let day):
                let style: PlannedBooking.RemittanceStyle = invoice.paymentReference == nil ? .invoiceNumber : .structuredReference
                add(day, payment(style, invoice.amount, invoice.amount,
                                 style == .structuredReference ? "structured-reference" : "invoice-number-in-text", ""))
            case .paidWithText(let day):
                add(day, payment(.invoiceNumber, invoice.amount, invoice.amount, "invoice-number-in-text", ""))
            case .paidTogether(let group, let day):
                groups[group, default: (day, [])].invoices.append(index)
            case .paidInParts(let first, let second):
                var part = invoice.amount * Int64(random.int(in: 30...70)) / 100
                part -= part % 100
                if part <= 0 || part >= invoice.amount { part = invoice.amount / 2 }
                add(first, payment(.firstPart, part, part, "partial-payment",
                                   "first part; remainder \(Cents.text(invoice.amount - part)) follows"))
                add(second, payment(.remainder, invoice.amount - part, invoice.amount - part, "partial-remainder",
                                    "remainder after an earlier part payment"))
            case .overpaid(let day):
                let extra = random.chance(50) ? Int64(random.int(in: 1...75)) * 100 : invoice.amount / 10
                let style: PlannedBooking.RemittanceStyle = invoice.paymentReference == nil ? .invoiceNumber : .structuredReference
                add(day, payment(style, invoice.amount + extra, invoice.amount, "overpayment",
                                 "overpaid by \(Cents.text(extra))"))
            case .underpaid(let day):
                let short: Int64 = random.pick([50, 50, 35, 125])
                add(day, payment(.invoiceNumber, invoice.amount - short, invoice.amount - short, "underpayment",
                                 "short by \(Cents.text(short)) (bank charges); \(Cents.text(short)) stays open"))
            case .directDebit(let batchDay, let returnDay):
                batches[batchDay, default: []].append(index)
                if let returnDay {
                    let reason = random.chance(50) ? "MD06" : "AM04"
                    add(returnDay, PlannedBooking(kind: .directDebitReturn(reason: reason), account: .ing, customer: customer,
                                                  invoices: [index], allocations: [invoice.amount], amount: invoice.amount,
                                                  caseName: "direct-debit-return",
                                                  note: "\(reason): invoice open again", salt: salt))
                }
            case .paidByNameOnly(let day):
                add(day, payment(.nothing, invoice.amount, invoice.amount, "name-only",
                                 "no reference: only the payer's name and amount; needs review"))
            case .paidBeforeInvoiced(let day):
                add(day, payment(.prepayment, invoice.amount, invoice.amount, "paid-before-invoiced",
                                 "invoice issued \(invoice.issueDate), not in invoices.csv (see invoices-later.csv)"))
            case .open, .overdue:
                break
            }
        }
        for group in groups.keys.sorted() {
            guard let value = groups[group], let first = value.invoices.first else { continue }
            let customer = invoices[first].invoice.customer
            let amounts = value.invoices.map { invoices[$0].invoice.amount }
            let style: PlannedBooking.RemittanceStyle = value.invoices.count > 1 ? .severalInvoices : .invoiceNumber
            add(value.day, PlannedBooking(kind: .invoicePayment(style), account: account(for: customer), customer: customer,
                                          invoices: value.invoices, allocations: amounts, amount: amounts.reduce(0, +),
                                          caseName: value.invoices.count > 1 ? "several-invoices" : "invoice-number-in-text",
                                          salt: random.next()))
        }
        for day in batches.keys.sorted() {
            guard let members = batches[day] else { continue }
            // Banks cap batch sizes; a big collection run arrives as several bookings.
            var start = 0
            while start < members.count {
                let slice = Array(members[start..<min(members.count, start + 500)])
                let amounts = slice.map { invoices[$0].invoice.amount }
                add(day, PlannedBooking(kind: .directDebitBatch, account: .ing, invoices: slice, allocations: amounts,
                                        amount: amounts.reduce(0, +), caseName: "direct-debit-batch",
                                        note: "\(slice.count) collections, end-to-end id = invoice number", salt: random.next()))
                start += 500
            }
        }
        addUnrelated(to: &days, invoices: invoices, random: &random)
        addDebits(to: &days, invoiceCount: invoices.count, random: &random)
        for day in days.indices { random.shuffle(&days[day]) }
        return days
    }

    /// Credits that pay no invoice but carry an open invoice's exact amount, to tempt a matcher.
    private func addUnrelated(to days: inout [[PlannedBooking]], invoices: [InvoicePlanner.Planned],
                              random: inout SplitMix64) {
        let unpaid = invoices.indices.filter { invoices[$0].fate.isUnpaid }
        let rounds = max(1, invoices.count / 100)
        let kinds: [(PlannedBooking.Kind, PlannedBooking.AccountChoice, String, String)] = [
            (.interest, .abnAmro, "unrelated-interest", "bank interest; amount equals open invoice"),
            (.supplierRefund, .ing, "unrelated-supplier-refund", "supplier credit note; amount equals open invoice"),
            (.stranger, .abnAmro, "unrelated-stranger", "unknown payer; amount equals open invoice"),
        ]
        for _ in 0..<rounds {
            for (kind, account, caseName, note) in kinds {
                let amount: Int64
                var fullNote = note
                if let pick = unpaid.isEmpty ? nil : random.pick(unpaid) {
                    amount = invoices[pick].invoice.amount
                    fullNote += " \(invoices[pick].invoice.number)"
                } else {
                    amount = random.int64(in: 4_500...250_000)
                }
                days[random.int(in: 0...(dayCount - 1))].append(
                    PlannedBooking(kind: kind, account: account, amount: amount, caseName: caseName, note: fullNote,
                                   salt: random.next()))
            }
        }
    }

    /// Money going out: rent on the first day, salaries near the end, suppliers every day, charges.
    private func addDebits(to days: inout [[PlannedBooking]], invoiceCount: Int, random: inout SplitMix64) {
        let last = dayCount - 1
        days[0].append(PlannedBooking(kind: .rent, account: .ing, amount: 385_000, caseName: "rent", salt: random.next()))
        let employees = min(NameBook.employees.count * 25, max(5, invoiceCount / 200))
        let payday = max(0, last - 2)
        for employee in 0..<employees {
            days[payday].append(PlannedBooking(kind: .salary, account: .abnAmro, customer: employee,
                                               amount: random.int64(in: 2_650_00...5_400_00), caseName: "salary",
                                               salt: random.next()))
        }
        let perDay = max(1, invoiceCount / (dayCount * 20))
        for day in 0...last {
            for _ in 0..<random.int(in: 0...perDay) {
                days[day].append(PlannedBooking(kind: .supplierPayment, account: random.chance(50) ? .abnAmro : .ing,
                                                amount: random.int64(in: 8_000...1_250_000), caseName: "supplier-payment",
                                                salt: random.next()))
            }
        }
        days[last].append(PlannedBooking(kind: .bankCharges, account: .abnAmro, amount: random.int64(in: 1_200...4_800),
                                         caseName: "bank-charges", salt: random.next()))
    }
}

/// Cents as `12.34` for notes and CSV files.
enum Cents {
    static func text(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
