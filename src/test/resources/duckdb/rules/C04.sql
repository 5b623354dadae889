-- C04 PAID_OUTSIDE_ENROLLMENT 待遇期外发放 (docs/rules-interpretation.md, C04). Subject payment_id. HIGH.
-- Every program: a made payment in W for a period before start_month or after end_month. Amount: the payment.
SELECT 'C04' AS rule,
       'HIGH' AS severity,
       p.payment_id AS subject,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no,
       CASE WHEN p.channel = 'CARD' THEN p.card_no END AS card_no,
       e.region_code,
       ym(p.period) AS period_from,
       ym(p.period) AS period_to,
       p.amount AS amount_at_risk,
       ym(p.period) || program_zh(e.program) || fmt_yuan(p.amount) || '元发放于待遇'
           || CASE WHEN p.period < e.start_month THEN '起始月份' || ym(e.start_month) || '之前'
                   ELSE '终止月份' || ym(e.end_month) || '之后' END || '，不应发放' AS explanation,
       to_json({start_month: ym(e.start_month), end_month: ym(e.end_month)})::VARCHAR AS evidence
FROM mw p
JOIN en e USING (enrollment_id)
WHERE p.period < e.start_month OR p.period > e.end_month
