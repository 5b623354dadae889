-- C03 DUPLICATE_PAYMENT 重复发放 (docs/rules-interpretation.md, C03). Subject enrollment_id/period. HIGH.
-- Not TEMP_ASSIST; 2 or more made payments of one enrollment for one period of W. Amount: Σ − the largest.
-- id_no: the payee; card_no empty.
SELECT 'C03' AS rule,
       'HIGH' AS severity,
       e.enrollment_id || '/' || ym(d.period) AS subject,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no, e.region_code,
       ym(d.period) AS period_from,
       ym(d.period) AS period_to,
       d.paid - d.largest AS amount_at_risk,
       ym(d.period) || program_zh(e.program) || '重复发放' || d.payments || '笔，共' || fmt_yuan(d.paid)
           || '元，多发' || fmt_yuan(d.paid - d.largest) || '元' AS explanation,
       to_json({payments: d.payments, total: d.paid, largest: d.largest})::VARCHAR AS evidence
FROM paid_m d
JOIN en e USING (enrollment_id)
WHERE d.payments >= 2 AND e.program <> 'TEMP_ASSIST'
