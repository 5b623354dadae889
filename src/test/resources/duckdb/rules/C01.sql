-- C01 AMOUNT_MISMATCH 发放金额与核定不符 (docs/rules-interpretation.md, C01). Subject payment_id.
-- Not TEMP_ASSIST; a made payment in W with period >= month(approved_date) whose amount differs from
-- monthly_amount. OVER (HIGH): amount at risk = the difference; UNDER (MEDIUM): 0, owed = the difference.
-- id_no: the payee; card_no: the payment's card when paid by CARD.
SELECT 'C01' AS rule,
       CASE WHEN p.amount > e.monthly_amount THEN 'HIGH' ELSE 'MEDIUM' END AS severity,
       p.payment_id AS subject,
       CASE WHEN p.amount > e.monthly_amount THEN 'OVER' ELSE 'UNDER' END AS variant,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no,
       CASE WHEN p.channel = 'CARD' THEN p.card_no END AS card_no,
       e.region_code,
       ym(p.period) AS period_from,
       ym(p.period) AS period_to,
       greatest(p.amount - e.monthly_amount, 0) AS amount_at_risk,
       CASE WHEN p.amount < e.monthly_amount THEN e.monthly_amount - p.amount END AS owed,
       ym(p.period) || program_zh(e.program) || '实发' || fmt_yuan(p.amount) || '元，核定月发放金额'
           || fmt_yuan(e.monthly_amount) || '元' AS explanation,
       to_json({amount: p.amount, monthly_amount: e.monthly_amount})::VARCHAR AS evidence
FROM mw p
JOIN en e USING (enrollment_id)
WHERE e.program <> 'TEMP_ASSIST'
  AND e.in_scope
  AND p.period >= e.approved_month
  AND p.amount <> e.monthly_amount
