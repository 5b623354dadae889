-- Public notices 公示 (module sunshine.disclosure). Runs unchanged on H2 2.x (MODE=PostgreSQL) and PostgreSQL.
--
-- notice_key: every SM2 public key that signed a notice, by fingerprint (the SM3 hash of its DER form), so that
--   a publication stays verifiable after the key is replaced.
-- notice_publication: one row per published version of a village's list of one program. content is the
--   canonical text (sunshine.disclosure.NoticeFormat, docs/verify-public-notice.md) exactly as hashed and signed:
--   hash = SM3(UTF-8 bytes of content); previous_hash is the previous version's hash (64 zeros for version 1) and
--   is also written inside content, so the versions of a list form a hash chain; signature is the SM2 signature
--   (SM3, signer ID 1234567812345678, DER, Base64) of the same bytes. audit_seq is the audit record entry
--   (NOTICE_PUBLISHED) written in the same transaction. published_by is the staff account (never published).
--   Rows are only inserted: on PostgreSQL a trigger refuses UPDATE and DELETE (db/vendor/postgresql).

CREATE TABLE notice_key (
    fingerprint   VARCHAR(64)   NOT NULL PRIMARY KEY,
    public_key    VARCHAR(1000) NOT NULL,   -- PEM (SubjectPublicKeyInfo)
    first_used_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE notice_publication_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE notice_publication (
    id               BIGINT        NOT NULL PRIMARY KEY,
    village_code     VARCHAR(12)   NOT NULL,
    program          VARCHAR(24)   NOT NULL,
    version          INT           NOT NULL,
    published_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by     VARCHAR(100)  NOT NULL,
    publisher_region VARCHAR(12)   NOT NULL,
    households       INT           NOT NULL,
    covered_members  INT           NOT NULL,
    monthly_total    NUMERIC(16,2) NOT NULL,
    content          TEXT          NOT NULL,
    hash             VARCHAR(64)   NOT NULL,
    previous_hash    VARCHAR(64)   NOT NULL,
    signature        VARCHAR(200)  NOT NULL,
    key_fingerprint  VARCHAR(64)   NOT NULL REFERENCES notice_key (fingerprint),
    audit_seq        BIGINT        NOT NULL,
    -- one version n per list: two publishers at the same moment cannot fork a chain
    CONSTRAINT uq_notice_publication_version UNIQUE (village_code, program, version),
    CONSTRAINT uq_notice_publication_hash UNIQUE (hash),
    CONSTRAINT ck_notice_publication_version CHECK (version >= 1)
);
CREATE INDEX ix_notice_publication_village ON notice_publication (village_code, program);
