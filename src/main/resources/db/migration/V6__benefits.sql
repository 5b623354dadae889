-- The benefit business (modules sunshine.applications and sunshine.payments): applications (三审三公示), the
-- monthly payment cycle (发放) and the history of every decision in both.
--
-- What the business decides lands in the registry tables of V1 (enrollments, enrollment_members, households,
-- persons, cards, filings, payroll_submissions, payments, bank_receipts), so that the check engine reads it like
-- imported data; those rows carry import_id 0 and a source_row from platform_row_seq (sunshine.registry.PlatformRows).
-- The guarantees of the payment cycle are constraints here, not only checks in Java:
--   * a batch is paid (exported) at most once: payment_export's primary key is the batch;
--   * a person is in at most one batch of a program and month: payroll_claim's primary key is (program, period,
--     id_no); a re-issue moves the claim of a failed payment to the new batch, it never adds one;
--   * a failed payment is re-issued at most once: payment_batch_line.reissue_of is unique.
-- Runs unchanged on H2 2.x (MODE=PostgreSQL) and PostgreSQL 15.

CREATE SEQUENCE platform_row_seq START WITH 1 INCREMENT BY 1;

-- ---------------------------------------------------------------- applications 申请审批

CREATE SEQUENCE application_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE application (
    application_id      VARCHAR(40)   NOT NULL PRIMARY KEY,
    program             VARCHAR(24)   NOT NULL,
    status              VARCHAR(24)   NOT NULL,
    region_code         VARCHAR(12)   NOT NULL,            -- the household's village
    urban_rural         VARCHAR(24)   NOT NULL,
    household_id        VARCHAR(40)   NOT NULL,
    new_household       BOOLEAN       NOT NULL,
    address             VARCHAR(200),
    applicant_id_no     VARCHAR(18)   NOT NULL,
    payee_id_no         VARCHAR(18)   NOT NULL,
    card_no             VARCHAR(40),
    bank                VARCHAR(100),
    declared_income     NUMERIC(14,2),                     -- household's monthly income, as declared
    verified_income     NUMERIC(14,2),                     -- as the home visit found it
    special_case        BOOLEAN       NOT NULL,            -- 45 working days instead of 30
    special_reason      VARCHAR(500),
    approval_level      VARCHAR(12)   NOT NULL,            -- TOWN, COUNTY, CITY, PROVINCE
    relative_case       BOOLEAN       NOT NULL,            -- a covered member is staff or a close relative of staff
    complaints          INT           NOT NULL,
    county_visit_reason VARCHAR(12),                       -- RELATIVE, COMPLAINT, RANDOM; null: not required
    county_visit_draw   INT,                               -- the reproducible draw (0-9999) for the random 30%
    county_visited      BOOLEAN       NOT NULL,
    stable              BOOLEAN,                           -- reviewed yearly (true) or every six months
    monthly_amount      NUMERIC(14,2),
    per_capita_income   NUMERIC(14,2),
    calculation         VARCHAR(4000),                     -- JSON: how the amount was computed
    override_reason     VARCHAR(500),
    approved_date       DATE,
    start_month         CHAR(7),
    approver_id_no      VARCHAR(18),
    investigator_id_no  VARCHAR(18),
    notice_from         DATE,                              -- the running notice, inclusive
    notice_to           DATE,
    rejected_from       VARCHAR(24),                       -- the status the case had when it was rejected
    rejection_reason    VARCHAR(1000),
    refusal_notified_on DATE,
    appeals             INT           NOT NULL,
    enrollment_id       VARCHAR(40),
    checked_on          TIMESTAMP WITH TIME ZONE,
    check_error         VARCHAR(2000),
    applied_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at         TIMESTAMP WITH TIME ZONE,
    town_reviewed_at    TIMESTAMP WITH TIME ZONE,
    county_received_on  DATE,                              -- the county's 10 working days run from here
    decided_at          TIMESTAMP WITH TIME ZONE,          -- approved or rejected
    rejected_at         TIMESTAMP WITH TIME ZONE,
    enrolled_at         TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT ck_application_status CHECK (status IN ('APPLIED', 'ACCEPTED', 'CHECKED', 'VISITED', 'APPRAISED',
        'VILLAGE_NOTICE', 'TOWN_REVIEWED', 'TOWN_NOTICE', 'APPROVED', 'APPROVAL_NOTICE', 'ENROLLED', 'REJECTED')),
    CONSTRAINT ck_application_appeals CHECK (appeals BETWEEN 0 AND 1),
    CONSTRAINT uq_application_enrollment UNIQUE (enrollment_id)
);
CREATE INDEX ix_application_region ON application (region_code, status);
CREATE INDEX ix_application_status ON application (status);

