-- Bookkeeping of the importer (module sunshine.imports).
--
-- import_run: one row per file an import looked at, whatever became of it:
--   IMPORTED    its rows are in the dataset's table (rows carry import_id = import_run.id)
--   REJECTED    nothing of it was kept (errors in it, or in another file of the same folder import)
--   UNCHANGED   same content (SM3 hash) as the current import of the dataset: nothing was touched
--   SUPERSEDED  a later import replaced its rows (all of them, or those of the periods the later file holds;
--               rows of other periods stay and keep this import_id). Kept for audit with its archived file.
-- One call of the importer (a file, or a whole folder in one transaction) is a batch: batch_id.

CREATE SEQUENCE import_run_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE import_batch_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE import_run (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    batch_id           BIGINT        NOT NULL,
    dataset            VARCHAR(40)   NOT NULL,
    file_name          VARCHAR(500)  NOT NULL,
    file_size          BIGINT        NOT NULL,
    content_hash       VARCHAR(64)   NOT NULL,   -- SM3 of the file's bytes, 64 lower-case hex digits
    format             VARCHAR(16),              -- UTF-8, GB18030, XLSX, XLS
    periods            VARCHAR(4000),            -- the periods the file holds (datasets with a period column), comma-separated
    status             VARCHAR(12)   NOT NULL,
    row_count          BIGINT        NOT NULL,
    error_count        BIGINT        NOT NULL,
    warning_count      BIGINT        NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_import_id BIGINT,                   -- the (latest) earlier import whose rows this one replaced
    superseded_by      BIGINT,                   -- the later import that replaced this one's rows
    archived_file      VARCHAR(1000),            -- gzip of the original file, relative to the data directory
    report_csv         VARCHAR(1000),            -- error report, relative to the data directory
    report_xlsx        VARCHAR(1000),
    message_zh         VARCHAR(4000),
    message_en         VARCHAR(4000),
    imported_by        VARCHAR(100)  NOT NULL,
    CONSTRAINT ck_import_run_status CHECK (status IN ('IMPORTED', 'REJECTED', 'UNCHANGED', 'SUPERSEDED'))
);
CREATE INDEX ix_import_run_dataset ON import_run (dataset, status);
CREATE INDEX ix_import_run_hash ON import_run (content_hash);
CREATE INDEX ix_import_run_batch ON import_run (batch_id);

-- Which earlier imports an import replaced, and exactly what of them: every replaced import, the periods
-- (empty: the whole dataset) and how many of its rows were deleted.
CREATE TABLE import_replacement (
    import_id          BIGINT        NOT NULL,
    replaced_import_id BIGINT        NOT NULL,
    periods            VARCHAR(4000),
    row_count          BIGINT        NOT NULL,
    PRIMARY KEY (import_id, replaced_import_id)
);

-- One row, locked (SELECT ... FOR UPDATE) by every import transaction: imports run one at a time, also when
-- the server and the command line share a database.
CREATE TABLE import_lock (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO import_lock (id) VALUES (1);
