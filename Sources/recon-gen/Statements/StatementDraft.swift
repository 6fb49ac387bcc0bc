import BankStatements

/// One statement (one account, one day) ready to be written in any format.
///
/// Held whole in memory because CAMT puts the closing balance and totals before the entries; the
/// generators keep statements to a bounded number of entries so that memory stays flat.
struct StatementDraft {
    let account: CompanyAccount
    let ownerName: String
    /// `Stmt/Id`, MT940 `:20:`.
    let id: String
    /// Consecutive per account: `ElctrncSeqNb`, MT940 `:28C:`.
    let sequence: Int
    let date: CalendarDate
    /// Signed cents.
    let opening: Int64
    var entries: [Entry]
    /// For an intraday report: the time of day it was made, such as `12:00:00`.
    var creationTime = "18:30:00"

    /// Opening plus every booked entry, in signed cents.
    var closing: Int64 { entries.reduce(opening) { $0 + $1.signedMinorUnits } }

    var creditCount: Int { entries.count { $0.creditDebit == .credit } }
    var debitCount: Int { entries.count { $0.creditDebit == .debit } }
    var creditSum: Int64 { entries.reduce(0) { $0 + ($1.creditDebit == .credit ? $1.amount.minorUnits : 0) } }
    var debitSum: Int64 { entries.reduce(0) { $0 + ($1.creditDebit == .debit ? $1.amount.minorUnits : 0) } }
}
