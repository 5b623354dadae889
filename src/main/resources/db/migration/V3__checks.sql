-- The check engine in the server (module sunshine.checks): check runs, what each read, and the clues they found.
-- Runs unchanged on H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.
--
-- check_run: one row per check run, on demand or by the monthly schedule, whatever became of it:
--   RUNNING    started; reading the registry, running the rules or storing the clues
--   COMPLETED  its clues are stored (check_run_clue), in the same transaction that set this status
--   FAILED     nothing of it was stored but this row: error_zh / error_en say why (error_detail: the first bad
--              rows of refused input, one per line)
-- clue_count, amount_at_risk and owed are the whole run's totals (the screens show each user those of the
-- clues within their region).

CREATE SEQUENCE check_run_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE check_run (
    id             BIGINT        NOT NULL PRIMARY KEY,
    period         CHAR(7)       NOT NULL,   -- the check month P, 'YYYY-MM'
    lookback       INT           NOT NULL,   -- months of the window W ending at P
    window_from    CHAR(7)       NOT NULL,
    rules          VARCHAR(2000) NOT NULL,   -- codes of the rules that ran, comma-separated
    parameters     VARCHAR       NOT NULL,   -- JSON object: every parameter (lookback too) and its value as text
    absent         VARCHAR(2000),            -- datasets some rule reads that were never imported, comma-separated
    status         VARCHAR(12)   NOT NULL,
    error_zh       VARCHAR(4000),
    error_en       VARCHAR(4000),
    error_detail   VARCHAR,
    started_by     VARCHAR(100)  NOT NULL,   -- the user's login, or 'system' for the monthly schedule
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    clue_count     INT,
    amount_at_risk NUMERIC(16,2),
    owed           NUMERIC(16,2),
    load_ms        BIGINT,                   -- time to read the registry
    rule_ms        BIGINT,                   -- time to run the rules
    CONSTRAINT ck_check_run_status CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED'))
);
CREATE INDEX ix_check_run_status ON check_run (status);
CREATE INDEX ix_check_run_period ON check_run (period, id);

-- What a run read: for each dataset, each import whose rows it read (a dataset replaced period by period holds the
-- rows of several imports), with the import's SM3 hash as import_run records it and the rows read of it.
CREATE TABLE check_run_input (
    run_id       BIGINT       NOT NULL,
    dataset      VARCHAR(40)  NOT NULL,
    import_id    BIGINT       NOT NULL,
    file_name    VARCHAR(500),
    content_hash VARCHAR(64),                -- SM3 of the imported file, 64 lower-case hex digits
    row_count    BIGINT       NOT NULL,
    PRIMARY KEY (run_id, dataset, import_id)
);
CREATE INDEX ix_check_run_input_import ON check_run_input (import_id);

-- The towns of a run's registry (names as they were then) with the totals of the run's clues in each: the
-- summary by town, and the totals of a run within a user's region, without reading the clues.
CREATE TABLE check_run_town (
    run_id         BIGINT        NOT NULL,
    town_code      VARCHAR(12)   NOT NULL,
    town_name      VARCHAR(100),
    clue_count     INT           NOT NULL,
    critical_count INT           NOT NULL,
    high_count     INT           NOT NULL,
    medium_count   INT           NOT NULL,
    low_count      INT           NOT NULL,
    amount_at_risk NUMERIC(16,2) NOT NULL,
    owed           NUMERIC(16,2) NOT NULL,
    PRIMARY KEY (run_id, town_code)
);

-- Clues with a stable identity: one row per rule + subject ever found. A re-run that finds the same rule and
-- subject keeps the row (and its id, which the problem ledger follows) and updates last_run_id, run_count and
-- the latest fields; first_run_id says when it was first found.
CREATE SEQUENCE clue_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE clue (
    id             BIGINT        NOT NULL PRIMARY KEY,
    rule           VARCHAR(8)    NOT NULL,
    subject        VARCHAR(200)  NOT NULL,
    first_run_id   BIGINT        NOT NULL,
    last_run_id    BIGINT        NOT NULL,
    run_count      INT           NOT NULL,
    severity       VARCHAR(12)   NOT NULL,
    variant        VARCHAR(40)   NOT NULL,
    enrollment_id  VARCHAR(40),
    household_id   VARCHAR(40),
    id_no          VARCHAR(18),
    card_no        VARCHAR,                  -- B01 lists every card of the holder
    region_code    VARCHAR(12)   NOT NULL,
    period_from    CHAR(7),
    period_to      CHAR(7),
    amount_at_risk NUMERIC(14,2) NOT NULL,
    owed           NUMERIC(14,2),
    explanation    VARCHAR       NOT NULL,
    evidence       VARCHAR       NOT NULL,
    CONSTRAINT uq_clue_identity UNIQUE (rule, subject)
);
CREATE INDEX ix_clue_last_run ON clue (last_run_id);
CREATE INDEX ix_clue_region ON clue (region_code);

-- What each run found, exactly as found (a later run never changes it): the clue's fields of that run.
-- seq is the clue's position in the run's clues.csv order (rule, then subject, as Java compares them; the
-- database's collation may order text otherwise). clue_id: its identity (one rule + subject, one clue).
-- town_code: the first 9 digits of region_code and 000.
-- The indexes serve the clue screen over 100,000+ clues of a run: filter by rule, severity, region (a prefix,
-- as a range of 12-digit codes), sort by amount or region, page.
CREATE TABLE check_run_clue (
    run_id         BIGINT        NOT NULL,
    seq            INT           NOT NULL,
    clue_id        BIGINT        NOT NULL,
    rule           VARCHAR(8)    NOT NULL,
    subject        VARCHAR(200)  NOT NULL,
    severity       VARCHAR(12)   NOT NULL,
    variant        VARCHAR(40)   NOT NULL,
    enrollment_id  VARCHAR(40),
    household_id   VARCHAR(40),
    id_no          VARCHAR(18),
    card_no        VARCHAR,
    region_code    VARCHAR(12)   NOT NULL,
    town_code      VARCHAR(12)   NOT NULL,
    period_from    CHAR(7),
    period_to      CHAR(7),
    amount_at_risk NUMERIC(14,2) NOT NULL,
    owed           NUMERIC(14,2),
    explanation    VARCHAR       NOT NULL,
    evidence       VARCHAR       NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE UNIQUE INDEX ux_check_run_clue_clue ON check_run_clue (clue_id, run_id);
CREATE INDEX ix_check_run_clue_rule ON check_run_clue (run_id, rule, seq);
CREATE INDEX ix_check_run_clue_severity ON check_run_clue (run_id, severity, seq);
CREATE INDEX ix_check_run_clue_region ON check_run_clue (run_id, region_code, seq);
CREATE INDEX ix_check_run_clue_amount ON check_run_clue (run_id, amount_at_risk, seq);

-- One row, locked (SELECT ... FOR UPDATE NOWAIT) for the whole of a check run by the process running it: one
-- run at a time, also when several processes share the database. The lock goes with the connection, so a run
-- whose process died does not block the next one; that run's RUNNING row is then marked FAILED.
CREATE TABLE check_lock (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO check_lock (id) VALUES (1);
