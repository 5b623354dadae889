-- The problem ledger 问题台账 (module sunshine.ledger). Runs unchanged on H2 2.x (MODE=PostgreSQL) and PostgreSQL.
--
-- ledger_item: one row per problem, whatever its source: a clue of the cross-check (source CHECK, identity
--   rule + subject, followed across check runs), a complaint or tip (COMPLAINT, rule 'COMPLAINT', subject its
--   complaint number), a problem found by a random inspection or a campaign (INSPECTION, CAMPAIGN).
--   status follows the life cycle of sunshine.ledger.LedgerLifeCycle; responsible_region is the unit that must
--   act now (the town; the county for reviews and for unassigned items; one level up per escalation), deadline
--   when it must have acted. version is the optimistic lock: every change is
--   UPDATE ... SET version = version + 1 WHERE id = ? AND version = ?, so no concurrent change is ever lost.
--   Money: NUMERIC(14,2) yuan; amount_recovered never exceeds amount_to_recover (also checked here).
-- ledger_history: who did what, when and why; append-only (the application only inserts; on PostgreSQL a
--   trigger refuses UPDATE and DELETE, see db/vendor/postgresql).
-- ledger_evidence: the clue of every check run that found the item (kind CLUE, one per run) and files attached
--   by staff (kind FILE, stored content-addressed under <data-dir>/evidence by SM3 hash).
-- ledger_action: rectification actions (stop or adjust the benefit, recovery, filing, transfer to discipline
--   inspection with its later outcome).
-- ledger_complaint: what a complainant said; the tracking code is kept only as its SM3 hash.

CREATE SEQUENCE ledger_item_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE ledger_history_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE ledger_evidence_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE ledger_action_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE ledger_item (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    source             VARCHAR(12)   NOT NULL,
    rule               VARCHAR(20)   NOT NULL,   -- the rule's code (A01 ...), COMPLAINT, or the problem type
    subject            VARCHAR(200)  NOT NULL,
    severity           VARCHAR(8)    NOT NULL,
    variant            VARCHAR(40)   NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    region_code        VARCHAR(12)   NOT NULL,   -- the household's village (or the town, the county)
    town_code          VARCHAR(12),              -- the town it is assigned to; null while NEW
    responsible_region VARCHAR(12)   NOT NULL,   -- who must act now
    escalations        INT           NOT NULL,   -- how often it was escalated for being overdue
    deadline           TIMESTAMP WITH TIME ZONE, -- null once DISMISSED or CLOSED
    program            VARCHAR(24),
    enrollment_id      VARCHAR(40),
    household_id       VARCHAR(40),
    id_no              VARCHAR(18),
    card_no            VARCHAR(400),
    period_from        CHAR(7),
    period_to          CHAR(7),
    amount_at_risk     NUMERIC(14,2) NOT NULL,   -- as the latest finding says
    owed               NUMERIC(14,2),
    amount_to_recover  NUMERIC(14,2),            -- set when confirmed
    amount_recovered   NUMERIC(14,2) NOT NULL,
    explanation        VARCHAR(2000),
    finding            VARCHAR(4000),            -- what verification established
    recurrences        INT           NOT NULL,   -- how often it fired again after being closed
    first_run_id       BIGINT,
    last_run_id        BIGINT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at          TIMESTAMP WITH TIME ZONE,
    version            BIGINT        NOT NULL,
    CONSTRAINT uq_ledger_item_identity UNIQUE (rule, subject),
    CONSTRAINT ck_ledger_item_source CHECK (source IN ('CHECK', 'COMPLAINT', 'INSPECTION', 'CAMPAIGN')),
    CONSTRAINT ck_ledger_item_status CHECK (status IN ('NEW', 'ASSIGNED', 'VERIFYING', 'DISMISSAL_REVIEW',
        'DISMISSED', 'CONFIRMED', 'RECTIFYING', 'REVIEW', 'CLOSED')),
    CONSTRAINT ck_ledger_item_severity CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    CONSTRAINT ck_ledger_item_recovered CHECK (amount_recovered >= 0
        AND (amount_recovered = 0 OR (amount_to_recover IS NOT NULL AND amount_recovered <= amount_to_recover)))
);
CREATE INDEX ix_ledger_item_region ON ledger_item (region_code);
CREATE INDEX ix_ledger_item_deadline ON ledger_item (status, deadline);
CREATE INDEX ix_ledger_item_created ON ledger_item (created_at);

