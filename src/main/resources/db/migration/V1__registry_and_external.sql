-- One table per dataset of the data contract (src/main/resources/contract/datasets.yaml):
-- table name = dataset name, column names = the contract's English column names.
-- Types: ID VARCHAR(18), REGION VARCHAR(12), DATE DATE, MONTH CHAR(7) 'YYYY-MM' (sorts correctly),
-- MONEY and DECIMAL NUMERIC(14,2), INTEGER BIGINT, ENUM VARCHAR(24), TEXT VARCHAR(length).
-- Every row also records the import run that loaded it (import_id) and its spreadsheet row (source_row).
--
-- No unique constraints: the importer checks keys in SQL so that every duplicate is reported with its row
-- (a constraint would stop at the first). The indexes serve those checks, the referential checks and the
-- cross-check joins (keys, reference columns, id_no of the external datasets, period, import).
-- Runs unchanged on H2 2.x (MODE=PostgreSQL) and PostgreSQL 15; SchemaMatchesContractTest keeps it in step
-- with datasets.yaml.

-- ---------------------------------------------------------------- registry datasets

-- regions 行政区划 (REGISTRY)
CREATE TABLE regions (
    code        VARCHAR(12) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    level       VARCHAR(24) NOT NULL,
    parent_code VARCHAR(12),
    population  BIGINT,
    import_id   BIGINT NOT NULL,
    source_row  BIGINT NOT NULL
);
CREATE INDEX ix_regions_key ON regions (code);
CREATE INDEX ix_regions_parent_code ON regions (parent_code);
CREATE INDEX ix_regions_import ON regions (import_id, source_row);

-- households 家庭户 (REGISTRY)
CREATE TABLE households (
    household_id VARCHAR(40) NOT NULL,
    region_code  VARCHAR(12) NOT NULL,
    address      VARCHAR(200),
    head_id_no   VARCHAR(18) NOT NULL,
    urban_rural  VARCHAR(24) NOT NULL,
    import_id    BIGINT NOT NULL,
    source_row   BIGINT NOT NULL
);
CREATE INDEX ix_households_key ON households (household_id);
CREATE INDEX ix_households_import ON households (import_id, source_row);

-- persons 人员 (REGISTRY)
CREATE TABLE persons (
    id_no            VARCHAR(18) NOT NULL,
    name             VARCHAR(60) NOT NULL,
    gender           VARCHAR(24),
    birth_date       DATE,
    household_id     VARCHAR(40) NOT NULL,
    relation         VARCHAR(24),
    disability_level BIGINT,
    import_id        BIGINT NOT NULL,
    source_row       BIGINT NOT NULL
);
CREATE INDEX ix_persons_key ON persons (id_no);
CREATE INDEX ix_persons_household_id ON persons (household_id);
CREATE INDEX ix_persons_import ON persons (import_id, source_row);

-- enrollments 保障待遇 (REGISTRY)
CREATE TABLE enrollments (
    enrollment_id      VARCHAR(40) NOT NULL,
    program            VARCHAR(24) NOT NULL,
    household_id       VARCHAR(40) NOT NULL,
    payee_id_no        VARCHAR(18) NOT NULL,
    status             VARCHAR(24) NOT NULL,
    approved_date      DATE NOT NULL,
    start_month        CHAR(7) NOT NULL,
    end_month          CHAR(7),
    monthly_amount     NUMERIC(14,2) NOT NULL,
    per_capita_income  NUMERIC(14,2),
    approver_id_no     VARCHAR(18),
    investigator_id_no VARCHAR(18),
    import_id          BIGINT NOT NULL,
    source_row         BIGINT NOT NULL
);
CREATE INDEX ix_enrollments_key ON enrollments (enrollment_id);
CREATE INDEX ix_enrollments_household_id ON enrollments (household_id);
CREATE INDEX ix_enrollments_import ON enrollments (import_id, source_row);

