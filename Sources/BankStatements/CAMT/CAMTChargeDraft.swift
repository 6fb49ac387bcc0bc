/// One charge record being read: a v02 `Chrgs` element or a v04+ `Chrgs/Rcrd`.
struct CAMTChargeDraft {
    var amount: Money?
    var creditDebit: CreditDebit?
    var type: String?
    var bearer: String?
    var includedInAmount: Bool?

    /// The charge; a record without an amount (only a total elsewhere) is dropped.
    var charge: Charge? {
        amount.map {
            Charge(amount: $0, creditDebit: creditDebit, type: type, bearer: bearer, includedInAmount: includedInAmount)
        }
    }
}
