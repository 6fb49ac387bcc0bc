/// The overdue list in proportion to what is unsettled and past due.
///
/// `invoice_totals` learns each invoice's due date, kept by triggers like the rest of the row, and a
/// partial index holds only the unsettled invoices ordered by that date, so `recon overdue` reads
/// the ones already due without visiting the ones not yet due or the settled history.
/// Self-contained (it touches only `invoice_totals` and the triggers on `invoices`), so it can be
/// renumbered when other migrations land before it.
enum Migration4 {
    static let sql = """
        ALTER TABLE invoice_totals ADD COLUMN due_date TEXT;
        UPDATE invoice_totals SET due_date = (SELECT i.due_date FROM invoices i WHERE i.id = invoice_totals.invoice_id);

        DROP TRIGGER invoice_totals_insert;
        CREATE TRIGGER invoice_totals_insert AFTER INSERT ON invoices BEGIN
            INSERT INTO invoice_totals (invoice_id, amount_minor, allocated_minor, due_date)
            VALUES (new.id, new.amount_minor, 0, new.due_date);
        END;
        CREATE TRIGGER invoice_totals_due_date AFTER UPDATE OF due_date ON invoices BEGIN
            UPDATE invoice_totals SET due_date = new.due_date WHERE invoice_id = new.id;
        END;

        CREATE INDEX invoice_totals_unsettled_due ON invoice_totals(due_date) WHERE amount_minor > allocated_minor;
        """
}