-- enrollment_members 保障对象 (REGISTRY)
CREATE TABLE enrollment_members (
    enrollment_id VARCHAR(40) NOT NULL,
    id_no         VARCHAR(18) NOT NULL,
    import_id     BIGINT NOT NULL,
    source_row    BIGINT NOT NULL
);
CREATE INDEX ix_enrollment_members_key ON enrollment_members (enrollment_id, id_no);
CREATE INDEX ix_enrollment_members_id_no ON enrollment_members (id_no);
CREATE INDEX ix_enrollment_members_import ON enrollment_members (import_id, source_row);

-- standards 保障标准 (REGISTRY)
CREATE TABLE standards (
    region_code      VARCHAR(12) NOT NULL,
    program          VARCHAR(24) NOT NULL,
    urban_rural      VARCHAR(24),
    effective_month  CHAR(7) NOT NULL,
    monthly_standard NUMERIC(14,2) NOT NULL,
    import_id        BIGINT NOT NULL,
    source_row       BIGINT NOT NULL
);
CREATE INDEX ix_standards_key ON standards (region_code, program, urban_rural, effective_month);
CREATE INDEX ix_standards_import ON standards (import_id, source_row);

-- cards 一卡通 (REGISTRY)
CREATE TABLE cards (
    card_no         VARCHAR(40) NOT NULL,
    bank            VARCHAR(100) NOT NULL,
    holder_id_no    VARCHAR(18) NOT NULL,
    holder_name     VARCHAR(60),
    opened_date     DATE,
    status          VARCHAR(24) NOT NULL,
    purpose         VARCHAR(24),
    custodian_id_no VARCHAR(18),
    import_id       BIGINT NOT NULL,
    source_row      BIGINT NOT NULL
);
CREATE INDEX ix_cards_key ON cards (card_no);
CREATE INDEX ix_cards_import ON cards (import_id, source_row);

-- payments 资金发放 (REGISTRY)
CREATE TABLE payments (
    payment_id    VARCHAR(40) NOT NULL,
    enrollment_id VARCHAR(40) NOT NULL,
    period        CHAR(7) NOT NULL,
    amount        NUMERIC(14,2) NOT NULL,
    channel       VARCHAR(24) NOT NULL,
    card_no       VARCHAR(40),
    paid_date     DATE NOT NULL,
    remark        VARCHAR(200),
    batch_id      VARCHAR(40),
    import_id     BIGINT NOT NULL,
    source_row    BIGINT NOT NULL
);
CREATE INDEX ix_payments_key ON payments (payment_id);
CREATE INDEX ix_payments_enrollment_id ON payments (enrollment_id);
CREATE INDEX ix_payments_card_no ON payments (card_no);
CREATE INDEX ix_payments_period ON payments (period);
CREATE INDEX ix_payments_import ON payments (import_id, source_row);

-- bank_receipts 银行回单 (REGISTRY)
CREATE TABLE bank_receipts (
    payment_id     VARCHAR(40) NOT NULL,
    card_no        VARCHAR(40) NOT NULL,
    amount         NUMERIC(14,2) NOT NULL,
    status         VARCHAR(24) NOT NULL,
    settled_date   DATE NOT NULL,
    failure_reason VARCHAR(200),
    import_id      BIGINT NOT NULL,
    source_row     BIGINT NOT NULL
);
CREATE INDEX ix_bank_receipts_payment_id ON bank_receipts (payment_id);
CREATE INDEX ix_bank_receipts_import ON bank_receipts (import_id, source_row);

-- payroll_submissions 乡镇发放名册 (REGISTRY)
CREATE TABLE payroll_submissions (
    batch_id      VARCHAR(40) NOT NULL,
    region_code   VARCHAR(12) NOT NULL,
    period        CHAR(7) NOT NULL,
    enrollment_id VARCHAR(40) NOT NULL,
    payee_id_no   VARCHAR(18) NOT NULL,
    name          VARCHAR(60),
    amount        NUMERIC(14,2) NOT NULL,
    card_no       VARCHAR(40) NOT NULL,
    import_id     BIGINT NOT NULL,
    source_row    BIGINT NOT NULL
);
CREATE INDEX ix_payroll_submissions_enrollment_id ON payroll_submissions (enrollment_id);
CREATE INDEX ix_payroll_submissions_period ON payroll_submissions (period);
CREATE INDEX ix_payroll_submissions_import ON payroll_submissions (import_id, source_row);

