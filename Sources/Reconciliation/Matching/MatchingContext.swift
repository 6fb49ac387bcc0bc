import BankStatements

/// All open invoices and customers, indexed once so each payment costs a handful of hash lookups.
///
/// References, invoice numbers, amounts and IBANs are hashed; names go through an inverted token
/// index. Building it for 100,000 invoices takes well under a second; after that no step of
/// matching scans all invoices or all customers.
public struct MatchingContext: Sendable {
    struct AmountKey: Hashable, Sendable {
        var currency: String
        var minorUnits: Int64
    }

    private(set) var invoices: [OpenInvoice] = []
    private(set) var customers: [String: CustomerProfile] = [:]
    /// Each customer's invoices, oldest due first.
    private(set) var invoicesByCustomer: [String: [Int]] = [:]
    private(set) var invoiceIndexByID: [String: Int] = [:]
    /// Every invoice's position, including those settled since the build (their slots stay, so an
    /// invoice re-opened by a return goes back where a fresh build would put it).
    private var slotByID: [String: Int] = [:]
    /// Normalised payment reference → invoices.
    private(set) var referenceIndex: [String: [Int]] = [:]
    /// Full invoice-number key → invoices.
    private(set) var numberFullIndex: [String: [Int]] = [:]
    /// Core invoice-number key (leading letters dropped) → invoices.
    private(set) var numberCoreIndex: [String: [Int]] = [:]
    /// Invoice number as letters and digits only (`INV20240042`) → invoices, for identifiers.
    private(set) var numberTextIndex: [String: [Int]] = [:]
    private(set) var amountIndex: [AmountKey: [Int]] = [:]
    /// Normalised IBAN → customers who paid from it.
    private(set) var ibanIndex: [String: Set<String>] = [:]
    private(set) var names = NameIndex()
    /// The most segments any full invoice-number key has: the longest window worth trying in text.
    private(set) var longestNumber = 1

    /// Indexes `invoices` (only those with money open are kept) and `customers`.
    public init(invoices: [OpenInvoice], customers: [CustomerProfile]) {
        // Sized up front: growing hash tables of 100,000 keys step by step rehashes every key many times.
        self.customers.reserveCapacity(customers.count)
        names.reserveCapacity(names: customers.count)
        for customer in customers { add(customer) }
        let open = invoices.filter { $0.openAmount.minorUnits != 0 }
        self.invoices = open
        invoicesByCustomer.reserveCapacity(customers.count)
        invoiceIndexByID.reserveCapacity(open.count)
        referenceIndex.reserveCapacity(open.count)
        numberFullIndex.reserveCapacity(open.count)
        numberCoreIndex.reserveCapacity(open.count)
        numberTextIndex.reserveCapacity(open.count)
        amountIndex.reserveCapacity(open.count)
        for (index, invoice) in open.enumerated() {
            invoiceIndexByID[invoice.id] = index
            slotByID[invoice.id] = index
            invoicesByCustomer[invoice.customerID, default: []].append(index)
            if let reference = invoice.paymentReference, let key = ReferenceText.normalize(reference) {
                referenceIndex[key, default: []].append(index)
            }
            if let key = InvoiceNumberKey(number: invoice.number) {
                numberFullIndex[key.full, default: []].append(index)
                if key.core != key.full { numberCoreIndex[key.core, default: []].append(index) }
                longestNumber = max(longestNumber, min(8, key.segmentCount))
            }
            if let text = ReferenceText.normalize(invoice.number) { numberTextIndex[text, default: []].append(index) }
            amountIndex[AmountKey(currency: invoice.currency.code, minorUnits: invoice.openAmount.minorUnits),
                        default: []].append(index)
        }
        invoicesByCustomer = invoicesByCustomer.mapValues { list in
            list.sorted { MatchingContext.dueOrder(open[$0], open[$1]) }
        }
    }

    /// The number of open items indexed.
    public var invoiceCount: Int { invoices.count }

    public func invoice(id: String) -> OpenInvoice? {
        invoiceIndexByID[id].map { invoices[$0] }
    }

    public func customer(id: String) -> CustomerProfile? { customers[id] }

    /// Customers known to pay from `iban` (any spelling).
    public func customers(payingFrom iban: String) -> Set<String> {
        guard let key = ReferenceText.normalize(iban) else { return [] }
        return ibanIndex[key] ?? []
    }

