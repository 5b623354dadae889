-- C07 PRECHECK_MISMATCH 前置核对不一致 (docs/rules-interpretation.md, C07). Subject batch_id/enrollment_id. HIGH.
-- payroll_submissions rows with period P (the list about to be paid), per batch and enrollment, the first variant that applies:
-- UNKNOWN (no such enrollment), INACTIVE (not ACTIVE at the row's period, or TEMP_ASSIST), PAYEE (payee_id_no is not
-- the enrollment's), AMOUNT (amount ≠ monthly_amount), CARD (not an ACTIVE SUBSIDY card of the enrollment's payee,
-- nor one named by a CUSTODY filing whose subject is a covered member or the payee), DUPLICATE (2+ rows).
-- Amount: UNKNOWN, INACTIVE, PAYEE the rows' sum; AMOUNT, CARD Σ max(0, submitted − monthly_amount) with owed
-- Σ max(0, monthly_amount − submitted) when positive; DUPLICATE Σ − largest.
-- MISSING: for each (batch, town, period) of the batch's rows, an enrollment not TEMP_ASSIST, ACTIVE at the period,
-- with month(approved_date) <= period, whose household's town is the batch's town (a region of the registry), and
-- which no row of the batch lists: amount 0, owed = monthly_amount × the periods it misses.
-- id_no: the enrollment's payee (the first row's payee_id_no when unknown); card_no: the rows' card when they all
-- name one; region: the household's village, else the batch's town.
WITH rows AS (
    SELECT s.rowid AS row_no, s.*
    FROM payroll_submissions s
    WHERE s.period = period_p()
), custody AS (
    -- (card, enrollment) pairs cleared by a CUSTODY filing whose subject is a covered member or the payee
    SELECT f.card_no, m.enrollment_id
    FROM filings f
    JOIN mem m ON m.id_no = f.subject_id_no
    WHERE f.kind = 'CUSTODY'
    UNION
    SELECT f.card_no, e.enrollment_id
    FROM filings f
    JOIN en e ON e.payee_id_no = f.subject_id_no
    WHERE f.kind = 'CUSTODY'
), checked AS (
    SELECT r.*, e.enrollment_id IS NOT NULL AS known, e.monthly_amount,
           e.status = 'ACTIVE' AND e.start_month <= r.period
               AND (e.end_month IS NULL OR e.end_month >= r.period) AND e.program <> 'TEMP_ASSIST' AS active,
           r.payee_id_no = e.payee_id_no AS same_payee,
           coalesce(c.status = 'ACTIVE' AND c.purpose = 'SUBSIDY'
                        AND (c.holder_id_no = e.payee_id_no OR k.card_no IS NOT NULL), false) AS card_ok
    FROM rows r
    LEFT JOIN en e ON e.enrollment_id = r.enrollment_id
    LEFT JOIN cards c ON c.card_no = r.card_no
    LEFT JOIN custody k ON k.card_no = r.card_no AND k.enrollment_id = r.enrollment_id
), listed AS (
    SELECT batch_id, enrollment_id,
           bool_and(known) AS known,
           bool_or(known AND NOT active) AS inactive,
           bool_or(known AND NOT same_payee) AS payee,
           bool_or(known AND amount <> monthly_amount) AS amount_wrong,
           bool_or(known AND NOT card_ok) AS card,
           count(*) AS n,
           sum(amount) AS total,
           max(amount) AS largest,
           sum(greatest(amount - monthly_amount, 0)) AS over,
           sum(greatest(monthly_amount - amount, 0)) AS under,
           min(period) AS first_period,
           max(period) AS last_period,
           arg_min(payee_id_no, row_no) AS first_payee,
           arg_min(region_code, row_no) AS first_town,
           CASE WHEN count(DISTINCT card_no) = 1 THEN min(card_no) END AS card_no
    FROM checked
    GROUP BY batch_id, enrollment_id
), judged AS (
    SELECT l.*,
           CASE WHEN NOT known THEN 'UNKNOWN' WHEN inactive THEN 'INACTIVE' WHEN payee THEN 'PAYEE'
                WHEN amount_wrong THEN 'AMOUNT' WHEN card THEN 'CARD' WHEN n >= 2 THEN 'DUPLICATE' END AS variant
    FROM listed l
), missing AS (
    SELECT u.batch_id, e.enrollment_id, count(*) AS months, min(u.period) AS first_period,
           max(u.period) AS last_period
    FROM (SELECT DISTINCT batch_id, region_code, period FROM rows) u
    JOIN regions t ON t.code = u.region_code
    JOIN en e ON e.town = u.region_code
             AND e.program <> 'TEMP_ASSIST'
             AND e.approved_month <= u.period
             AND e.status = 'ACTIVE' AND e.start_month <= u.period
             AND (e.end_month IS NULL OR e.end_month >= u.period)
    WHERE NOT EXISTS (SELECT 1 FROM rows r WHERE r.batch_id = u.batch_id AND r.enrollment_id = e.enrollment_id)
    GROUP BY u.batch_id, e.enrollment_id
)
SELECT 'C07' AS rule,
       'HIGH' AS severity,
       j.batch_id || '/' || j.enrollment_id AS subject,
       j.variant,
       e.enrollment_id, e.household_id,
       coalesce(e.payee_id_no, j.first_payee) AS id_no,
       j.card_no,
       coalesce(e.region_code, j.first_town) AS region_code,
       ym(j.first_period) AS period_from,
       ym(j.last_period) AS period_to,
       CASE WHEN j.variant IN ('UNKNOWN', 'INACTIVE', 'PAYEE') THEN j.total
            WHEN j.variant IN ('AMOUNT', 'CARD') THEN j.over
            ELSE j.total - j.largest END AS amount_at_risk,
       CASE WHEN j.variant IN ('AMOUNT', 'CARD') AND j.under > 0 THEN j.under END AS owed,
       '批次' || j.batch_id || '报送的待遇' || j.enrollment_id || '前置核对不一致（' || j.variant || '），该批次不得发放'
           AS explanation,
       to_json({rows: j.n, total: j.total, variant: j.variant})::VARCHAR AS evidence
FROM judged j
LEFT JOIN en e ON e.enrollment_id = j.enrollment_id
WHERE j.variant IS NOT NULL
UNION ALL BY NAME
SELECT 'C07' AS rule,
       'HIGH' AS severity,
       x.batch_id || '/' || x.enrollment_id AS subject,
       'MISSING' AS variant,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no,
       NULL AS card_no,
       e.region_code,
       ym(x.first_period) AS period_from,
       ym(x.last_period) AS period_to,
       0.00 AS amount_at_risk,
       e.monthly_amount * x.months AS owed,
       program_zh(e.program) || '待遇' || e.enrollment_id || '应发' || fmt_yuan(e.monthly_amount * x.months)
           || '元，未列入批次' || x.batch_id || '的发放名册，该批次不得发放' AS explanation,
       to_json({months: x.months, monthly_amount: e.monthly_amount})::VARCHAR AS evidence
FROM missing x
JOIN en e USING (enrollment_id)