-- staff 工作人员 (REGISTRY)
CREATE TABLE staff (
    id_no       VARCHAR(18) NOT NULL,
    name        VARCHAR(60) NOT NULL,
    role        VARCHAR(24) NOT NULL,
    region_code VARCHAR(12) NOT NULL,
    level       VARCHAR(24) NOT NULL,
    active_from DATE,
    active_to   DATE,
    import_id   BIGINT NOT NULL,
    source_row  BIGINT NOT NULL
);
CREATE INDEX ix_staff_key ON staff (id_no);
CREATE INDEX ix_staff_import ON staff (import_id, source_row);

-- staff_relatives 工作人员近亲属 (REGISTRY)
CREATE TABLE staff_relatives (
    staff_id_no    VARCHAR(18) NOT NULL,
    relative_id_no VARCHAR(18) NOT NULL,
    relation       VARCHAR(24) NOT NULL,
    import_id      BIGINT NOT NULL,
    source_row     BIGINT NOT NULL
);
CREATE INDEX ix_staff_relatives_key ON staff_relatives (staff_id_no, relative_id_no);
CREATE INDEX ix_staff_relatives_import ON staff_relatives (import_id, source_row);

-- filings 备案 (REGISTRY)
CREATE TABLE filings (
    filing_id     VARCHAR(40) NOT NULL,
    kind          VARCHAR(24) NOT NULL,
    subject_id_no VARCHAR(18) NOT NULL,
    related_id_no VARCHAR(18) NOT NULL,
    card_no       VARCHAR(40),
    filed_date    DATE NOT NULL,
    filed_level   VARCHAR(24) NOT NULL,
    import_id     BIGINT NOT NULL,
    source_row    BIGINT NOT NULL
);
CREATE INDEX ix_filings_key ON filings (filing_id);
CREATE INDEX ix_filings_import ON filings (import_id, source_row);

-- ---------------------------------------------------------------- external datasets

-- deaths 死亡人员 (EXTERNAL)
CREATE TABLE deaths (
    id_no      VARCHAR(18) NOT NULL,
    name       VARCHAR(60),
    death_date DATE NOT NULL,
    source     VARCHAR(24) NOT NULL,
    import_id  BIGINT NOT NULL,
    source_row BIGINT NOT NULL
);
CREATE INDEX ix_deaths_id_no ON deaths (id_no);
CREATE INDEX ix_deaths_import ON deaths (import_id, source_row);

-- businesses 市场主体 (EXTERNAL)
CREATE TABLE businesses (
    id_no              VARCHAR(18) NOT NULL,
    name               VARCHAR(60),
    role               VARCHAR(24) NOT NULL,
    entity_name        VARCHAR(200) NOT NULL,
    credit_code        VARCHAR(18),
    entity_type        VARCHAR(24) NOT NULL,
    status             VARCHAR(24) NOT NULL,
    registered_capital NUMERIC(14,2),
    established_date   DATE NOT NULL,
    import_id          BIGINT NOT NULL,
    source_row         BIGINT NOT NULL
);
CREATE INDEX ix_businesses_id_no ON businesses (id_no);
CREATE INDEX ix_businesses_import ON businesses (import_id, source_row);

-- vehicles 车辆登记 (EXTERNAL)
CREATE TABLE vehicles (
    id_no           VARCHAR(18) NOT NULL,
    plate_no        VARCHAR(20) NOT NULL,
    vehicle_type    VARCHAR(24) NOT NULL,
    usage           VARCHAR(24) NOT NULL,
    registered_date DATE NOT NULL,
    purchase_price  NUMERIC(14,2),
    status          VARCHAR(24) NOT NULL,
    import_id       BIGINT NOT NULL,
    source_row      BIGINT NOT NULL
);
CREATE INDEX ix_vehicles_id_no ON vehicles (id_no);
CREATE INDEX ix_vehicles_import ON vehicles (import_id, source_row);

