import BankStatements

/// Decides the invoices: first the fate of each (so that every case appears at least once when
/// there are enough invoices), then a customer and dates that make the fate possible, then numbers
/// in issue-date order.
struct InvoicePlanner {
    let configuration: ScenarioConfiguration
    let days: [CalendarDate]
    let customers: [Customer]

    struct Planned {
        var fate: InvoiceFate
        var invoice: Invoice
    }

    func plan(random: inout SplitMix64) -> [Planned] {
        let fates = self.fates(random: &random)
        var drafts: [(fate: InvoiceFate, customer: Int, issue: CalendarDate, due: CalendarDate, amount: Int64)] = []
        drafts.reserveCapacity(fates.count)
        let withMandate = customers.indices.filter { customers[$0].mandateId != nil }
        let withoutMandate = customers.indices.filter { customers[$0].mandateId == nil }
        let withReference = withoutMandate.filter { customers[$0].referenceStyle != .none }
        let anyPayer = withoutMandate.isEmpty ? Array(customers.indices) : withoutMandate
        var groupCustomer: [Int: Int] = [:]
        for var fate in fates {
            var customer: Int
            switch fate {
            case .paidWithReference:
                customer = random.pick(withReference.isEmpty ? anyPayer : withReference)
            case .directDebit(let batchDay, _):
                if withMandate.isEmpty {
                    fate = .paidWithText(day: batchDay)
                    customer = random.pick(anyPayer)
                } else {
                    customer = random.pick(withMandate)
                }
            case .paidTogether(let group, _):
                if let known = groupCustomer[group] {
                    customer = known
                } else {
                    customer = random.pick(anyPayer)
                    groupCustomer[group] = customer
                }
            default:
                customer = random.pick(anyPayer)
            }
            let term = customers[customer].kind == .business ? 30 : 14
            let today = configuration.today
            var issue: CalendarDate
            var due: CalendarDate
            switch fate {
            case .paidWithReference(let day), .paidWithText(let day), .paidTogether(_, let day), .overpaid(let day),
                 .underpaid(let day), .paidByNameOnly(let day), .paidInParts(let day, _):
                issue = weekday(days[day].adding(days: -random.int(in: 7...45)))
                due = issue.adding(days: term)
            case .directDebit(let batchDay, _):
                due = days[batchDay]
                issue = due.adding(days: -14)
            case .paidBeforeInvoiced:
                issue = BusinessDays.next(after: today.adding(days: random.int(in: 0...4)))
                due = issue.adding(days: term)
            case .open:
                issue = weekday(today.adding(days: -random.int(in: 0...(term - 1))))
                due = issue.adding(days: term)
            case .overdue(let late):
                due = today.adding(days: -late)
                issue = due.adding(days: -term)
            }
            var amount = random.int64(in: 4_500...485_000)
            if random.chance(30) { amount -= amount % 100 }
            drafts.append((fate, customer, issue, due, amount))
        }
        // Invoice numbers follow the issue date, restarting every year.
        let order = drafts.indices.sorted { (drafts[$0].issue, $0) < (drafts[$1].issue, $1) }
        var sequenceByYear: [Int: Int] = [:]
        var result: [Planned] = []
        result.reserveCapacity(drafts.count)
        for index in order {
            let draft = drafts[index]
            let year = draft.issue.year
            let sequence = (sequenceByYear[year] ?? 0) + 1
            sequenceByYear[year] = sequence
            let customer = customers[draft.customer]
            let reference: String?
            switch customer.referenceStyle {
            case .none: reference = nil
            case .creditorReference: reference = CreditorReference.make(body: "\(year)\(CustomerFactory.padded(sequence, width: 4))")
            case .betalingskenmerk: reference = Betalingskenmerk.make(number: year * 10_000 + sequence, using: &random)
            case .belgianStructured:
                reference = BelgianStructuredCommunication.make(number: (year % 100) * 10_000 + sequence, using: &random)
            }
            let invoice = Invoice(number: InvoiceNumber.make(year: year, sequence: sequence), year: year,
                                  sequence: sequence, customer: draft.customer, issueDate: draft.issue,
                                  dueDate: draft.due, amount: draft.amount, paymentReference: reference,
                                  referenceStyle: customer.referenceStyle)
            result.append(Planned(fate: draft.fate, invoice: invoice))
        }
        return result
    }

    /// Moves a weekend day back to the Friday before: invoices go out on working days.
    private func weekday(_ date: CalendarDate) -> CalendarDate {
        BusinessDays.isBusinessDay(date) ? date : BusinessDays.previous(before: date)
    }

    /// One fate per invoice: the guaranteed cases first, then a realistic random mix.
    private func fates(random: inout SplitMix64) -> [InvoiceFate] {
        let count = configuration.invoices
        let last = days.count - 1
        func day() -> Int { random.int(in: 0...last) }
        let batch1 = min(1, last)
        let batch2 = min(last, days.count / 2 + 1)
        func returnDay(after batch: Int) -> Int? { batch < last ? min(batch + 2, last) : nil }
        let partFirst = random.int(in: 0...max(0, last - 2))
        let partSecond = min(last, partFirst + random.int(in: 2...4))
        let togetherDay = day()
        var fates: [InvoiceFate] = [
            .paidWithReference(day: day()), .paidWithText(day: day()),
            .paidTogether(group: 0, day: togetherDay), .paidTogether(group: 0, day: togetherDay),
            .paidInParts(first: partFirst, second: partSecond), .overpaid(day: day()), .underpaid(day: day()),
            .directDebit(batchDay: batch1, returnDay: nil), .directDebit(batchDay: batch1, returnDay: returnDay(after: batch1)),
            .directDebit(batchDay: batch2, returnDay: nil), .directDebit(batchDay: batch2, returnDay: returnDay(after: batch2)),
            .paidByNameOnly(day: day()), .paidBeforeInvoiced(day: day()),
            .overdue(days: 1), .overdue(days: 14), .overdue(days: 21), .overdue(days: 35),
            .paidWithReference(day: day()), .paidWithText(day: day()), .paidWithText(day: day()),
            .paidWithText(day: day()), .open, .open,
        ]
        if fates.count > count { fates.removeLast(fates.count - count) }
        var group = 2
        while fates.count < count {
            let roll = random.below(100)
            switch roll {
            case 0..<22: fates.append(.paidWithReference(day: day()))
            case 22..<42: fates.append(.paidWithText(day: day()))
            case 42..<47:
                let when = day()
                let size = min(count - fates.count, random.int(in: 2...3))
                for _ in 0..<size { fates.append(.paidTogether(group: group, day: when)) }
                group += 1
            case 47..<50:
                let first = random.int(in: 0...max(0, last - 1))
                fates.append(.paidInParts(first: first, second: min(last, first + random.int(in: 1...4))))
            case 50..<52: fates.append(.overpaid(day: day()))
            case 52..<54: fates.append(.underpaid(day: day()))
            case 54..<62:
                let batch = random.chance(50) ? batch1 : batch2
                fates.append(.directDebit(batchDay: batch, returnDay: random.chance(8) ? returnDay(after: batch) : nil))
            case 62..<65: fates.append(.paidByNameOnly(day: day()))
            case 65..<66: fates.append(.paidBeforeInvoiced(day: day()))
            case 66..<88: fates.append(.open)
            default: fates.append(.overdue(days: random.int(in: 2...60)))
            }
        }
        return fates
    }
}
