/// The matching schema: customer credit, returns, learned IBANs and how review items arose.
///
/// Self-contained on purpose (it touches only tables of `Migration1`), so it can be renumbered
/// when other migrations land before it. `ALTER TABLE … ADD COLUMN` keeps existing rows and the
/// append-only triggers of `allocations`.
enum Migration3 {
    static let sql = """
        -- Money of a credit kept on the customer instead of an invoice (an overpayment's excess).
        -- released_at is set when the credit is undone (allocation undone, payment returned).
        CREATE TABLE customer_credits (
            id INTEGER PRIMARY KEY,
            transaction_id INTEGER NOT NULL REFERENCES transactions(id),
            customer_id TEXT NOT NULL REFERENCES customers(id),
            amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
            currency TEXT NOT NULL,
            method TEXT NOT NULL,
            confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
            evidence TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by_command TEXT NOT NULL,
            released_at TEXT,
            released_reason TEXT
        ) STRICT;
        CREATE INDEX customer_credits_transaction ON customer_credits(transaction_id);
        CREATE INDEX customer_credits_customer ON customer_credits(customer_id);

        -- A returned direct debit or reversal and the earlier credit it sent back: that credit is
        -- settled and never matched again.
        CREATE TABLE transaction_returns (
            return_transaction_id INTEGER PRIMARY KEY REFERENCES transactions(id),
            original_transaction_id INTEGER NOT NULL UNIQUE REFERENCES transactions(id),
            evidence TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) STRICT;

        -- The payment whose shortfall a write-off closes (write-offs carry no transaction money).
        ALTER TABLE allocations ADD COLUMN for_transaction_id INTEGER REFERENCES transactions(id);

        -- IBANs learned from manual decisions can be forgotten; those from invoice files cannot.
        ALTER TABLE customer_ibans ADD COLUMN source TEXT NOT NULL DEFAULT 'invoice-file'
            CHECK (source IN ('invoice-file', 'learned'));
        ALTER TABLE customer_ibans ADD COLUMN created_at TEXT;

        -- 'recon match' skips transactions with an ignored item: look them up by transaction.
        CREATE INDEX review_items_transaction ON review_items(transaction_id, state);

        -- 'payment': an unexplained credit; 'return': a return whose original payment is unclear.
        ALTER TABLE review_items ADD COLUMN kind TEXT NOT NULL DEFAULT 'payment' CHECK (kind IN ('payment', 'return'));
        -- 0 after an undo: a person rejected the automatic choice, so 'recon match' may refresh the
        -- candidates but never allocate the transaction automatically again.
        ALTER TABLE review_items ADD COLUMN auto_allowed INTEGER NOT NULL DEFAULT 1 CHECK (auto_allowed IN (0, 1));
        """
}
