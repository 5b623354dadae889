-- Users, the tamper-evident audit record, and the region an import was made for
-- (modules sunshine.security and sunshine.audit; one column of sunshine.imports).

-- user_account: who may sign in. The password only as a hash, with its algorithm ({bcrypt}$2a$10$...).
-- failed_attempts counts wrong passwords since the last success or lockout; a lockout lasts until locked_until.
CREATE TABLE user_account (
    username        VARCHAR(64)   NOT NULL PRIMARY KEY,
    display_name    VARCHAR(100)  NOT NULL,
    password_hash   VARCHAR(500)  NOT NULL,
    role            VARCHAR(20)   NOT NULL,
    region_code     VARCHAR(12)   NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    failed_attempts INT           NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE,
    locked_until    TIMESTAMP WITH TIME ZONE,
    last_sign_in_at TIMESTAMP WITH TIME ZONE,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    CONSTRAINT ck_user_account_role CHECK (role IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWN', 'VILLAGE', 'DISCIPLINE',
                                                    'AUDIT', 'ADMIN'))
);
CREATE INDEX ix_user_account_region ON user_account (region_code);

-- audit_entry: the append-only record of every fund movement and decision. Entry n carries
--   hash = SM3( previous_hash || content(n) )
-- where previous_hash is entry n-1's hash (64 zeros for the first) and content(n) the entry's fields in a fixed
-- form (see sunshine.audit). Changing, inserting or deleting an entry breaks the chain from there on.
CREATE TABLE audit_entry (
    seq           BIGINT        NOT NULL PRIMARY KEY,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id      VARCHAR(100)  NOT NULL,
    actor_role    VARCHAR(20),
    actor_region  VARCHAR(12),
    action        VARCHAR(60)   NOT NULL,
    subject       VARCHAR(500)  NOT NULL,
    details       TEXT          NOT NULL,   -- JSON, keys sorted
    previous_hash VARCHAR(64)   NOT NULL,
    hash          VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_audit_entry_action ON audit_entry (action, seq);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor_id, seq);

-- The head of the chain: the last entry's number and hash, updated with every append, and locked
-- (SELECT ... FOR UPDATE) by it, so that entries are appended one at a time, also across processes. It also
-- tells when entries were cut off the end of the chain.
CREATE TABLE audit_head (
    id        INT          NOT NULL PRIMARY KEY,
    last_seq  BIGINT       NOT NULL,
    last_hash VARCHAR(64)  NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- imports: the region of the user who made an import (null: the platform's own, from the command line or the
-- demo). Import runs and their error reports are shown by it.
ALTER TABLE import_run ADD COLUMN region_code VARCHAR(12);
