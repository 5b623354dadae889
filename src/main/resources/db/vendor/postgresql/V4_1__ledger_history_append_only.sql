-- PostgreSQL only (db/vendor/{vendor}): the ledger's history is append-only in the database itself, not only by
-- the application's habit. UPDATE and DELETE of ledger_history rows are refused for every user of the schema.
CREATE FUNCTION ledger_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger_history is append-only / 问题台账历史只能追加，不能修改或删除';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_history_no_change
    BEFORE UPDATE OR DELETE ON ledger_history
    FOR EACH ROW EXECUTE FUNCTION ledger_history_append_only();
