-- A06 INCOME_UNDECLARED 收入未如实申报 (docs/rules-interpretation.md, A06). Subject enrollment_id.
-- DIBAO enrollments in scope. For each month m of W in which the enrollment has a made payment: detected(m) = Σ the
-- covered members' social_insurance monthly_amount for m (all kinds). m is excess when detected(m) > (pci +
-- A06.income_tolerance) × covered (pci = per_capita_income, empty: 0). Fires when a month is excess.
-- Variant INELIGIBLE (HIGH) when, in the latest month of W with social_insurance data for any covered member,
-- detected >= standard × covered (standard unknown: UNDERSTATED); else UNDERSTATED (MEDIUM).
-- Amount: Σ over excess months of min(paid(m), detected(m) − pci × covered). period_from/to: first/last excess month.
WITH detected AS (
    SELECT m.enrollment_id, s.period, sum(s.monthly_amount) AS detected
    FROM social_insurance s
    JOIN mem m ON m.id_no = s.id_no
    JOIN en e ON e.enrollment_id = m.enrollment_id AND e.is_dibao AND e.in_scope
    WHERE s.period BETWEEN w_from() AND period_p()
    GROUP BY m.enrollment_id, s.period
), excess AS (
    SELECT d.enrollment_id, d.period,
           least(pm.paid, d.detected - coalesce(e.per_capita_income, 0) * e.covered) AS counted
    FROM detected d
    JOIN paid_m pm USING (enrollment_id, period)
    JOIN en e USING (enrollment_id)
    WHERE d.detected > (coalesce(e.per_capita_income, 0) + getvariable('a06_income_tolerance')) * e.covered
), fired AS (
    SELECT enrollment_id, sum(counted) AS total, min(period) AS first_month, max(period) AS last_month,
           count(*) AS months
    FROM excess
    GROUP BY enrollment_id
), latest AS (
    SELECT enrollment_id, arg_max(detected, period) AS detected, max(period) AS period
    FROM detected
    GROUP BY enrollment_id
), judged AS (
    SELECT f.*, l.period AS latest_month, l.detected AS latest_detected, s.standard,
           s.standard IS NOT NULL AND l.detected >= s.standard * e.covered AS ineligible
    FROM fired f
    JOIN latest l USING (enrollment_id)
    JOIN en e USING (enrollment_id)
    LEFT JOIN std_w s ON s.region_code = e.region_code AND s.urban_rural = e.urban_rural
                     AND s.program = e.program AND s.m = l.period
)
SELECT 'A06' AS rule,
       CASE WHEN j.ineligible THEN 'HIGH' ELSE 'MEDIUM' END AS severity,
       e.enrollment_id AS subject,
       CASE WHEN j.ineligible THEN 'INELIGIBLE' ELSE 'UNDERSTATED' END AS variant,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no, e.region_code,
       ym(j.first_month) AS period_from,
       ym(j.last_month) AS period_to,
       yuan(j.total) AS amount_at_risk,
       '户内保障' || e.covered || '人，社保数据显示' || j.months || '个月收入超过申报收入加容差，按差额计多发'
           || fmt_yuan(j.total) || '元；' || CASE WHEN j.ineligible THEN ym(j.latest_month) || '收入已达到保障标准'
           ELSE '收入未如实申报' END AS explanation,
       to_json({covered: e.covered, per_capita_income: e.per_capita_income, latest_month: ym(j.latest_month),
                latest_detected: j.latest_detected, standard: j.standard})::VARCHAR AS evidence
FROM judged j
JOIN en e USING (enrollment_id)
