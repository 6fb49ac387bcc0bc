/// A `Bal` being read; checked for its required parts when it closes.
struct CAMTBalanceDraft {
    var kind: Balance.Kind?
    var isProprietary = false
    var subType: String?
    var amount: Money?
    var creditDebit: CreditDebit?
    var date: CalendarDate?
    var dateTime: String?

    /// The balance, or the name of the first required element that is missing.
    func build() -> Result<Balance, MissingElement> {
        guard let kind else { return .failure(MissingElement(name: "Tp")) }
        guard let amount else { return .failure(MissingElement(name: "Amt")) }
        guard let creditDebit else { return .failure(MissingElement(name: "CdtDbtInd")) }
        return .success(Balance(kind: kind, isProprietary: isProprietary, subType: subType, amount: amount,
                                creditDebit: creditDebit, date: date, dateTime: dateTime))
    }
}

/// A required child element that was not there.
struct MissingElement: Error {
    var name: String
}
