import BankStatements
import Foundation
import Ledger
import Testing

/// `recon overdue`, `config`, `rates`, `invoices extend|plan|hold|release` and `customers` run as a
/// user would, on a scratch database. Expected figures are worked out by hand in the comments.
@Suite struct OverdueCommandTests {
    static let invoices = """
        invoice_number,customer_id,customer_name,customer_iban,issue_date,due_date,amount,customer_email,customer_phone,customer_type
        RE-1,C1,Acme BV,NL91ABNA0417164300,2026-05-15,2026-06-15,1000.00,ap@acme.example,+31 20 555 0101,business
        RE-2,C2,"Bouw; Sloop, BV",,2026-05-01,2026-06-01,10000.00,,,
        RE-3,C3,Jan Jansen,,2026-05-01,2026-06-01,200.00,jan@example.nl,,consumer
        RE-4,C4,Groot NV,,2026-05-01,2026-06-01,5000000.00,,,business
        RE-5,C1,Acme BV,,2026-07-01,2026-07-31,300.00,,,

        """

    /// A statement for our account ending 10 July with a 400.00 credit from Acme's IBAN.
    static let statement = """
        :20:STMT1
        :25:NL20INGB0001234567
        :28C:1/1
        :60F:C260709EUR0,00
        :61:2607100710C400,00NTRFNONREF//B1
        :86:/CNTP/NL91ABNA0417164300/ABNANL2A/Acme BV///REMI/USTD//RE-1 part/
        :62F:C260710EUR400,00
        -

        """

    static let jsonKeys = [
        "invoice", "customer", "customerName", "customerType", "email", "phone", "amount", "openAmount", "overdueAmount",
        "currency", "dueDate", "originalDueDate", "extendedDueDate", "installment", "installments", "daysOverdue", "stage",
        "nextStage", "nextStageDate", "partialPayments", "lastPaymentDate", "pendingReview", "hold", "holdReason",
        "collectionCosts", "interest", "interestMissingRateFrom", "totalClaim",
    ]

