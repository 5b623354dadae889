-- The clue list and the work queue (screens /clues and /ledger): filters and sorts over hundreds of thousands of
-- items, one page at a time. Each sortable column with the id as tie-breaker, so that a page in that order is read
-- from an index; the run filter finds a run's items through their clue evidence.
CREATE INDEX ix_ledger_item_source_id ON ledger_item (source, id);
CREATE INDEX ix_ledger_item_amount ON ledger_item (amount_at_risk, id);
CREATE INDEX ix_ledger_item_status_id ON ledger_item (status, id);
CREATE INDEX ix_ledger_item_severity ON ledger_item (severity, id);
CREATE INDEX ix_ledger_item_program ON ledger_item (program, id);
CREATE INDEX ix_ledger_item_responsible ON ledger_item (responsible_region, status);
CREATE INDEX ix_ledger_item_region_id ON ledger_item (region_code, id);
CREATE INDEX ix_ledger_evidence_run ON ledger_evidence (run_id, item_id);
