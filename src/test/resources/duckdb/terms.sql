-- The terms every rule shares (docs/rules-interpretation.md, "Terms used below"), computed once per run after
-- the files are loaded, as the engine's CheckContext computes them once. The rules in rules/*.sql read these
-- tables and never re-define a term.

-- Made payment: a payments row unless bank_receipts has a FAILED receipt for it and no SUCCESS one.
-- With the flags, whether a SUCCESS receipt names another card or amount than the payment (C08 looks closer).
CREATE TABLE receipt_flags AS
SELECT payment_id,
       bool_or(status = 'SUCCESS') AS has_success,
       bool_or(status = 'FAILED') AS has_failed,
       min(card_no) FILTER (WHERE status = 'SUCCESS') AS success_card_min,
       max(card_no) FILTER (WHERE status = 'SUCCESS') AS success_card_max,
       min(amount) FILTER (WHERE status = 'SUCCESS') AS success_amount_min,
       max(amount) FILTER (WHERE status = 'SUCCESS') AS success_amount_max
FROM bank_receipts
GROUP BY payment_id;

CREATE TABLE pay AS
SELECT p.*,
       coalesce(r.has_success, false) AS has_success,
       coalesce(r.has_failed, false) AS has_failed,
       NOT (coalesce(r.has_failed, false) AND NOT coalesce(r.has_success, false)) AS made,
       coalesce(r.success_card_min <> p.card_no OR r.success_card_max <> p.card_no
                OR r.success_amount_min <> p.amount OR r.success_amount_max <> p.amount, false) AS success_differs
FROM payments p
LEFT JOIN receipt_flags r USING (payment_id);

DROP TABLE payments;
DROP TABLE receipt_flags;

-- Covered members, in the order enrollment_members lists them (member_no)
CREATE TABLE mem AS
SELECT rowid AS member_no, enrollment_id, id_no
FROM enrollment_members;

-- Enrollments with what the rules ask of them: covered, the program's classes, the household's region, county,
-- town and urban_rural, ACTIVE at P, in scope (a made payment in W, or ACTIVE at P).
CREATE TABLE en AS
WITH covered AS (
    SELECT enrollment_id, count(*) AS covered FROM mem GROUP BY enrollment_id
), paid_in_w AS (
    SELECT DISTINCT enrollment_id FROM pay WHERE made AND period BETWEEN w_from() AND period_p()
)
SELECT e.*,
       coalesce(c.covered, 0) AS covered,
       is_dibao(e.program) AS is_dibao,
       is_means_tested(e.program) AS means_tested,
       CASE WHEN is_shared(e.program) THEN coalesce(c.covered, 0) ELSE 1 END AS share_n,
       family_of(e.program) AS family,
       h.region_code,
       h.urban_rural,
       county_of(h.region_code) AS county,
       town_of(h.region_code) AS town,
       month_of(e.approved_date) AS approved_month,
       (e.status = 'ACTIVE' AND e.start_month <= period_p()
           AND (e.end_month IS NULL OR e.end_month >= period_p())) AS active_at_p,
       (e.status = 'ACTIVE' AND e.start_month <= period_p()
           AND (e.end_month IS NULL OR e.end_month >= period_p())) OR w.enrollment_id IS NOT NULL AS in_scope
FROM enrollments e
JOIN households h USING (household_id)
LEFT JOIN covered c USING (enrollment_id)
LEFT JOIN paid_in_w w USING (enrollment_id);

-- The made payments in W, with a covered member's share (amount ÷ covered for DIBAO_* and TEMP_ASSIST, exact to
-- 10 decimals; the whole amount otherwise)
CREATE TABLE mw AS
SELECT p.payment_id, p.enrollment_id, p.period, p.amount, p.channel, p.card_no, p.paid_date, p.remark,
       e.program, e.household_id, share_of(p.amount, e.share_n) AS share
FROM pay p
JOIN en e USING (enrollment_id)
WHERE p.made AND p.period BETWEEN w_from() AND period_p();

-- paid(e, m) for m in W: the sum of the made payments of e for m (a row only where there is a made payment), with
-- their number and the largest
CREATE TABLE paid_m AS
SELECT enrollment_id, period, sum(amount) AS paid, count(*) AS payments, max(amount) AS largest
FROM mw
GROUP BY enrollment_id, period;

-- Standard(e, m) for every month m of W and every (village, urban_rural) a household has: among the standards
-- rows of the program whose region code, trailing zero segments ignored, prefixes the village, whose urban_rural
-- is the household's or empty, effective by m: the longest region prefix, then the latest effective_month, then an
-- exact urban_rural before an empty one. No row: no standard (no row in std_w).
CREATE TABLE std_w AS
WITH places AS (
    SELECT DISTINCT region_code, urban_rural FROM households
), months AS (
    SELECT CAST(unnest(range(w_from(), period_p() + 1)) AS INTEGER) AS m
)
SELECT pl.region_code, pl.urban_rural, s.program, mo.m, s.monthly_standard AS standard
FROM places pl
JOIN standards s
  ON region_covers(s.region_code, pl.region_code)
 AND (s.urban_rural IS NULL OR s.urban_rural = pl.urban_rural)
JOIN months mo ON s.effective_month <= mo.m
QUALIFY row_number() OVER (PARTITION BY pl.region_code, pl.urban_rural, s.program, mo.m
                           ORDER BY region_digits(s.region_code) DESC, s.effective_month DESC,
                                    s.urban_rural IS NOT NULL DESC) = 1;

-- The made payments in W of each enrollment: count, total, first and last period (periods of D01-D03)
CREATE TABLE ew AS
SELECT enrollment_id, count(*) AS payments, sum(amount) AS total, min(period) AS first_period,
       max(period) AS last_period
FROM mw
GROUP BY enrollment_id;

-- Towns (E rules): the TOWN regions; a household counts in the town of its village when that is a TOWN region
CREATE TABLE towns AS
SELECT code AS town, county_of(code) AS county, name, population
FROM regions
WHERE level = 'TOWN';

-- The clues every rule adds to (INSERT ... BY NAME: a rule selects only the columns it fills)
CREATE TABLE clues (
    rule VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    variant VARCHAR DEFAULT '',
    enrollment_id VARCHAR,
    household_id VARCHAR,
    id_no VARCHAR,
    card_no VARCHAR,
    region_code VARCHAR NOT NULL,
    period_from VARCHAR,
    period_to VARCHAR,
    amount_at_risk DECIMAL(18,2) NOT NULL DEFAULT 0.00,
    owed DECIMAL(18,2),
    explanation VARCHAR DEFAULT '',
    evidence VARCHAR DEFAULT '{}'
);