-- properties 不动产登记 (EXTERNAL)
CREATE TABLE properties (
    id_no           VARCHAR(18) NOT NULL,
    certificate_no  VARCHAR(60) NOT NULL,
    usage           VARCHAR(24) NOT NULL,
    area_sqm        NUMERIC(14,2) NOT NULL,
    region_code     VARCHAR(12),
    registered_date DATE NOT NULL,
    import_id       BIGINT NOT NULL,
    source_row      BIGINT NOT NULL
);
CREATE INDEX ix_properties_id_no ON properties (id_no);
CREATE INDEX ix_properties_import ON properties (import_id, source_row);

-- public_employees 财政供养人员 (EXTERNAL)
CREATE TABLE public_employees (
    id_no         VARCHAR(18) NOT NULL,
    name          VARCHAR(60),
    employer      VARCHAR(200) NOT NULL,
    category      VARCHAR(24) NOT NULL,
    employed_from DATE NOT NULL,
    employed_to   DATE,
    import_id     BIGINT NOT NULL,
    source_row    BIGINT NOT NULL
);
CREATE INDEX ix_public_employees_id_no ON public_employees (id_no);
CREATE INDEX ix_public_employees_import ON public_employees (import_id, source_row);

-- social_insurance 社会保险 (EXTERNAL)
CREATE TABLE social_insurance (
    id_no          VARCHAR(18) NOT NULL,
    period         CHAR(7) NOT NULL,
    kind           VARCHAR(24) NOT NULL,
    monthly_amount NUMERIC(14,2) NOT NULL,
    import_id      BIGINT NOT NULL,
    source_row     BIGINT NOT NULL
);
CREATE INDEX ix_social_insurance_id_no ON social_insurance (id_no);
CREATE INDEX ix_social_insurance_period ON social_insurance (period);
CREATE INDEX ix_social_insurance_import ON social_insurance (import_id, source_row);

-- other_rolls 外地保障名册 (EXTERNAL)
CREATE TABLE other_rolls (
    id_no       VARCHAR(18) NOT NULL,
    program     VARCHAR(24) NOT NULL,
    region_code VARCHAR(12) NOT NULL,
    period      CHAR(7) NOT NULL,
    amount      NUMERIC(14,2) NOT NULL,
    import_id   BIGINT NOT NULL,
    source_row  BIGINT NOT NULL
);
CREATE INDEX ix_other_rolls_id_no ON other_rolls (id_no);
CREATE INDEX ix_other_rolls_period ON other_rolls (period);
CREATE INDEX ix_other_rolls_import ON other_rolls (import_id, source_row);

-- disability_certificates 残疾人证 (EXTERNAL)
CREATE TABLE disability_certificates (
    id_no       VARCHAR(18) NOT NULL,
    level       BIGINT NOT NULL,
    kind        VARCHAR(24),
    issued_date DATE NOT NULL,
    status      VARCHAR(24) NOT NULL,
    import_id   BIGINT NOT NULL,
    source_row  BIGINT NOT NULL
);
CREATE INDEX ix_disability_certificates_id_no ON disability_certificates (id_no);
CREATE INDEX ix_disability_certificates_import ON disability_certificates (import_id, source_row);

-- residency_events 户籍变动 (EXTERNAL)
CREATE TABLE residency_events (
    id_no      VARCHAR(18) NOT NULL,
    event      VARCHAR(24) NOT NULL,
    event_date DATE NOT NULL,
    to_region  VARCHAR(12),
    import_id  BIGINT NOT NULL,
    source_row BIGINT NOT NULL
);
CREATE INDEX ix_residency_events_id_no ON residency_events (id_no);
CREATE INDEX ix_residency_events_import ON residency_events (import_id, source_row);
