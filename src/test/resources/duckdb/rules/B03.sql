-- B03 CARDHOLDER_MISMATCH 持卡人与保障对象不一致 (docs/rules-interpretation.md, B03). Subject enrollment_id/card_no. HIGH.
-- A made CARD payment in W of an enrollment in scope went to a card whose holder is neither a covered member nor
-- the payee (a card not in cards has no known holder), and no CUSTODY filing names that card with a covered member
-- as subject. One clue per enrollment and card; amount: Σ those payments. id_no: the payee.
WITH paid AS (
    SELECT p.enrollment_id, p.card_no, sum(p.amount) AS total, count(*) AS payments,
           min(p.period) AS first_period, max(p.period) AS last_period
    FROM mw p
    JOIN en e ON e.enrollment_id = p.enrollment_id AND e.in_scope
    WHERE p.channel = 'CARD'
    GROUP BY p.enrollment_id, p.card_no
)
SELECT 'B03' AS rule,
       'HIGH' AS severity,
       e.enrollment_id || '/' || x.card_no AS subject,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no, x.card_no, e.region_code,
       ym(x.first_period) AS period_from,
       ym(x.last_period) AS period_to,
       yuan(x.total) AS amount_at_risk,
       '共' || x.payments || '笔' || program_zh(e.program) || fmt_yuan(x.total) || '元发放至一卡通' || x.card_no
           || '，持卡人既非保障对象也非领款人，且无代管备案' AS explanation,
       to_json({holder_id_no: c.holder_id_no, payments: x.payments})::VARCHAR AS evidence
FROM paid x
JOIN en e USING (enrollment_id)
LEFT JOIN cards c ON c.card_no = x.card_no
WHERE c.card_no IS NULL
   OR (c.holder_id_no <> e.payee_id_no
       AND NOT EXISTS (SELECT 1 FROM mem m
                       WHERE m.enrollment_id = x.enrollment_id AND m.id_no = c.holder_id_no)
       AND NOT EXISTS (SELECT 1 FROM filings f
                       JOIN mem m ON m.id_no = f.subject_id_no
                       WHERE f.kind = 'CUSTODY' AND f.card_no = x.card_no
                         AND m.enrollment_id = x.enrollment_id))
