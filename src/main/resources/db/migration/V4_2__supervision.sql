-- Supervision (module sunshine.supervision): random inspections (双随机一公开, workflows.md §4) and campaigns
-- (专项治理, §5). Runs unchanged on H2 2.x (MODE=PostgreSQL) and PostgreSQL.
--
-- inspection_plan: one random inspection. Created ANNOUNCED: its announcement, draw date and pools are public from
--   then on and never change (pool_hash, SHA-256 of the canonical pool text, binds them). DRAWN: seed (SHA-256 of
--   the announcement, draw date, pool hash and beacon) and the sample are stored; anyone can replay the draw.
--   PUBLISHED: the results are public too. version: optimistic lock.
-- inspection_target / inspection_inspector: the pools; drawn_order: the target's place in the sample (null: not drawn).
-- inspection_assignment: the inspectors drawn for each sampled target.
-- inspection_result: what the inspection of a sampled target found; problems go to the ledger (ledger_item_ids).
-- campaign, campaign_region, campaign_stage: a campaign's scope (regions, programs, period) and its stages.

CREATE SEQUENCE inspection_plan_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE campaign_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE inspection_plan (
    id                    BIGINT        NOT NULL PRIMARY KEY,
    name                  VARCHAR(200)  NOT NULL,
    region_code           VARCHAR(12)   NOT NULL,
    target_kind           VARCHAR(12)   NOT NULL,
    announcement          VARCHAR(4000) NOT NULL,
    draw_date             DATE          NOT NULL,
    pool_hash             VARCHAR(64)   NOT NULL,
    sample_mode           VARCHAR(10)   NOT NULL,
    sample_size           INT           NOT NULL,
    confidence            NUMERIC(6,4),
    margin                NUMERIC(6,4),
    proportion            NUMERIC(6,4),
    inspectors_per_target INT           NOT NULL,
    status                VARCHAR(12)   NOT NULL,
    beacon                VARCHAR(200),
    seed                  VARCHAR(64),
    created_by            VARCHAR(100)  NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    drawn_by              VARCHAR(100),
    drawn_at              TIMESTAMP WITH TIME ZONE,
    published_at          TIMESTAMP WITH TIME ZONE,
    version               BIGINT        NOT NULL,
    CONSTRAINT ck_inspection_plan_kind CHECK (target_kind IN ('TOWN', 'VILLAGE', 'HOUSEHOLD', 'ENROLLMENT')),
    CONSTRAINT ck_inspection_plan_status CHECK (status IN ('ANNOUNCED', 'DRAWN', 'PUBLISHED')),
    CONSTRAINT ck_inspection_plan_mode CHECK (sample_mode IN ('FIXED', 'COMPUTED'))
);
CREATE INDEX ix_inspection_plan_region ON inspection_plan (region_code);

CREATE TABLE inspection_target (
    plan_id     BIGINT       NOT NULL,
    target_id   VARCHAR(40)  NOT NULL,
    region_code VARCHAR(12)  NOT NULL,
    label       VARCHAR(200),
    drawn_order INT,
    PRIMARY KEY (plan_id, target_id),
    CONSTRAINT fk_inspection_target_plan FOREIGN KEY (plan_id) REFERENCES inspection_plan (id)
);

CREATE TABLE inspection_inspector (
    plan_id      BIGINT      NOT NULL,
    inspector_id VARCHAR(40) NOT NULL,
    name         VARCHAR(60) NOT NULL,
    region_code  VARCHAR(12) NOT NULL,
    PRIMARY KEY (plan_id, inspector_id),
    CONSTRAINT fk_inspection_inspector_plan FOREIGN KEY (plan_id) REFERENCES inspection_plan (id)
);

CREATE TABLE inspection_assignment (
    plan_id      BIGINT      NOT NULL,
    target_id    VARCHAR(40) NOT NULL,
    position     INT         NOT NULL,
    inspector_id VARCHAR(40) NOT NULL,
    PRIMARY KEY (plan_id, target_id, position),
    CONSTRAINT fk_inspection_assignment_plan FOREIGN KEY (plan_id) REFERENCES inspection_plan (id)
);

CREATE TABLE inspection_result (
    plan_id         BIGINT        NOT NULL,
    target_id       VARCHAR(40)   NOT NULL,
    outcome         VARCHAR(12)   NOT NULL,
    inspected_on    DATE          NOT NULL,
    findings        VARCHAR(4000),
    public_summary  VARCHAR(400),
    ledger_item_ids VARCHAR(1000),
    recorded_by     VARCHAR(100)  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plan_id, target_id),
    CONSTRAINT fk_inspection_result_plan FOREIGN KEY (plan_id) REFERENCES inspection_plan (id),
    CONSTRAINT ck_inspection_result_outcome CHECK (outcome IN ('NO_PROBLEM', 'PROBLEM'))
);

CREATE TABLE campaign (
    id           BIGINT        NOT NULL PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    owner_region VARCHAR(12)   NOT NULL,   -- the region of whoever created it
    programs     VARCHAR(400),             -- comma-separated; empty: every program
    period_from  DATE          NOT NULL,
    period_to    DATE          NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE campaign_region (
    campaign_id BIGINT      NOT NULL,
    region_code VARCHAR(12) NOT NULL,
    PRIMARY KEY (campaign_id, region_code),
    CONSTRAINT fk_campaign_region FOREIGN KEY (campaign_id) REFERENCES campaign (id)
);

CREATE TABLE campaign_stage (
    campaign_id BIGINT      NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    starts_on   DATE        NOT NULL,
    ends_on     DATE        NOT NULL,
    PRIMARY KEY (campaign_id, kind),
    CONSTRAINT fk_campaign_stage FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT ck_campaign_stage_kind CHECK (kind IN ('SELF_CHECK', 'FULL_INSPECTION', 'KEY_SPOT_CHECK',
        'RECTIFICATION'))
);
