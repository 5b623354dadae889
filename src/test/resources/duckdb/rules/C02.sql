-- C02 ENTITLEMENT_MISCALCULATED 核定金额计算错误 (docs/rules-interpretation.md, C02). Subject enrollment_id. MEDIUM.
-- Every program but TEMP_ASSIST, enrollments in scope. expected(m) = max(0, standard(m) − pci) × covered for DIBAO
-- (pci empty: 0), standard(m) × covered otherwise. Fires when standard(P) is known and |monthly_amount − expected(P)|
-- >= C02.tolerance; variant OVER when monthly_amount is above expected(P), else UNDER.
-- Counted: made payments in W with period >= month(approved_date) whose standard(period) is known. Amount:
-- Σ max(0, amount − expected(period)); UNDER also carries owed = Σ max(0, expected(period) − amount) (0.00 when
-- nothing counts); OVER carries no owed. period_from/to: first and last counted period, else P..P.
WITH at_p AS (
    SELECT e.enrollment_id, entitlement(e.is_dibao, s.standard, e.per_capita_income, e.covered) AS expected
    FROM en e
    JOIN std_w s ON s.region_code = e.region_code AND s.urban_rural = e.urban_rural AND s.program = e.program
                AND s.m = period_p()
    WHERE e.program <> 'TEMP_ASSIST' AND e.in_scope
), wrong AS (
    SELECT e.enrollment_id, x.expected AS expected_at_p, e.monthly_amount - x.expected AS difference
    FROM at_p x
    JOIN en e USING (enrollment_id)
    WHERE abs(e.monthly_amount - x.expected) >= getvariable('c02_tolerance')
), counted AS (
    SELECT p.enrollment_id, p.period, p.amount,
           entitlement(e.is_dibao, s.standard, e.per_capita_income, e.covered) AS expected
    FROM wrong w
    JOIN en e USING (enrollment_id)
    JOIN mw p ON p.enrollment_id = w.enrollment_id AND p.period >= e.approved_month
    JOIN std_w s ON s.region_code = e.region_code AND s.urban_rural = e.urban_rural AND s.program = e.program
                AND s.m = p.period
), summed AS (
    SELECT enrollment_id,
           sum(greatest(amount - expected, 0)) AS risk,
           sum(greatest(expected - amount, 0)) AS owed,
           min(period) AS first_period, max(period) AS last_period
    FROM counted
    GROUP BY enrollment_id
)
SELECT 'C02' AS rule,
       'MEDIUM' AS severity,
       e.enrollment_id AS subject,
       CASE WHEN w.difference > 0 THEN 'OVER' ELSE 'UNDER' END AS variant,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no, e.region_code,
       ym(coalesce(c.first_period, period_p())) AS period_from,
       ym(coalesce(c.last_period, period_p())) AS period_to,
       yuan(coalesce(c.risk, 0)) AS amount_at_risk,
       CASE WHEN w.difference > 0 THEN NULL ELSE yuan(coalesce(c.owed, 0)) END AS owed,
       program_zh(e.program) || '核定月发放金额' || fmt_yuan(e.monthly_amount) || '元，按标准应为'
           || fmt_yuan(w.expected_at_p) || '元' AS explanation,
       to_json({expected: w.expected_at_p, monthly_amount: e.monthly_amount, covered: e.covered,
                per_capita_income: e.per_capita_income})::VARCHAR AS evidence
FROM wrong w
JOIN en e USING (enrollment_id)
LEFT JOIN summed c USING (enrollment_id)
