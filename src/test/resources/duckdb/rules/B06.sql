-- B06 CARD_CONTROLLED_BY_STAFF 工作人员控制存折卡 (docs/rules-interpretation.md, B06). Subject card_no. CRITICAL.
-- A card whose holder or custodian is staff (in staff, whatever the dates) received made CARD payments in W for
-- enrollments that do not cover the card's holder. Amount: Σ those payments. id_no: the holder; enrollment_id: the
-- smallest among those enrollments; household and region: the holder's, else that enrollment's.
WITH staff_cards AS (
    SELECT c.card_no, c.holder_id_no, c.custodian_id_no
    FROM cards c
    WHERE c.holder_id_no IN (SELECT id_no FROM staff)
       OR c.custodian_id_no IN (SELECT id_no FROM staff)
), paid AS (
    SELECT c.card_no, c.holder_id_no,
           min(p.enrollment_id) AS smallest, count(*) AS payments, sum(p.amount) AS total,
           min(p.period) AS first_period, max(p.period) AS last_period
    FROM staff_cards c
    JOIN mw p ON p.card_no = c.card_no AND p.channel = 'CARD'
    WHERE NOT EXISTS (SELECT 1 FROM mem m WHERE m.enrollment_id = p.enrollment_id AND m.id_no = c.holder_id_no)
    GROUP BY c.card_no, c.holder_id_no
)
SELECT 'B06' AS rule,
       'CRITICAL' AS severity,
       x.card_no AS subject,
       x.smallest AS enrollment_id,
       h.household_id, x.holder_id_no AS id_no, x.card_no, h.region_code,
       ym(x.first_period) AS period_from,
       ym(x.last_period) AS period_to,
       yuan(x.total) AS amount_at_risk,
       '工作人员本人或代管的一卡通' || x.card_no || '收到不保障持卡人的待遇' || x.payments || '笔，共计'
           || fmt_yuan(x.total) || '元' AS explanation,
       to_json({payments: x.payments})::VARCHAR AS evidence
FROM paid x
JOIN en e ON e.enrollment_id = x.smallest
LEFT JOIN persons hp ON hp.id_no = x.holder_id_no
JOIN households h ON h.household_id = coalesce(hp.household_id, e.household_id)
