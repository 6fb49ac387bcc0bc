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

        -- A running total per invoice, kept by triggers in the same transaction as every write, so it
        -- can never disagree with the journal (the invoice_balances view stays the reference). It lets
        -- 'recon overdue' visit only the unsettled invoices through a partial index instead of
        -- summing the allocations of every invoice: O(open invoices), not O(all invoices).
        CREATE TABLE invoice_totals (
            invoice_id INTEGER PRIMARY KEY,
            amount_minor INTEGER NOT NULL,
            allocated_minor INTEGER NOT NULL,
            last_allocated_at TEXT
        ) STRICT;
        CREATE INDEX invoice_totals_unsettled ON invoice_totals(invoice_id) WHERE amount_minor > allocated_minor;
        CREATE INDEX invoice_totals_last_allocated ON invoice_totals(last_allocated_at) WHERE last_allocated_at IS NOT NULL;
        INSERT INTO invoice_totals (invoice_id, amount_minor, allocated_minor, last_allocated_at)
        SELECT i.id, i.amount_minor, COALESCE(SUM(a.amount_minor), 0), MAX(a.created_at)
        FROM invoices i LEFT JOIN allocations a ON a.invoice_id = i.id GROUP BY i.id;
        CREATE TRIGGER invoice_totals_insert AFTER INSERT ON invoices BEGIN
            INSERT INTO invoice_totals (invoice_id, amount_minor, allocated_minor) VALUES (new.id, new.amount_minor, 0);
        END;
        CREATE TRIGGER invoice_totals_amount AFTER UPDATE OF amount_minor ON invoices BEGIN
            UPDATE invoice_totals SET amount_minor = new.amount_minor WHERE invoice_id = new.id;
        END;
        CREATE TRIGGER invoice_totals_delete AFTER DELETE ON invoices BEGIN
            DELETE FROM invoice_totals WHERE invoice_id = old.id;
        END;
        CREATE TRIGGER invoice_totals_allocation AFTER INSERT ON allocations BEGIN
            UPDATE invoice_totals SET allocated_minor = allocated_minor + new.amount_minor,
                last_allocated_at = max(COALESCE(last_allocated_at, ''), new.created_at)
            WHERE invoice_id = new.invoice_id;
        END;
        """
}
