/// The first schema: everything recon stores.
///
/// Conventions a user querying with `sqlite3` can rely on: money is `INTEGER` minor units next to a
/// `currency` text column (`amount_minor = 12345, currency = 'EUR'` is 123.45 EUR); dates are
/// `TEXT` `YYYY-MM-DD`; times are `TEXT` ISO 8601 UTC. Invoice status is never stored: read it
/// from the `invoice_balances` view, which derives it from the append-only `allocations`.
enum Migration1 {
    static let sql = """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            account_key TEXT NOT NULL UNIQUE,
            iban TEXT,
            other_id TEXT,
            currency TEXT,
            name TEXT,
            owner_name TEXT,
            servicer_bic TEXT
        ) STRICT;

        CREATE TABLE imported_files (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            statements INTEGER NOT NULL,
            transactions_added INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            statement_key TEXT NOT NULL UNIQUE,
            format TEXT NOT NULL,
            intraday INTEGER NOT NULL,
            statement_ref TEXT,
            message_id TEXT,
            sequence_number TEXT,
            legal_sequence_number TEXT,
            created_at_bank TEXT,
            period_start TEXT,
            period_end TEXT,
            currency TEXT,
            opening_balance_minor INTEGER,
            closing_balance_minor INTEGER,
            entry_count INTEGER NOT NULL,
            balances_ok INTEGER NOT NULL,
            verification TEXT NOT NULL,
            file_id INTEGER NOT NULL REFERENCES imported_files(id),
            file_sha256 TEXT NOT NULL,
            source_line INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX statements_account ON statements(account_id, period_end);

        CREATE TABLE statement_balances (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id),
            kind TEXT NOT NULL,
            amount_minor INTEGER NOT NULL,
            currency TEXT NOT NULL,
            date TEXT
        ) STRICT;
        CREATE INDEX statement_balances_statement ON statement_balances(statement_id);

        -- amount_minor is signed: positive for credits (money in), negative for debits.
        CREATE TABLE transactions (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id),
            statement_id INTEGER NOT NULL REFERENCES statements(id),
            reference_key TEXT,
            fingerprint TEXT NOT NULL,
            booking_date TEXT,
            value_date TEXT,
            amount_minor INTEGER NOT NULL,
            currency TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('CRDT', 'DBIT')),
            reversal INTEGER NOT NULL CHECK (reversal IN (0, 1)),
            status TEXT NOT NULL,
            bank_reference TEXT,
            entry_reference TEXT,
            end_to_end_id TEXT,
            mandate_id TEXT,
            counterparty_name TEXT,
            counterparty_iban TEXT,
            counterparty_bic TEXT,
            remittance_text TEXT,
            structured_references TEXT,
            referred_documents TEXT,
            return_reason TEXT,
            bank_transaction_code TEXT,
            entry_position INTEGER NOT NULL,
            transaction_position INTEGER,
            UNIQUE (account_id, reference_key),
            UNIQUE (account_id, fingerprint)
        ) STRICT;
        CREATE INDEX transactions_booking ON transactions(account_id, booking_date);

        CREATE TABLE customers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            email TEXT,
            phone TEXT,
            type TEXT NOT NULL DEFAULT 'business' CHECK (type IN ('business', 'consumer'))
        ) STRICT;

        CREATE TABLE customer_ibans (
            customer_id TEXT NOT NULL REFERENCES customers(id),
            iban TEXT NOT NULL,
            PRIMARY KEY (customer_id, iban)
        ) STRICT;
        CREATE INDEX customer_ibans_iban ON customer_ibans(iban);

        CREATE TABLE customer_aliases (
            id INTEGER PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers(id),
            alias TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('invoice-file', 'learned')),
            created_at TEXT NOT NULL,
            UNIQUE (customer_id, alias)
        ) STRICT;

        CREATE TABLE invoices (
            id INTEGER PRIMARY KEY,
            invoice_number TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL REFERENCES customers(id),
            issue_date TEXT NOT NULL,
            due_date TEXT NOT NULL,
            currency TEXT NOT NULL,
            amount_minor INTEGER NOT NULL,
            payment_reference TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX invoices_customer ON invoices(customer_id);

        -- Append-only: a correction is a new 'reversal' row pointing at the row it cancels.
        CREATE TABLE allocations (
            id INTEGER PRIMARY KEY,
            transaction_id INTEGER REFERENCES transactions(id),
            invoice_id INTEGER NOT NULL REFERENCES invoices(id),
            amount_minor INTEGER NOT NULL,
            currency TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('payment', 'write-off', 'reversal')),
            method TEXT NOT NULL,
            confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
            evidence TEXT NOT NULL DEFAULT '',
            reverses_allocation_id INTEGER UNIQUE REFERENCES allocations(id),
            created_at TEXT NOT NULL,
            created_by_command TEXT NOT NULL,
            CHECK ((kind = 'reversal') = (reverses_allocation_id IS NOT NULL)),
            CHECK (kind <> 'payment' OR transaction_id IS NOT NULL)
        ) STRICT;
        CREATE INDEX allocations_invoice ON allocations(invoice_id);
        CREATE INDEX allocations_transaction ON allocations(transaction_id);
        CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations
        BEGIN SELECT RAISE(ABORT, 'allocations are append-only: add a reversal instead'); END;
        CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations
        BEGIN SELECT RAISE(ABORT, 'allocations are append-only: add a reversal instead'); END;

        CREATE TABLE review_items (
            id INTEGER PRIMARY KEY,
            transaction_id INTEGER NOT NULL REFERENCES transactions(id),
            state TEXT NOT NULL CHECK (state IN ('open', 'resolved', 'ignored')),
            reason TEXT NOT NULL,
            candidates TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(candidates)),
            resolution TEXT,
            created_at TEXT NOT NULL,
            resolved_at TEXT
        ) STRICT;
        CREATE UNIQUE INDEX review_items_one_open ON review_items(transaction_id) WHERE state = 'open';

        CREATE TABLE config (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            command TEXT NOT NULL,
            summary TEXT NOT NULL
        ) STRICT;

        -- Status is derived here, never stored. Credit notes (negative amounts) mirror invoices:
        -- allocations to them are negative, and 'paid' means the whole credit was used or refunded.
        CREATE VIEW invoice_balances AS
        SELECT
            i.id AS invoice_id,
            i.invoice_number,
            i.customer_id,
            i.issue_date,
            i.due_date,
            i.currency,
            i.amount_minor,
            COALESCE(a.allocated_minor, 0) AS allocated_minor,
            i.amount_minor - COALESCE(a.allocated_minor, 0) AS open_minor,
            CASE
                WHEN i.amount_minor = 0 THEN
                    CASE WHEN COALESCE(a.allocated_minor, 0) = 0 THEN 'paid' ELSE 'overpaid' END
                WHEN COALESCE(a.allocated_minor, 0) = 0 THEN 'open'
                WHEN (CASE WHEN i.amount_minor < 0 THEN -a.allocated_minor ELSE a.allocated_minor END)
                     = abs(i.amount_minor) THEN 'paid'
                WHEN (CASE WHEN i.amount_minor < 0 THEN -a.allocated_minor ELSE a.allocated_minor END)
                     > abs(i.amount_minor) THEN 'overpaid'
                WHEN (CASE WHEN i.amount_minor < 0 THEN -a.allocated_minor ELSE a.allocated_minor END)
                     > 0 THEN 'partial'
                ELSE 'open'
            END AS status
        FROM invoices i
        LEFT JOIN (
            SELECT invoice_id, SUM(amount_minor) AS allocated_minor FROM allocations GROUP BY invoice_id
        ) a ON a.invoice_id = i.id;
        """
}
