-- C08 RECEIPT_MISMATCH 回单不一致 (docs/rules-interpretation.md, C08). Subject payment_id.
-- CARD payments with period in W, made or not (scope plays no part). Variants in order, the first names the clue:
-- CARD (a SUCCESS receipt to another card_no; amount: the payment; HIGH), AMOUNT (a SUCCESS receipt of another
-- amount; amount Σ max(0, receipt − payment), owed Σ max(0, payment − receipt) when positive), FAILED (a FAILED
-- receipt, no SUCCESS one, and no made payment of the enrollment for the period), MISSING (no receipt at all while
-- another payment of its batch_id has one). MEDIUM but CARD. id_no: the payee; card_no: the payment's card.
-- CARD and AMOUNT need a SUCCESS receipt, FAILED a FAILED one and none SUCCESS, MISSING no receipt: the three sets
-- of payments are disjoint.
WITH differing AS (
    -- the payments with a SUCCESS receipt of another card or amount (pay.success_differs, from the terms)
    SELECT payment_id, enrollment_id, period, amount, card_no, batch_id, made
    FROM pay
    WHERE channel = 'CARD' AND period BETWEEN w_from() AND period_p() AND success_differs
), success AS (
    SELECT p.payment_id, any_value(p.enrollment_id) AS enrollment_id, any_value(p.period) AS period,
           any_value(p.amount) AS amount, any_value(p.card_no) AS card_no, any_value(p.batch_id) AS batch_id,
           any_value(p.made) AS made,
           CASE WHEN bool_or(r.card_no <> p.card_no) THEN 'CARD' ELSE 'AMOUNT' END AS variant,
           sum(greatest(r.amount - p.amount, 0)) AS over,
           sum(greatest(p.amount - r.amount, 0)) AS under
    FROM differing p
    JOIN (SELECT * FROM bank_receipts
          WHERE status = 'SUCCESS' AND payment_id IN (SELECT payment_id FROM differing)) r USING (payment_id)
    GROUP BY p.payment_id
), failed AS (
    SELECT p.payment_id, p.enrollment_id, p.period, p.amount, p.card_no, p.batch_id, p.made, 'FAILED' AS variant
    FROM pay p
    LEFT JOIN paid_m pm ON pm.enrollment_id = p.enrollment_id AND pm.period = p.period
    WHERE p.channel = 'CARD' AND p.period BETWEEN w_from() AND period_p()
      AND p.has_failed AND NOT p.has_success
      AND pm.enrollment_id IS NULL
), unreported AS (
    SELECT p.payment_id, p.enrollment_id, p.period, p.amount, p.card_no, p.batch_id, p.made
    FROM pay p
    WHERE p.channel = 'CARD' AND p.period BETWEEN w_from() AND period_p()
      AND NOT p.has_success AND NOT p.has_failed AND p.batch_id IS NOT NULL
), missing AS (
    SELECT u.*, 'MISSING' AS variant
    FROM unreported u
    WHERE u.batch_id IN (SELECT q.batch_id
                         FROM pay q
                         WHERE (q.has_success OR q.has_failed)
                           AND q.batch_id IN (SELECT batch_id FROM unreported))
), found AS (
    SELECT * FROM success
    UNION ALL BY NAME SELECT * FROM failed
    UNION ALL BY NAME SELECT * FROM missing
)
SELECT 'C08' AS rule,
       CASE WHEN f.variant = 'CARD' THEN 'HIGH' ELSE 'MEDIUM' END AS severity,
       f.payment_id AS subject,
       f.variant,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no, f.card_no, e.region_code,
       ym(f.period) AS period_from,
       ym(f.period) AS period_to,
       CASE f.variant WHEN 'CARD' THEN f.amount WHEN 'AMOUNT' THEN f.over ELSE 0.00 END AS amount_at_risk,
       CASE WHEN f.variant = 'AMOUNT' AND f.under > 0 THEN f.under END AS owed,
       ym(f.period) || program_zh(e.program) || fmt_yuan(f.amount) || '元（卡号' || f.card_no || '）' || CASE f.variant
           WHEN 'CARD' THEN '的银行回单显示入账到另一张卡'
           WHEN 'AMOUNT' THEN '的银行回单入账金额不符'
           WHEN 'FAILED' THEN '银行发放失败，当月未重新发放'
           ELSE '没有银行回单，而同批次的其他发放已有回单' END AS explanation,
       to_json({batch_id: f.batch_id, made: f.made})::VARCHAR AS evidence
FROM found f
JOIN en e ON e.enrollment_id = f.enrollment_id