-- one open application per household and program: a second one is refused by the key, also when two arrive at once
CREATE TABLE application_open (
    household_id   VARCHAR(40) NOT NULL,
    program        VARCHAR(24) NOT NULL,
    application_id VARCHAR(40) NOT NULL,
    PRIMARY KEY (household_id, program)
);

CREATE TABLE application_member (
    application_id   VARCHAR(40)  NOT NULL,
    id_no            VARCHAR(18)  NOT NULL,
    name             VARCHAR(60)  NOT NULL,
    relation         VARCHAR(24),
    disability_level INT,
    covered          BOOLEAN      NOT NULL,
    in_registry      BOOLEAN      NOT NULL,                -- already in persons when the application was made
    PRIMARY KEY (application_id, id_no)
);

-- staff among the covered members, or staff whose close relatives they are (found in staff / staff_relatives)
CREATE TABLE application_staff_link (
    application_id VARCHAR(40) NOT NULL,
    member_id_no   VARCHAR(18) NOT NULL,
    staff_id_no    VARCHAR(18) NOT NULL,
    staff_level    VARCHAR(12) NOT NULL,
    relation       VARCHAR(24) NOT NULL,                   -- SELF or the staff_relatives relation
    filing_id      VARCHAR(40),                            -- the RELATIVE filing made when the case was enrolled
    PRIMARY KEY (application_id, member_id_no, staff_id_no)
);

-- the economic check's findings (A-rules run on the household before anyone visits)
CREATE TABLE application_finding (
    application_id VARCHAR(40)   NOT NULL,
    seq            INT           NOT NULL,
    rule           VARCHAR(8)    NOT NULL,
    rule_name      VARCHAR(100)  NOT NULL,
    severity       VARCHAR(12)   NOT NULL,
    variant        VARCHAR(40),
    subject        VARCHAR(200)  NOT NULL,
    id_no          VARCHAR(18),
    explanation    VARCHAR(2000),
    evidence       VARCHAR(100000),
    PRIMARY KEY (application_id, seq)
);