    /// Brings one invoice's open amount up to date after an allocation or a return, leaving the
    /// context exactly as a fresh build over the new amounts would be for matching: a settled
    /// invoice leaves every index, a re-opened one comes back, and positions (which break ties
    /// between equal candidates) keep their order.
    ///
    /// Returns `false` for an invoice the context never held (settled before it was built, or new):
    /// then only a fresh build is right.
    @discardableResult
    public mutating func update(_ invoice: OpenInvoice) -> Bool {
        guard let index = slotByID[invoice.id] else { return invoice.openAmount.minorUnits == 0 }
        let old = invoices[index]
        let wasOpen = invoiceIndexByID[invoice.id] != nil
        let isOpen = invoice.openAmount.minorUnits != 0
        if wasOpen {
            MatchingContext.remove(index, from: &amountIndex,
                                   key: AmountKey(currency: old.currency.code, minorUnits: old.openAmount.minorUnits))
        }
        invoices[index] = invoice
        if isOpen {
            MatchingContext.insert(index, into: &amountIndex,
                                   key: AmountKey(currency: invoice.currency.code, minorUnits: invoice.openAmount.minorUnits))
        }
        guard wasOpen != isOpen else { return true }
        if isOpen {
            invoiceIndexByID[invoice.id] = index
            var list = invoicesByCustomer[invoice.customerID] ?? []
            let position = list.firstIndex { MatchingContext.dueOrder(invoice, invoices[$0]) } ?? list.count
            list.insert(index, at: position)
            invoicesByCustomer[invoice.customerID] = list
        } else {
            invoiceIndexByID[invoice.id] = nil
            MatchingContext.remove(index, from: &invoicesByCustomer, key: old.customerID)
        }
        func apply<Key: Hashable>(_ table: inout [Key: [Int]], _ key: Key) {
            if isOpen { MatchingContext.insert(index, into: &table, key: key) } else { MatchingContext.remove(index, from: &table, key: key) }
        }
        if let reference = old.paymentReference, let key = ReferenceText.normalize(reference) { apply(&referenceIndex, key) }
        if let key = InvoiceNumberKey(number: old.number) {
            apply(&numberFullIndex, key.full)
            if key.core != key.full { apply(&numberCoreIndex, key.core) }
        }
        if let text = ReferenceText.normalize(old.number) { apply(&numberTextIndex, text) }
        return true
    }

    private static func remove<Key: Hashable>(_ index: Int, from table: inout [Key: [Int]], key: Key) {
        guard var list = table[key], let position = list.firstIndex(of: index) else { return }
        list.remove(at: position)
        table[key] = list.isEmpty ? nil : list
    }

    /// Inserts keeping the list in ascending order, the order a fresh build appends in.
    private static func insert<Key: Hashable>(_ index: Int, into table: inout [Key: [Int]], key: Key) {
        var list = table[key] ?? []
        let position = list.firstIndex { $0 > index } ?? list.count
        list.insert(index, at: position)
        table[key] = list
    }

    /// Records what a manual decision taught, so the payer's next payment is recognised.
    public mutating func learn(_ facts: LearnedFacts) {
        var profile = customers[facts.customerID] ?? CustomerProfile(id: facts.customerID, name: "")
        if let iban = facts.iban, let key = ReferenceText.normalize(iban) {
            if !profile.knownIBANs.contains(where: { ReferenceText.normalize($0) == key }) {
                profile.knownIBANs.append(key)
            }
            ibanIndex[key, default: []].insert(facts.customerID)
        }
        if let alias = facts.nameAlias, !profile.aliases.contains(alias) {
            profile.aliases.append(alias)
            names.add(name: alias, customer: facts.customerID)
        }
        customers[facts.customerID] = profile
    }

    private mutating func add(_ customer: CustomerProfile) {
        customers[customer.id] = customer
        names.add(name: customer.name, customer: customer.id)
        for alias in customer.aliases { names.add(name: alias, customer: customer.id) }
        for iban in customer.knownIBANs {
            if let key = ReferenceText.normalize(iban) { ibanIndex[key, default: []].insert(customer.id) }
        }
    }

    /// Oldest due first; undated invoices last; then by issue date and id so the order is stable.
    static func dueOrder(_ a: OpenInvoice, _ b: OpenInvoice) -> Bool {
        let farFuture = CalendarDate(dayNumber: 3_000_000)
        let dueA = a.dueDate ?? a.issueDate ?? farFuture
        let dueB = b.dueDate ?? b.issueDate ?? farFuture
        if dueA != dueB { return dueA < dueB }
        if a.issueDate != b.issueDate { return (a.issueDate ?? farFuture) < (b.issueDate ?? farFuture) }
        return a.id < b.id
    }
}
