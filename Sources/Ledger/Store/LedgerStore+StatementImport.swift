import BankStatements

extension LedgerStore {
    /// Stores parsed statement files in one write transaction: all of them or nothing.
    ///
    /// Idempotent: a file whose bytes were imported before is skipped; a statement already stored
    /// from another file is not stored twice; each booked transaction is stored once (see
    /// `TransactionIdentity` for the rule). Pending and information-only entries are counted, not
    /// stored: only booked money is reconciled.
    public func importStatements(_ files: [StatementFile]) throws -> StatementImportReport {
        try write {
            var report = StatementImportReport()
            var touched: Set<Int64> = []
            var newStatements: Set<Int64> = []
            let now = clock.now()
            for file in files {
                var outcome = StatementImportReport.File(path: file.path)
                if try database.integer("SELECT count(*) FROM imported_files WHERE sha256 = ?", [.text(file.sha256)]) > 0 {
                    outcome.alreadyImported = true
                    report.files.append(outcome)
                    continue
                }
                try database.execute("""
                    INSERT INTO imported_files (sha256, path, size, imported_at, statements, transactions_added)
                    VALUES (?, ?, ?, ?, 0, 0)
                    """, [.text(file.sha256), .text(file.path), .int(file.size), .text(now)])
                let fileID = database.lastInsertRowID
                for statement in file.statements {
                    outcome.statements += 1
                    let accountID = try accountID(for: statement)
                    touched.insert(accountID)
                    let (statementID, isNew) = try storeStatement(statement, accountID: accountID, fileID: fileID,
                                                                  sha256: file.sha256)
                    if isNew { newStatements.insert(statementID) } else { outcome.knownStatements += 1 }
                    try storeTransactions(of: statement, accountID: accountID, statementID: statementID, outcome: &outcome)
                }
                try database.execute("UPDATE imported_files SET statements = ?, transactions_added = ? WHERE id = ?",
                                     [.int(outcome.statements), .int(outcome.transactionsAdded), .integer(fileID)])
                report.files.append(outcome)
            }
            for accountID in touched.sorted() {
                report.warnings += try continuityWarnings(accountID: accountID, newStatements: newStatements)
            }
            let imported = report.files.filter { !$0.alreadyImported }.count
            if imported > 0 {
                try audit("import \(imported) file(s): \(report.statementsAdded) statement(s) and "
                          + "\(report.transactionsAdded) transaction(s) added, \(report.duplicates) already stored, "
                          + "\(report.notBooked) not booked")
            }
            return report
        }
    }

