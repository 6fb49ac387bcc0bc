/// What an `:86:` text says about a payment, gathered before it is put on the `Transaction`.
///
/// Dialects name parties by role (ordering party, beneficiary) or only as "the other side";
/// `apply(to:)` puts the other side on the debtor of a credit and the creditor of a debit.
struct MT940Details {
    var references = TransactionReferences()
    var counterparty = Party()
    var debtor = Party()
    var creditor = Party()
    var ultimateDebtor = Party()
    var ultimateCreditor = Party()
    var remittance = Remittance()
    var returnInformation: ReturnInformation?
    var purpose: String?
    var bankTransactionCode: BankTransactionCode?
    var additionalInfo: String?

    func apply(to transaction: inout Transaction) {
        var debtor = debtor, creditor = creditor
        if transaction.creditDebit == .credit {
            debtor = MT940Details.merge(debtor, counterparty)
        } else {
            creditor = MT940Details.merge(creditor, counterparty)
        }
        let references = MT940Details.merge(references, into: transaction.references)
        transaction.references = references
        if !debtor.isEmpty { transaction.debtor = MT940Details.merge(debtor, transaction.debtor ?? Party()) }
        if !creditor.isEmpty { transaction.creditor = MT940Details.merge(creditor, transaction.creditor ?? Party()) }
        if !ultimateDebtor.isEmpty { transaction.ultimateDebtor = ultimateDebtor }
        if !ultimateCreditor.isEmpty { transaction.ultimateCreditor = ultimateCreditor }
        transaction.remittance = remittance
        transaction.returnInformation = returnInformation
        transaction.purpose = purpose
        transaction.bankTransactionCode = bankTransactionCode
        transaction.additionalInfo = additionalInfo
    }

    /// `primary` with its missing fields taken from `secondary`.
    static func merge(_ primary: Party, _ secondary: Party) -> Party {
        var result = primary
        if result.name == nil { result.name = secondary.name }
        if result.iban == nil { result.iban = secondary.iban }
        if result.otherAccount == nil { result.otherAccount = secondary.otherAccount }
        if result.bic == nil { result.bic = secondary.bic }
        if result.address.isEmpty { result.address = secondary.address }
        if result.identification == nil { result.identification = secondary.identification }
        return result
    }

    private static func merge(_ found: TransactionReferences, into base: TransactionReferences) -> TransactionReferences {
        var result = base
        if result.endToEndId == nil { result.endToEndId = found.endToEndId }
        if result.instructionId == nil { result.instructionId = found.instructionId }
        if result.paymentInformationId == nil { result.paymentInformationId = found.paymentInformationId }
        if result.mandateId == nil { result.mandateId = found.mandateId }
        if result.creditorId == nil { result.creditorId = found.creditorId }
        for (key, value) in found.other where result.other[key] == nil { result.other[key] = value }
        return result
    }

    /// Sets an account on a party: an IBAN when it has the shape of one, else the other account.
    static func setAccount(_ text: String, on party: inout Party) {
        let compact = String(text.filter { $0 != " " }).uppercased()
        guard !compact.isEmpty else { return }
        let bytes = Array(compact.utf8)
        if MT940Bytes.looksLikeIBAN(bytes, 0..<bytes.count) { party.iban = compact } else { party.otherAccount = text }
    }

    /// `value` unless it is empty or a placeholder such as `NOTPROVIDED`.
    static func meaningful(_ value: String) -> String? {
        TransactionReferences.isPlaceholder(value) ? nil : value
    }
}
