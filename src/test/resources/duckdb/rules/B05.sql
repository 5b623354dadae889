-- B05 CUSTODY_NOT_FILED 代管未备案 (docs/rules-interpretation.md, B05). Subject card_no. MEDIUM; amount 0.
-- A card whose custodian_id_no is present and differs from its holder received a made CARD payment in W, and no
-- CUSTODY filing names the card (whatever its filed_date). id_no: the holder; enrollment_id: the smallest paid to
-- the card; household and region: the holder's, else that enrollment's. period_from/to: the payments to the card.
WITH paid AS (
    SELECT c.card_no, c.holder_id_no, c.custodian_id_no,
           min(p.enrollment_id) AS smallest, count(*) AS payments, sum(p.amount) AS total,
           min(p.period) AS first_period, max(p.period) AS last_period
    FROM cards c
    JOIN mw p ON p.card_no = c.card_no AND p.channel = 'CARD'
    WHERE c.custodian_id_no IS NOT NULL
      AND c.custodian_id_no <> c.holder_id_no
      AND NOT EXISTS (SELECT 1 FROM filings f WHERE f.kind = 'CUSTODY' AND f.card_no = c.card_no)
    GROUP BY c.card_no, c.holder_id_no, c.custodian_id_no
)
SELECT 'B05' AS rule,
       'MEDIUM' AS severity,
       x.card_no AS subject,
       x.smallest AS enrollment_id,
       h.household_id, x.holder_id_no AS id_no, x.card_no, h.region_code,
       ym(x.first_period) AS period_from,
       ym(x.last_period) AS period_to,
       '一卡通' || x.card_no || '由他人代管，仍收到' || x.payments || '笔待遇资金共' || fmt_yuan(x.total) || '元，但无代管备案'
           AS explanation,
       to_json({custodian_id_no: x.custodian_id_no, payments: x.payments})::VARCHAR AS evidence
FROM paid x
JOIN en e ON e.enrollment_id = x.smallest
LEFT JOIN persons hp ON hp.id_no = x.holder_id_no
JOIN households h ON h.household_id = coalesce(hp.household_id, e.household_id)