CREATE TABLE ledger_history (
    id           BIGINT        NOT NULL PRIMARY KEY,
    item_id      BIGINT        NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id     VARCHAR(100)  NOT NULL,
    actor_name   VARCHAR(100),
    actor_role   VARCHAR(16)   NOT NULL,
    actor_region VARCHAR(12)   NOT NULL,
    action       VARCHAR(32)   NOT NULL,   -- a LedgerStep, or CREATED, EVIDENCE_ADDED, REOPENED_RECURRENCE, ESCALATED ...
    from_status  VARCHAR(20),
    to_status    VARCHAR(20),
    reason       VARCHAR(4000),            -- why, in the actor's words
    details      VARCHAR(8000),            -- what, as JSON
    CONSTRAINT fk_ledger_history_item FOREIGN KEY (item_id) REFERENCES ledger_item (id)
);
CREATE INDEX ix_ledger_history_item ON ledger_history (item_id, id);

CREATE TABLE ledger_evidence (
    id            BIGINT        NOT NULL PRIMARY KEY,
    item_id       BIGINT        NOT NULL,
    kind          VARCHAR(8)    NOT NULL,
    run_id        BIGINT,                  -- CLUE: the check run
    clue          VARCHAR(100000),         -- CLUE: the clue as the run found it (JSON)
    content_hash  VARCHAR(64),             -- FILE: SM3 of the bytes, names the stored file
    size_bytes    BIGINT,
    media_type    VARCHAR(100),            -- FILE: the type its content shows (never the name's or the client's)
    original_name VARCHAR(255),            -- FILE: the name it was uploaded with, as metadata only
    note          VARCHAR(2000),
    added_by      VARCHAR(100)  NOT NULL,
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_ledger_evidence_item FOREIGN KEY (item_id) REFERENCES ledger_item (id),
    CONSTRAINT uq_ledger_evidence_run UNIQUE (item_id, run_id),
    CONSTRAINT ck_ledger_evidence_kind CHECK (kind IN ('CLUE', 'FILE'))
);

CREATE TABLE ledger_action (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    item_id             BIGINT        NOT NULL,
    kind                VARCHAR(24)   NOT NULL,
    action_date         DATE          NOT NULL,
    amount              NUMERIC(14,2),           -- RECOVERY: the amount recovered; ADJUST_BENEFIT: the new monthly amount
    reference           VARCHAR(100),            -- decision, receipt, filing or transfer number
    body                VARCHAR(200),            -- FILING: the level filed with; DISCIPLINE_TRANSFER: the receiving body
    note                VARCHAR(2000),
    recorded_by         VARCHAR(100)  NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome             VARCHAR(2000),           -- DISCIPLINE_TRANSFER: what discipline inspection decided
    outcome_date        DATE,
    people_handled      INT,
    outcome_recorded_by VARCHAR(100),
    CONSTRAINT fk_ledger_action_item FOREIGN KEY (item_id) REFERENCES ledger_item (id),
    CONSTRAINT ck_ledger_action_kind CHECK (kind IN ('STOP_BENEFIT', 'ADJUST_BENEFIT', 'RECOVERY', 'FILING',
        'DISCIPLINE_TRANSFER'))
);
CREATE INDEX ix_ledger_action_item ON ledger_action (item_id, id);

CREATE TABLE ledger_complaint (
    item_id             BIGINT        NOT NULL PRIMARY KEY,
    channel             VARCHAR(12)   NOT NULL,   -- PUBLIC (the web form), HOTLINE (entered by staff)
    tracking_hash       VARCHAR(64)   NOT NULL,   -- SM3 of the tracking code
    content             VARCHAR(4000) NOT NULL,
    about_name          VARCHAR(60),
    about_id_no         VARCHAR(18),
    complainant_name    VARCHAR(60),
    complainant_contact VARCHAR(60),
    received_by         VARCHAR(100),
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_ledger_complaint_item FOREIGN KEY (item_id) REFERENCES ledger_item (id),
    CONSTRAINT uq_ledger_complaint_tracking UNIQUE (tracking_hash)
);