CREATE TABLE application_visit (
    application_id VARCHAR(40)   NOT NULL,
    seq            INT           NOT NULL,
    level          VARCHAR(12)   NOT NULL,                 -- TOWN (the home visit) or COUNTY (the county's)
    visit_date     DATE          NOT NULL,
    investigators  VARCHAR(400)  NOT NULL,                 -- ID numbers, comma-separated, at least two
    findings       VARCHAR(4000) NOT NULL,
    PRIMARY KEY (application_id, seq)
);

CREATE TABLE application_notice (
    application_id VARCHAR(40)   NOT NULL,
    seq            INT           NOT NULL,
    kind           VARCHAR(24)   NOT NULL,                 -- VILLAGE_NOTICE, TOWN_NOTICE, APPROVAL_NOTICE
    notice_from    DATE          NOT NULL,
    notice_to      DATE          NOT NULL,
    outcome        VARCHAR(12),                            -- PASSED, OBJECTED; null while it runs
    objection      VARCHAR(2000),
    PRIMARY KEY (application_id, seq)
);

-- every decision on an application: who, when, what, why
CREATE TABLE application_event (
    application_id VARCHAR(40)   NOT NULL,
    seq            INT           NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id        VARCHAR(100)  NOT NULL,
    user_name      VARCHAR(100)  NOT NULL,
    user_role      VARCHAR(24)   NOT NULL,
    action         VARCHAR(24)   NOT NULL,
    from_status    VARCHAR(24),
    to_status      VARCHAR(24)   NOT NULL,
    reason         VARCHAR(2000),
    detail         VARCHAR(100000),
    PRIMARY KEY (application_id, seq)
);

-- periodic reviews of enrolled households (复核)
CREATE TABLE enrollment_profile (
    enrollment_id  VARCHAR(40) NOT NULL PRIMARY KEY,
    stable         BOOLEAN     NOT NULL,
    application_id VARCHAR(40)
);

CREATE SEQUENCE enrollment_review_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE enrollment_review (
    review_id      BIGINT        NOT NULL PRIMARY KEY,
    enrollment_id  VARCHAR(40)   NOT NULL,
    reviewed_on    DATE          NOT NULL,
    outcome        VARCHAR(12)   NOT NULL,                 -- CONTINUE, ADJUST, SUSPEND, RESUME, TERMINATE; RERATE (a new standard)
    reason         VARCHAR(2000) NOT NULL,
    old_status     VARCHAR(24)   NOT NULL,
    new_status     VARCHAR(24)   NOT NULL,
    old_amount     NUMERIC(14,2) NOT NULL,
    new_amount     NUMERIC(14,2) NOT NULL,
    end_month      CHAR(7),
    stable         BOOLEAN       NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id        VARCHAR(100)  NOT NULL,
    user_name      VARCHAR(100)  NOT NULL,
    user_role      VARCHAR(24)   NOT NULL
);
CREATE INDEX ix_enrollment_review_enrollment ON enrollment_review (enrollment_id, reviewed_on);

-- ---------------------------------------------------------------- payment cycle 发放

CREATE TABLE payment_batch (
    batch_id        VARCHAR(40)   NOT NULL PRIMARY KEY,
    kind            VARCHAR(12)   NOT NULL,                -- REGULAR (the town's month), SUPPLEMENT, REISSUE
    town_code       VARCHAR(12)   NOT NULL,
    period          CHAR(7)       NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    line_count      INT           NOT NULL,                -- control totals of the platform's list
    total           NUMERIC(16,2) NOT NULL,
    submission      VARCHAR(12),                           -- CONFIRMED (the platform's list) or UPLOADED
    submission_file VARCHAR(500),
    submitted_count INT,
    submitted_total NUMERIC(16,2),
    blocking        INT           NOT NULL,                -- C07 clues that block it, after the last pre-check
    reissue_of      VARCHAR(40),                           -- the batch whose failed payments it pays again
    pay_date        DATE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT ck_payment_batch_kind CHECK (kind IN ('REGULAR', 'SUPPLEMENT', 'REISSUE')),
    CONSTRAINT ck_payment_batch_status CHECK (status IN ('GENERATED', 'SUBMITTED', 'BLOCKED', 'PRECHECKED',
        'APPROVED', 'EXPORTED', 'RECONCILED', 'CANCELLED'))
);
CREATE INDEX ix_payment_batch_period ON payment_batch (period, town_code);

-- the list a batch pays: the platform's list, replaced by the town's own list when it uploads one
CREATE TABLE payment_batch_line (
    batch_id      VARCHAR(40)   NOT NULL,
    line_no       INT           NOT NULL,
    enrollment_id VARCHAR(40)   NOT NULL,
    program       VARCHAR(24),                             -- null: no such enrollment (the pre-check blocks it)
    region_code   VARCHAR(12),                             -- the household's village
    payee_id_no   VARCHAR(18)   NOT NULL,
    payee_name    VARCHAR(60),
    amount        NUMERIC(14,2) NOT NULL,
    card_no       VARCHAR(40)   NOT NULL,
    bank          VARCHAR(100),
    reissue_of    VARCHAR(40),                             -- the failed payment this line pays again
    payment_id    VARCHAR(40),                             -- set when the batch is exported
    PRIMARY KEY (batch_id, line_no),
    CONSTRAINT uq_payment_batch_line_payment UNIQUE (payment_id),
    CONSTRAINT uq_payment_batch_line_reissue UNIQUE (reissue_of)
);
CREATE INDEX ix_payment_batch_line_enrollment ON payment_batch_line (enrollment_id);

-- due enrollments the platform could not put on the list (no usable subsidy card)
CREATE TABLE payment_batch_exception (
    batch_id      VARCHAR(40)  NOT NULL,
    enrollment_id VARCHAR(40)  NOT NULL,
    reason        VARCHAR(24)  NOT NULL,
    PRIMARY KEY (batch_id, enrollment_id)
);

-- who is paid by which batch for a program and month: one batch per person, enforced by the key
CREATE TABLE payroll_claim (
    program       VARCHAR(24) NOT NULL,
    period        CHAR(7)     NOT NULL,
    id_no         VARCHAR(18) NOT NULL,
    batch_id      VARCHAR(40) NOT NULL,
    enrollment_id VARCHAR(40) NOT NULL,
    PRIMARY KEY (program, period, id_no)
);
CREATE INDEX ix_payroll_claim_batch ON payroll_claim (batch_id);

-- a batch is paid once: the export inserts this row, a second export of the batch fails on the key
CREATE TABLE payment_export (
    batch_id      VARCHAR(40)   NOT NULL PRIMARY KEY,
    exported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    exported_by   VARCHAR(100)  NOT NULL,
    pay_date      DATE          NOT NULL,
    layout        VARCHAR(40)   NOT NULL,
    payment_count INT           NOT NULL,
    total         NUMERIC(16,2) NOT NULL,
    csv_file      VARCHAR(1000) NOT NULL,                  -- relative to the data directory
    xlsx_file     VARCHAR(1000) NOT NULL,
    csv_sm3       VARCHAR(64)   NOT NULL
);

-- the pre-check's (C07) and the reconciliation's (C08) clues about a batch, as of their last run
CREATE TABLE payment_batch_clue (
    batch_id      VARCHAR(40)   NOT NULL,
    stage         VARCHAR(12)   NOT NULL,                  -- PRECHECK or RECONCILE
    seq           INT           NOT NULL,
    rule          VARCHAR(8)    NOT NULL,
    variant       VARCHAR(24),
    severity      VARCHAR(12)   NOT NULL,
    subject       VARCHAR(200)  NOT NULL,
    enrollment_id VARCHAR(40),
    amount_at_risk NUMERIC(14,2) NOT NULL,
    owed          NUMERIC(14,2),
    explanation   VARCHAR(2000),
    evidence      VARCHAR(100000),
    blocking      BOOLEAN       NOT NULL,
    note          VARCHAR(500),                            -- why a clue does not block
    PRIMARY KEY (batch_id, stage, seq)
);

CREATE SEQUENCE receipt_file_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE payment_receipt_file (
    receipt_file_id BIGINT        NOT NULL PRIMARY KEY,
    batch_id        VARCHAR(40)   NOT NULL,
    file_name       VARCHAR(500)  NOT NULL,
    content_sm3     VARCHAR(64)   NOT NULL,
    format          VARCHAR(16),
    row_count       INT           NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by     VARCHAR(100)  NOT NULL,
    CONSTRAINT uq_payment_receipt_file UNIQUE (batch_id, content_sm3)
);

-- every decision on a batch: who, when, what, why
CREATE TABLE payment_batch_event (
    batch_id    VARCHAR(40)   NOT NULL,
    seq         INT           NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id     VARCHAR(100)  NOT NULL,
    user_name   VARCHAR(100)  NOT NULL,
    user_role   VARCHAR(24)   NOT NULL,
    action      VARCHAR(24)   NOT NULL,
    from_status VARCHAR(16),
    to_status   VARCHAR(16)   NOT NULL,
    reason      VARCHAR(2000),
    detail      VARCHAR(100000),
    PRIMARY KEY (batch_id, seq)
);
