-- B08 NOT_PAID_TO_CARD 未通过一卡通发放 (docs/rules-interpretation.md, B08). Subject payment_id. MEDIUM; amount 0.
-- A made payment in W with channel other than CARD, program not TEMP_ASSIST. id_no: the payee; card_no empty.
SELECT 'B08' AS rule,
       'MEDIUM' AS severity,
       p.payment_id AS subject,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no, e.region_code,
       ym(p.period) AS period_from,
       ym(p.period) AS period_to,
       ym(p.period) || program_zh(p.program) || fmt_yuan(p.amount) || '元以'
           || CASE WHEN p.channel = 'CASH' THEN '现金' ELSE '其他方式' END || '发放，未通过一卡通' AS explanation,
       to_json({channel: p.channel, amount: p.amount})::VARCHAR AS evidence
FROM mw p
JOIN en e USING (enrollment_id)
WHERE p.channel <> 'CARD' AND p.program <> 'TEMP_ASSIST'