    /// A scratch folder with a database holding the invoices, two half-year commercial rates and the statement.
    private func prepared() throws -> (Recon.Scratch, String) {
        let scratch = try Recon.Scratch()
        let db = scratch.path("recon.sqlite")
        let csv = try scratch.write("invoices.csv", Self.invoices)
        let sta = try scratch.write("july.sta", Self.statement)
        // These figures were worked out with Acme's part payment waiting in review; it stays there
        // when only checked references may allocate part payments.
        for arguments in [["config", "set", "matching.partial-by-invoice-number", "false"],
                          ["invoices", "import", csv], ["rates", "set", "2026-01-01", "10.15", "--commercial"],
                          ["rates", "set", "2026-07-01", "12", "--commercial"], ["import", sta],
                          // The import queues Acme's partial payment for review; these tests start
                          // from a queue without it (the pending-review test adds its own).
                          ["review", "ignore", "1", "--reason", "handled outside these tests"]] {
            let result = try Recon.run(arguments + ["--db", db])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return (scratch, db)
    }

    private func overdueJSON(_ db: String, _ extra: [String] = []) throws -> [String: [String: Any]] {
        let result = try Recon.run(["overdue", "--as-of", "2026-07-15", "--json", "--db", db] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        var byInvoice: [String: [String: Any]] = [:]
        for object in array { byInvoice[object["invoice"] as? String ?? "?"] = object }
        return byInvoice
    }

    @Test func jsonShapeStagesAndClaims() throws {
        let (folder, db) = try prepared()
        defer { withExtendedLifetime(folder) {} }
        let items = try overdueJSON(db)
        #expect(Set(items.keys) == ["RE-1", "RE-2", "RE-3", "RE-4"])
        let re1 = try #require(items["RE-1"])
        #expect(Set(re1.keys) == Set(Self.jsonKeys))
        // Due 15 June, as of 15 July: 30 days, final notice (21), collection on 20 July (35).
        #expect(re1["daysOverdue"] as? Int == 30)
        #expect(re1["stage"] as? String == "final-notice")
        #expect(re1["nextStage"] as? String == "collection")
        #expect(re1["nextStageDate"] as? String == "2026-07-20")
        #expect(re1["email"] as? String == "ap@acme.example")
        #expect(re1["phone"] as? String == "+31 20 555 0101")
        #expect(re1["amount"] as? String == "1000.00")
        #expect(re1["currency"] as? String == "EUR")
        #expect(re1["hold"] as? Bool == false)
        #expect(re1["pendingReview"] as? Bool == false)
        // BIK on 1,000.00 is 150.00. Interest: 15 days (16–30 June) at 10.15 % and 15 days (1–15 July)
        // at 12 %: 100000 × (1015 + 1200) × 15 / (365 × 10000) = 910.27 cents → 9.10.
        #expect(re1["collectionCosts"] as? String == "150.00")
        #expect(re1["interest"] as? String == "9.10")
        #expect(re1["totalClaim"] as? String == "1159.10")
        #expect(re1["interestMissingRateFrom"] is NSNull)
        #expect(items["RE-2"]?["collectionCosts"] as? String == "875.00")     // €10,000 → €875
        #expect(items["RE-4"]?["collectionCosts"] as? String == "6775.00")    // €5,000,000 → the cap
        // RE-3 is a consumer's €200: the €40 minimum, and no consumer rate was entered.
        let re3 = try #require(items["RE-3"])
        #expect(re3["collectionCosts"] as? String == "40.00")
        #expect(re3["interest"] is NSNull)
        #expect(re3["interestMissingRateFrom"] as? String == "2026-06-02")
        #expect(re3["totalClaim"] is NSNull)
        let text = try Recon.run(["overdue", "--as-of", "2026-07-15", "--db", db])
        #expect(text.stdout.contains("no consumer rate entered for 2026-06-02"))
    }

    @Test func reminderStageHasNoClaims() throws {
        let (folder, db) = try prepared()
        defer { withExtendedLifetime(folder) {} }
        let items = try overdueJSON(db, ["--customer", "C1"])
        #expect(Set(items.keys) == ["RE-1"])
        let early = try Recon.run(["overdue", "--as-of", "2026-06-20", "--json", "--db", db, "--customer", "C1"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(early.stdout.utf8)) as? [[String: Any]])
        #expect(array.first?["stage"] as? String == "reminder")
        #expect(array.first?["collectionCosts"] is NSNull)
        #expect(array.first?["interest"] is NSNull)
        let filtered = try overdueJSON(db, ["--min-days", "31"])
        #expect(Set(filtered.keys) == ["RE-2", "RE-3", "RE-4"])
    }

    @Test func partialPaymentsAndPendingReview() throws {
        let (folder, db) = try prepared()
        defer { withExtendedLifetime(folder) {} }
        do {
            let store = try LedgerStore(path: db)
            let credit = try #require(try store.unallocatedCredits().first)
            let invoice = try #require(try store.invoices().first { $0.invoiceNumber == "RE-1" })
            try store.recordAllocation(transactionID: credit.id, invoiceID: invoice.id,
                                       amount: Money(minorUnits: 40_000, currency: .euro), method: "test", confidence: 100, evidence: "")
        }
        var re1 = try #require(try overdueJSON(db)["RE-1"])
        #expect(re1["partialPayments"] as? Int == 1)
        #expect(re1["lastPaymentDate"] as? String == "2026-07-10")
        #expect(re1["openAmount"] as? String == "600.00")
        // Interest on the 600.00 still open: 15 days at 10.15 % and 15 at 12 %:
        // 60000 × (1015 × 15 + 1200 × 15) / 3650000 = 546.16 cents; on the 400.00 paid on 10 July until the
        // day before: 15 days at 10.15 % and 9 at 12 %: 40000 × (15225 + 10800) / 3650000 = 285.21 cents.
        #expect(re1["interest"] as? String == "8.31")
        #expect(re1["collectionCosts"] as? String == "90.00")
        // As of 9 July the payment had not been booked yet.
        let before = try Recon.run(["overdue", "--as-of", "2026-07-09", "--json", "--db", db, "--customer", "C1"])
        #expect(before.stdout.contains(#""openAmount":"1000.00""#) && before.stdout.contains(#""partialPayments":0"#))

        // A second credit from Acme's IBAN waits in the review queue: Acme's invoices are held.
        let scratch = try Recon.Scratch()
        let second = try scratch.write("more.sta", """
            :20:STMT2
            :25:NL20INGB0001234567
            :28C:2/1
            :60F:C260710EUR400,00
            :61:2607110711C50,00NTRFNONREF//B2
            :86:/CNTP/NL91ABNA0417164300/ABNANL2A/Acme BV///REMI/USTD//payment/
            :62F:C260711EUR450,00
            -

            """)
        let imported = try Recon.run(["import", second, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        do {
            let store = try LedgerStore(path: db)
            let credit = try #require(try store.unallocatedCredits().first { $0.bankReference == "B2" })
            // The import itself queued the payment: no invoice of Acme fits 50.00.
            #expect(try store.reviewItems(state: .open).contains { $0.transactionID == credit.id })
        }
        re1 = try #require(try overdueJSON(db)["RE-1"])
        #expect(re1["pendingReview"] as? Bool == true)
        #expect(re1["hold"] as? Bool == true)
        #expect(re1["holdReason"] as? String == "pending review")
        #expect(try overdueJSON(db)["RE-2"]?["hold"] as? Bool == false)
        let text = try Recon.run(["overdue", "--as-of", "2026-07-15", "--db", db])
        let held = try #require(text.stdout.range(of: "On hold"))
        #expect(text.stdout[held.upperBound...].contains("RE-1"))
    }

    @Test func csvInBothLocales() throws {
        let (folder, db) = try prepared()
        defer { withExtendedLifetime(folder) {} }
        let plain = try Recon.run(["overdue", "--as-of", "2026-07-15", "--csv", "--db", db])
        #expect(plain.status == 0)
        let lines = plain.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == Self.jsonKeys.joined(separator: ","))
        #expect(lines.count == 6 && lines.last == "")   // header, four rows, and the final CRLF
        let re2 = try #require(lines.first { $0.hasPrefix("RE-2,") })
        #expect(re2.hasPrefix(#"RE-2,C2,"Bouw; Sloop, BV",business,,,10000.00,10000.00,10000.00,EUR,2026-06-01,"#))
        let dutch = try Recon.run(["overdue", "--as-of", "2026-07-15", "--csv", "--csv-locale", "nl", "--db", db])
        #expect(dutch.stdout.hasPrefix("\u{FEFF}invoice;customer;customerName;"))
        let re1 = try #require(dutch.stdout.components(separatedBy: "\r\n").first { $0.hasPrefix("RE-1;") })
        #expect(re1.contains(";1000,00;1000,00;1000,00;EUR;2026-06-15;"))
        #expect(re1.contains(";150,00;9,10;;1159,10"))
        let nlRE2 = try #require(dutch.stdout.components(separatedBy: "\r\n").first { $0.hasPrefix("RE-2;") })
        #expect(nlRE2.hasPrefix(#"RE-2;C2;"Bouw; Sloop, BV";"#))
        let bad = try Recon.run(["overdue", "--csv-locale", "nl", "--db", db])
        #expect(bad.status == 64)
        let both = try Recon.run(["overdue", "--csv", "--json", "--db", db])
        #expect(both.status == 64)
    }

    @Test("text a spreadsheet would run as a formula is written as text; amounts stay numbers")
    func csvNeutralisesFormulas() throws {
        let scratch = try Recon.Scratch()
        let db = scratch.path("recon.sqlite")
        let csv = try scratch.write("invoices.csv", """
            invoice_number,customer_id,customer_name,issue_date,due_date,amount,customer_phone
            RE-9,C9,"=HYPERLINK(""http://evil.example"",""x"")",2026-05-01,2026-06-01,25.00,+31 20 555 0101
            RE-8,C8,@SUM(A1),2026-05-01,2026-06-01,100.00,-5

            """)
        #expect(try Recon.run(["invoices", "import", csv, "--db", db]).status == 0)
        let result = try Recon.run(["overdue", "--as-of", "2026-07-15", "--csv", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.components(separatedBy: "\r\n")
        let evil = try #require(rows.first { $0.hasPrefix("RE-9,") })
        #expect(evil.hasPrefix(#"RE-9,C9,"'=HYPERLINK(""http://evil.example"",""x"")","#), "\(evil)")
        #expect(evil.contains(",'+31 20 555 0101,"), "\(evil)")
        let sum = try #require(rows.first { $0.hasPrefix("RE-8,") })
        #expect(sum.hasPrefix("RE-8,C8,'@SUM(A1),"), "\(sum)")
        // A phone "number" that is a plain number is left alone, like the amounts.
        #expect(sum.contains(",-5,"), "\(sum)")
    }

    @Test("by default, Acme's part payment naming RE-1 from its known IBAN is allocated, and RE-1 stays partly open")
    func partPaymentAllocatedByDefault() throws {
        let scratch = try Recon.Scratch()
        let db = scratch.path("recon.sqlite")
        let csv = try scratch.write("invoices.csv", Self.invoices)
        let sta = try scratch.write("july.sta", Self.statement)
        for arguments in [["invoices", "import", csv], ["import", sta]] {
            let result = try Recon.run(arguments + ["--db", db])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let allocations = try Recon.run(["allocations", "--json", "--db", db])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(allocations.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["invoice"] as? String == "RE-1")
        #expect(rows.first?["amount"] as? String == "400.00")
        let overdue = try overdueJSON(db)
        #expect(overdue["RE-1"]?["openAmount"] as? String == "600.00")
        #expect(overdue["RE-1"]?["pendingReview"] as? Bool == false)
    }

    @Test func staleStatementWarning() throws {
        let (folder, db) = try prepared()
        defer { withExtendedLifetime(folder) {} }
        let stale = try Recon.run(["overdue", "--as-of", "2026-07-15", "--db", db])
        #expect(stale.status == 0)
        #expect(stale.stderr.contains("warning: last statement for NL20INGB0001234567 ends 2026-07-10"))
        let current = try Recon.run(["overdue", "--as-of", "2026-07-10", "--db", db])
        #expect(!current.stderr.contains("warning"))
        let scratch = try Recon.Scratch()
        let empty = try Recon.run(["overdue", "--db", scratch.path("empty.sqlite")])
        #expect(empty.stderr.contains("no bank statements imported"))
        #expect(empty.stdout.contains("0 invoice(s) to chase"))
    }

    @Test func configValidation() throws {
        let scratch = try Recon.Scratch()
        let db = scratch.path("c.sqlite")
        for (arguments, message) in [
            (["set", "dunning.reminder-days", "abc"], "not a valid value for dunning.reminder-days"),
            (["set", "dunning.reminder", "3"], "unknown setting 'dunning.reminder'"),
            (["get", "nonsense"], "unknown setting 'nonsense'"),
            (["set", "dunning.final-notice-days", "10"], "dunning thresholds must increase"),
            (["set", "dunning.call-days"], "set takes KEY VALUE"),
            (["frob"], "unknown action 'frob'"),
        ] {
            let result = try Recon.run(["config"] + arguments + ["--db", db])
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try Recon.run(["config", "set", "dunning.reminder-days", "3", "--db", db]).stdout == "dunning.reminder-days = 3\n")
        #expect(try Recon.run(["config", "get", "dunning.reminder-days", "--db", db]).stdout == "3\n")
        let list = try Recon.run(["config", "list", "--db", db]).stdout
        #expect(list.contains("* dunning.reminder-days"))
        #expect(list.contains("  dunning.call-days"))
        #expect(try Recon.run(["rates", "set", "2026-07-01", "abc", "--commercial", "--db", db]).status == 64)
        #expect(try Recon.run(["rates", "set", "2026-07-01", "10.15", "--db", db]).status == 64)
        #expect(try Recon.run(["rates", "set", "2026-02-30", "10.15", "--consumer", "--db", db]).status == 64)
        #expect(try Recon.run(["rates", "set", "2026-07-01", "4.5", "--consumer", "--db", db]).status == 0)
        #expect(try Recon.run(["rates", "--db", db]).stdout.contains("consumer    from 2026-07-01  4.5 %"))
    }

    @Test func extensionsPlansAndHoldsFromTheCommandLine() throws {
        let (folder, db) = try prepared()
        defer { withExtendedLifetime(folder) {} }
        let extend = try Recon.run(["invoices", "extend", "RE-2", "--due", "2026-07-20", "--reason", "asked by phone", "--db", db])
        #expect(extend.status == 0, "\(extend.stderr)")
        let plan = try Recon.run(["invoices", "plan", "RE-4", "--installments", "4", "--every", "1m", "--first", "2026-07-01", "--db", db])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("4. 2026-10-01  1250000.00 EUR"))
        #expect(try Recon.run(["invoices", "hold", "RE-3", "--reason", "disputes delivery", "--db", db]).status == 0)
        let items = try overdueJSON(db)
        #expect(items["RE-2"] == nil)
        // RE-4: installment 1 (1,250,000.00, due 1 July) is 14 days late: call stage.
        let re4 = try #require(items["RE-4"])
        #expect(re4["overdueAmount"] as? String == "1250000.00")
        #expect(re4["openAmount"] as? String == "5000000.00")
        #expect(re4["dueDate"] as? String == "2026-07-01")
        #expect(re4["originalDueDate"] as? String == "2026-06-01")
        #expect(re4["daysOverdue"] as? Int == 14)
        #expect(re4["stage"] as? String == "call")
        #expect(re4["installment"] as? Int == 1 && re4["installments"] as? Int == 4)
        let re3 = try #require(items["RE-3"])
        #expect(re3["hold"] as? Bool == true && re3["stage"] is NSNull && re3["holdReason"] as? String == "disputes delivery")
        #expect(try overdueJSON(db.self, [])["RE-2"] == nil)
        let later = try Recon.run(["overdue", "--as-of", "2026-07-21", "--json", "--db", db, "--customer", "C2"])
        #expect(later.stdout.contains(#""extendedDueDate":"2026-07-20""#) && later.stdout.contains(#""daysOverdue":1"#))

        #expect(try Recon.run(["invoices", "hold", "RE-3", "--reason", "again", "--db", db]).status == 64)
        #expect(try Recon.run(["invoices", "release", "RE-3", "--db", db]).status == 0)
        #expect(try Recon.run(["invoices", "extend", "NOPE", "--due", "2026-08-01", "--reason", "x", "--db", db]).status == 64)
        #expect(try Recon.run(["invoices", "extend", "RE-1", "--due", "2026-08-01", "--db", db]).status == 64)
        #expect(try Recon.run(["invoices", "plan", "RE-1", "--installments", "2", "--every", "1y", "--db", db]).status == 64)
        let history = try Recon.run(["invoices", "history", "RE-3", "--db", db])
        #expect(history.stdout.contains("on hold: disputes delivery") && history.stdout.contains("released"))
        let json = try Recon.run(["invoices", "history", "RE-4", "--json", "--db", db])
        #expect(json.stdout.contains(#""kind":"plan","dueDate":null,"installments":4,"every":"1m","firstDueDate":"2026-07-01""#))
    }

    @Test func customersListAndStatementOfAccount() throws {
        let (folder, db) = try prepared()
        defer { withExtendedLifetime(folder) {} }
        let list = try Recon.run(["customers", "--db", db])
        #expect(list.status == 0)
        #expect(list.stdout.contains("C1        Acme BV"))
        #expect(list.stdout.contains("2 open: 1300.00 EUR"))
        let show = try Recon.run(["customers", "show", "C1", "--as-of", "2026-07-15", "--db", db])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Statement of account for Acme BV (C1, business) as of 2026-07-15"))
        #expect(show.stdout.contains("RE-1"))
        #expect(show.stdout.contains("30 day(s) overdue"))
        // The 400.00 from Acme's IBAN is not allocated yet: it is credit on account.
        #expect(show.stdout.contains("2026-07-10  400.00 EUR      not allocated"))
        #expect(show.stdout.contains("Credit on account: 400.00 EUR"))
        #expect(show.stdout.contains("Known IBANs: NL91ABNA0417164300"))
        let json = try Recon.run(["customers", "show", "C1", "--json", "--as-of", "2026-07-15", "--db", db])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["openInvoices"] as? [Any])?.count == 2)
        #expect(try Recon.run(["customers", "show", "NOPE", "--db", db]).status == 64)
    }
}
