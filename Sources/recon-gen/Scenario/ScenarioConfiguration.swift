import BankStatements

/// What `recon-gen scenario` is asked to make.
struct ScenarioConfiguration: Sendable {
    var seed: UInt64 = 42
    var customers = 40
    var invoices = 40
    /// Business days of statements, ending the business day before `today`.
    var days = 10
    var today = CalendarDate(year: 2026, month: 11, day: 24) ?? CalendarDate(dayNumber: 20_781)
    /// `nil` for the realistic mix (ABN AMRO camt.053.001.02; ING MT940 then camt.053.001.08 plus one
    /// camt.052 intraday report); otherwise every statement in this format.
    var format: StatementFileFormat?
}