    /// The account's row id, inserting the account on first sight.
    ///
    /// An account is its IBAN (else other id) plus currency, since one IBAN can hold several
    /// currencies. MT940 gives the currency only in balances, hence the fallbacks.
    private func accountID(for statement: BankStatements.Statement) throws -> Int64 {
        let account = statement.account
        let currency = statementCurrency(statement)
        let key = "\(account.identifier ?? "unknown") \(currency ?? "")"
        if let id = try database.firstRow("SELECT id FROM accounts WHERE account_key = ?", [.text(key)], { $0.int64(0) }) {
            return id
        }
        try database.execute("""
            INSERT INTO accounts (account_key, iban, other_id, currency, name, owner_name, servicer_bic)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.text(key), .string(account.iban), .string(account.other), .string(currency), .string(account.name),
                  .string(account.ownerName), .string(account.servicerBIC)])
        return database.lastInsertRowID
    }

    private func statementCurrency(_ statement: BankStatements.Statement) -> String? {
        statement.account.currency?.code ?? statement.balances.first?.amount.currency.code
            ?? statement.entries.first?.amount.currency.code
    }

    /// Stores the statement and its balances unless the same statement is already stored.
    private func storeStatement(_ statement: BankStatements.Statement, accountID: Int64, fileID: Int64,
                                sha256: String) throws -> (Int64, isNew: Bool) {
        let header = statement.header
        let opening = statement.balance(.openingBooked) ?? statement.balance(.previouslyClosedBooked)
        let closing = statement.balance(.closingBooked)
        let keyParts: [String] = [
            String(accountID), header.format.name, header.id ?? "", header.sequenceNumber ?? "",
            header.pageNumber.map(String.init) ?? "", header.periodStart?.description ?? "",
            header.periodEnd?.description ?? "", opening.map { String($0.signedMinorUnits) } ?? "",
            closing.map { String($0.signedMinorUnits) } ?? "",
            header.id == nil && header.sequenceNumber == nil ? header.creationDateTime ?? "" : "",
        ]
        let key = keyParts.joined(separator: "|")
        if let id = try database.firstRow("SELECT id FROM statements WHERE statement_key = ?", [.text(key)], { $0.int64(0) }) {
            return (id, false)
        }
        try database.execute("""
            INSERT INTO statements (account_id, statement_key, format, intraday, statement_ref, message_id,
                sequence_number, legal_sequence_number, created_at_bank, period_start, period_end, currency,
                opening_balance_minor, closing_balance_minor, entry_count, balances_ok, verification, file_id,
                file_sha256, source_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                .integer(accountID), .text(key), .text(header.format.name), .bool(header.format.isIntraday),
                .string(header.id), .string(header.messageId), .string(header.sequenceNumber),
                .string(header.legalSequenceNumber), .string(header.creationDateTime),
                .string(header.periodStart?.description), .string(header.periodEnd?.description),
                .string(statementCurrency(statement)), .int64(opening?.signedMinorUnits), .int64(closing?.signedMinorUnits),
                .int(statement.entries.count), .bool(statement.verification.ok), .text(statement.verification.message),
                .integer(fileID), .text(sha256), .int(header.sourceLine),
            ])
        let id = database.lastInsertRowID
        let insertBalance = try database.prepare("""
            INSERT INTO statement_balances (statement_id, kind, amount_minor, currency, date) VALUES (?, ?, ?, ?, ?)
            """)
        for balance in statement.balances {
            try insertBalance.run([.integer(id), .text(balance.kind.rawValue), .integer(balance.signedMinorUnits),
                                   .text(balance.amount.currency.code), .string(balance.date?.description)])
        }
        return (id, true)
    }

    private func storeTransactions(of statement: BankStatements.Statement, accountID: Int64, statementID: Int64,
                                   outcome: inout StatementImportReport.File) throws {
        let find = try database.prepare("""
            SELECT id FROM transactions WHERE account_id = ?1 AND (reference_key = ?2 OR fingerprint = ?3) LIMIT 1
            """)
        let insert = try database.prepare("""
            INSERT INTO transactions (account_id, statement_id, reference_key, fingerprint, booking_date, value_date,
                amount_minor, currency, direction, reversal, status, bank_reference, entry_reference, end_to_end_id,
                mandate_id, counterparty_name, counterparty_iban, counterparty_bic, remittance_text,
                structured_references, referred_documents, return_reason, bank_transaction_code, entry_position,
                transaction_position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var occurrences: [String: Int] = [:]
        for entry in statement.entries {
            guard entry.status == .booked else {
                outcome.notBooked += 1
                continue
            }
            for row in TransactionRow.rows(for: entry) {
                let base = TransactionIdentity.fingerprintBase(of: row)
                let occurrence = (occurrences[base] ?? 0) + 1
                occurrences[base] = occurrence
                let identity = TransactionIdentity(row: row, fingerprintBase: base, occurrence: occurrence)
                try find.bind([.integer(accountID), .string(identity.referenceKey), .text(identity.fingerprint)])
                if try find.step() {
                    outcome.duplicates += 1
                    continue
                }
                try insert.run([
                    .integer(accountID), .integer(statementID), .string(identity.referenceKey), .text(identity.fingerprint),
                    .string(row.bookingDate?.description), .string(row.valueDate?.description),
                    .integer(row.signedMinorUnits), .text(row.currency.code), .text(row.direction.rawValue),
                    .bool(row.reversal), .text(row.status), .string(row.bankReference), .string(row.entryReference),
                    .string(row.endToEndId), .string(row.mandateId), .string(row.counterpartyName),
                    .string(row.counterpartyIBAN), .string(row.counterpartyBIC), .string(row.remittanceText),
                    .string(row.structuredReferences), .string(row.referredDocuments), .string(row.returnReason),
                    .string(row.bankTransactionCode), .int(row.entryPosition), .int(row.transactionPosition),
                ])
                outcome.transactionsAdded += 1
            }
        }
    }
}
