/// An `Ntry` being read. Only the entry being read is held, never the statement's entries.
///
/// The reader keeps one draft for the whole parse: `start` fills in a blank draft, and `take`
/// moves the finished entry out and leaves a blank one behind, so nothing is copied.
struct CAMTEntryDraft {
    var sourceLine = 0
    var amount: Money?
    var creditDebit: CreditDebit?
    var entry = Entry(amount: Money(minorUnits: 0, currency: .euro), creditDebit: .credit)

    mutating func start(sourceLine: Int, position: Int) {
        self.sourceLine = sourceLine
        entry.sourceLine = sourceLine
        entry.position = position
    }

    /// The finished entry, or the first required element that is missing; a finished entry
    /// leaves the draft blank.
    ///
    /// An entry without `TxDtls` gets exactly one transaction built from the entry itself, so that
    /// matching downstream always has a transaction to look at; a batch that gives only a count
    /// (`Btch/NbOfTxs`) is treated the same way, with the count kept on the entry.
    mutating func take() throws(MissingElement) -> Entry {
        guard let amount else { throw MissingElement(name: "Amt") }
        guard let creditDebit else { throw MissingElement(name: "CdtDbtInd") }
        // The fresh entry left behind is the next blank; made here, it costs no copy.
        var result = Entry(amount: amount, creditDebit: creditDebit)
        swap(&result, &entry)
        entry.sourceLine = 0
        self.amount = nil
        self.creditDebit = nil
        result.amount = amount
        result.creditDebit = creditDebit
        if result.transactions.isEmpty {
            var references = TransactionReferences()
            references.accountServicerReference = result.accountServicerReference
            references.paymentInformationId = result.batchPaymentInformationId
            result.transactions = [Transaction(position: 0, amount: amount, creditDebit: creditDebit,
                                               references: references, additionalInfo: result.additionalInfo)]
        }
        return result
    }
}
