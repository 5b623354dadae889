-- C06 MISSED_PAYMENT 漏发 (docs/rules-interpretation.md, C06). Subject enrollment_id/period. MEDIUM; amount 0.
-- Not TEMP_ASSIST; status ACTIVE; in scope. For each month m of W with start_month <= m, month(approved_date) <= m,
-- no end_month before m, in which the same program has a made payment to an enrollment whose household is in the
-- same county: the enrollment has no made payment for m (a made payment of 0.00 is a payment). owed = monthly_amount.
WITH county_paid AS (
    SELECT DISTINCT e.county, p.program, p.period
    FROM mw p
    JOIN en e USING (enrollment_id)
), candidates AS (
    SELECT e.enrollment_id, e.county, e.program,
           greatest(w_from(), e.start_month, e.approved_month) AS first_due,
           least(period_p(), coalesce(e.end_month, period_p())) AS last_due
    FROM en e
    WHERE e.program <> 'TEMP_ASSIST' AND e.status = 'ACTIVE' AND e.in_scope
), short AS (
    -- the enrollments with fewer paid months than due months (most have every due month paid)
    SELECT c.*
    FROM candidates c
    LEFT JOIN paid_m pm ON pm.enrollment_id = c.enrollment_id AND pm.period BETWEEN c.first_due AND c.last_due
    WHERE c.first_due <= c.last_due
    GROUP BY ALL
    HAVING count(pm.period) < c.last_due - c.first_due + 1
), due AS (
    SELECT enrollment_id, county, program, CAST(unnest(range(first_due, last_due + 1)) AS INTEGER) AS m
    FROM short
)
SELECT 'C06' AS rule,
       'MEDIUM' AS severity,
       e.enrollment_id || '/' || ym(d.m) AS subject,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no, e.region_code,
       ym(d.m) AS period_from,
       ym(d.m) AS period_to,
       e.monthly_amount AS owed,
       ym(d.m) || program_zh(e.program) || '未发放（待遇状态正常，本县当月已发放），应发' || fmt_yuan(e.monthly_amount)
           || '元' AS explanation,
       to_json({monthly_amount: e.monthly_amount, county_paid_program: true})::VARCHAR AS evidence
FROM due d
JOIN county_paid c ON c.county = d.county AND c.program = d.program AND c.period = d.m
JOIN en e ON e.enrollment_id = d.enrollment_id
WHERE NOT EXISTS (SELECT 1 FROM paid_m pm WHERE pm.enrollment_id = d.enrollment_id AND pm.period = d.m)
