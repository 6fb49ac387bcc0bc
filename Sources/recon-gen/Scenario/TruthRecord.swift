/// One line of `truth.csv`: what a booking really is, for checking a matcher's answers.
struct TruthRecord: Sendable {
    static let header = "bank_reference,end_to_end_id,account_iban,booking_date,credit_debit,amount,case,allocation,note,statement_file"

    var bankReference: String
    var endToEndId: String
    var accountIBAN: String
    var bookingDate: String
    var creditDebit: String
    var amount: String
    var caseName: String
    /// `INV-2026-0042:1234.50;INV-2026-0043:99.00`, `none`, or `return-of:INV-2026-0017`.
    var allocation: String
    var note: String
    var statementFile: String

    var fields: [String] {
        [bankReference, endToEndId, accountIBAN, bookingDate, creditDebit, amount, caseName, allocation, note, statementFile]
    }
}
