import BankStatements

/// Builds the bookings the generators put on statements, in the statement model's own types so that
/// what is written can be compared field by field with what the parsers read back.
struct EntryFactory {
    let company: CompanyProfile

    private static let euro = Currency.euro

    private func money(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: EntryFactory.euro) }

    private func party(_ customer: Customer) -> Party {
        Party(name: customer.bankName, iban: customer.iban, bic: customer.bank.bic, address: [customer.city])
    }

    private var companyParty: Party { Party(name: company.name) }

    /// The party that is not the company: the payer of a credit, the payee of a debit, and the
    /// debtor of a returned direct debit (a debit whose roles stay those of the collection).
    static func otherParty(of transaction: Transaction) -> Party? {
        transaction.returnInformation != nil ? transaction.debtor : transaction.counterparty
    }

    /// A SEPA credit transfer from a customer (or anyone with a `Customer` record).
    func incomingTransfer(from payer: Party, amount: Int64, remittance: Remittance, endToEndId: String?,
                          date: CalendarDate, reference: String) -> Entry {
        let transaction = Transaction(
            amount: money(amount), creditDebit: .credit,
            references: TransactionReferences(endToEndId: endToEndId ?? "NOTPROVIDED", accountServicerReference: reference),
            debtor: payer, creditor: companyParty, remittance: remittance)
        return Entry(amount: money(amount), creditDebit: .credit, bookingDate: date, valueDate: date,
                     accountServicerReference: reference,
                     bankTransactionCode: BankTransactionCode(domain: "PMNT", family: "RCDT", subFamily: "ESCT"),
                     transactions: [transaction])
    }

    func incomingTransfer(from customer: Customer, amount: Int64, remittance: Remittance, endToEndId: String?,
                          date: CalendarDate, reference: String) -> Entry {
        incomingTransfer(from: party(customer), amount: amount, remittance: remittance, endToEndId: endToEndId,
                         date: date, reference: reference)
    }

    /// One booking crediting a SEPA core direct-debit collection: one transaction per invoice, the
    /// invoice number as end-to-end id.
    func directDebitBatch(items: [(customer: Customer, invoiceNumber: String, amount: Int64)],
                          paymentInformationId: String, date: CalendarDate, reference: String) -> Entry {
        var transactions: [Transaction] = []
        var total: Int64 = 0
        for (position, item) in items.enumerated() {
            total += item.amount
            transactions.append(Transaction(
                position: position, amount: money(item.amount), creditDebit: .credit,
                references: TransactionReferences(endToEndId: item.invoiceNumber, paymentInformationId: paymentInformationId,
                                                  mandateId: item.customer.mandateId, creditorId: company.creditorId),
                debtor: party(item.customer), creditor: companyParty,
                remittance: Remittance(unstructuredLines: ["\(item.invoiceNumber) \(company.name)"])))
        }
        return Entry(amount: money(total), creditDebit: .credit, bookingDate: date, valueDate: date,
                     accountServicerReference: reference,
                     bankTransactionCode: BankTransactionCode(domain: "PMNT", family: "IDDT", subFamily: "ESDD"),
                     transactions: transactions, batchTransactionCount: items.count,
                     batchPaymentInformationId: paymentInformationId, additionalInfo: "SEPA INCASSO BATCH")
    }

    /// A collected direct debit coming back: a reversal debit with the return reason.
    func directDebitReturn(customer: Customer, invoiceNumber: String, amount: Int64, reason: String,
                           date: CalendarDate, reference: String) -> Entry {
        let text = reason == "MD06" ? "Terugboeking op verzoek van debiteur" : "Saldo ontoereikend"
        let transaction = Transaction(
            amount: money(amount), creditDebit: .debit,
            references: TransactionReferences(endToEndId: invoiceNumber, mandateId: customer.mandateId,
                                              creditorId: company.creditorId, accountServicerReference: reference),
            debtor: party(customer), creditor: companyParty,
            remittance: Remittance(unstructuredLines: ["\(invoiceNumber) \(company.name)"]),
            returnInformation: ReturnInformation(reasonCode: reason, additionalInfo: [text]))
        return Entry(amount: money(amount), creditDebit: .debit, reversal: true, bookingDate: date, valueDate: date,
                     accountServicerReference: reference,
                     bankTransactionCode: BankTransactionCode(domain: "PMNT", family: "IDDT", subFamily: "UPDD"),
                     transactions: [transaction], additionalInfo: "STORNO SEPA INCASSO \(reason)")
    }

    /// A payment the company made: salary, rent, a supplier.
    func outgoingTransfer(to payee: Party, amount: Int64, text: String, purpose: String?, endToEndId: String,
                          date: CalendarDate, reference: String) -> Entry {
        let transaction = Transaction(
            amount: money(amount), creditDebit: .debit,
            references: TransactionReferences(endToEndId: endToEndId, accountServicerReference: reference),
            debtor: companyParty, creditor: payee, remittance: Remittance(unstructuredLines: [text]), purpose: purpose)
        return Entry(amount: money(amount), creditDebit: .debit, bookingDate: date, valueDate: date,
                     accountServicerReference: reference,
                     bankTransactionCode: BankTransactionCode(domain: "PMNT", family: "ICDT",
                                                              subFamily: purpose == "SALA" ? "SALA" : "ESCT"),
                     transactions: [transaction])
    }

    /// A booking by the bank itself: interest (credit) or charges (debit), with no counterparty.
    func bankBooking(amount: Int64, creditDebit: CreditDebit, text: String, date: CalendarDate,
                     reference: String) -> Entry {
        let code = creditDebit == .credit
            ? BankTransactionCode(domain: "ACMT", family: "MCOP", subFamily: "INTR")
            : BankTransactionCode(domain: "ACMT", family: "MDOP", subFamily: "CHRG")
        let transaction = Transaction(amount: money(amount), creditDebit: creditDebit,
                                      references: TransactionReferences(accountServicerReference: reference),
                                      remittance: Remittance(unstructuredLines: [text]))
        return Entry(amount: money(amount), creditDebit: creditDebit, bookingDate: date, valueDate: date,
                     accountServicerReference: reference, bankTransactionCode: code, transactions: [transaction],
                     additionalInfo: text)
    }
}
