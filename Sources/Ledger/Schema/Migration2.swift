/// The second schema step: what a credit controller records around the dunning run.
///
/// Arrangements are append-only like allocations, so the history of an invoice (every extension,
/// payment plan, hold and release, with who made it and when) is never lost; the current state is
/// the latest row of each kind, read through the `invoice_arrangement_state` view.
enum Migration2 {
    static let sql = """
        -- kind 'extension': due_date is the new agreed due date (the invoice keeps its original).
        -- kind 'plan': installments, plan_interval ('1m', '2w', '30d') and due_date (the first installment).
        -- kind 'plan-cancel', 'hold', 'release': only reason.
        CREATE TABLE invoice_arrangements (
            id INTEGER PRIMARY KEY,
            invoice_id INTEGER NOT NULL REFERENCES invoices(id),
            kind TEXT NOT NULL CHECK (kind IN ('extension', 'plan', 'plan-cancel', 'hold', 'release')),
            due_date TEXT,
            installments INTEGER CHECK (installments IS NULL OR installments BETWEEN 1 AND 600),
            plan_interval TEXT,
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by_command TEXT NOT NULL,
            CHECK (kind NOT IN ('extension', 'plan') OR due_date IS NOT NULL),
            CHECK ((kind = 'plan') = (installments IS NOT NULL AND plan_interval IS NOT NULL))
        ) STRICT;
        CREATE INDEX invoice_arrangements_invoice ON invoice_arrangements(invoice_id, id);
        CREATE TRIGGER invoice_arrangements_no_update BEFORE UPDATE ON invoice_arrangements
        BEGIN SELECT RAISE(ABORT, 'arrangements are append-only: add a new one instead'); END;
        CREATE TRIGGER invoice_arrangements_no_delete BEFORE DELETE ON invoice_arrangements
        BEGIN SELECT RAISE(ABORT, 'arrangements are append-only: add a new one instead'); END;

        -- The current arrangement of every invoice that ever had one.
        CREATE VIEW invoice_arrangement_state AS
        SELECT g.invoice_id,
            (SELECT x.due_date FROM invoice_arrangements x
             WHERE x.invoice_id = g.invoice_id AND x.kind = 'extension' ORDER BY x.id DESC LIMIT 1) AS extended_due_date,
            (SELECT x.id FROM invoice_arrangements x
             WHERE x.invoice_id = g.invoice_id AND x.kind IN ('plan', 'plan-cancel') ORDER BY x.id DESC LIMIT 1) AS last_plan_row,
            (SELECT CASE WHEN x.kind = 'hold' THEN x.reason END FROM invoice_arrangements x
             WHERE x.invoice_id = g.invoice_id AND x.kind IN ('hold', 'release') ORDER BY x.id DESC LIMIT 1) AS hold_reason
        FROM (SELECT DISTINCT invoice_id FROM invoice_arrangements) g;

        -- Statutory interest rates as entered (percent as exact decimal text, e.g. '10.15').
        CREATE TABLE interest_rates (
            kind TEXT NOT NULL CHECK (kind IN ('commercial', 'consumer')),
            effective_from TEXT NOT NULL,
            annual_percent TEXT NOT NULL,
            entered_at TEXT NOT NULL,
            PRIMARY KEY (kind, effective_from)
        ) STRICT;

        -- The overdue list reads open amounts per invoice from here; a covering index keeps it one pass.
        CREATE INDEX allocations_invoice_cover ON allocations(invoice_id, kind, transaction_id, amount_minor);
        """
}
