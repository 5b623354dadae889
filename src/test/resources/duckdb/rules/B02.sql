-- B02 HOUSEHOLD_MULTIPLE_CARDS 一户多卡 (docs/rules-interpretation.md, B02). Subject enrollment_id. MEDIUM; amount 0.
-- The made CARD payments in W of an enrollment in scope went to 2 or more distinct card_no whose card is ACTIVE now
-- (any purpose; a closed card replaced by a new one is fine). id_no: the payee; card_no empty; period_from/to: the
-- payments to the still-active cards.
WITH several AS (
    -- enrollments whose CARD payments in W went to more than one card number (the few that can fire)
    SELECT enrollment_id
    FROM mw
    WHERE channel = 'CARD'
    GROUP BY enrollment_id
    HAVING min(card_no) <> max(card_no)
), paid AS (
    SELECT p.enrollment_id, p.card_no, p.period
    FROM mw p
    JOIN several USING (enrollment_id)
    JOIN cards c ON c.card_no = p.card_no AND c.status = 'ACTIVE'
    WHERE p.channel = 'CARD'
)
SELECT 'B02' AS rule,
       'MEDIUM' AS severity,
       e.enrollment_id AS subject,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no, e.region_code,
       ym(min(p.period)) AS period_from,
       ym(max(p.period)) AS period_to,
       '该户' || program_zh(e.program) || '发放至' || count(DISTINCT p.card_no) || '张仍为正常状态的一卡通：'
           || string_agg(DISTINCT p.card_no, '、' ORDER BY p.card_no) || '，一户应只使用一张发放卡' AS explanation,
       to_json({active_cards_paid: count(DISTINCT p.card_no)})::VARCHAR AS evidence
FROM paid p
JOIN en e ON e.enrollment_id = p.enrollment_id AND e.in_scope
GROUP BY e.enrollment_id, e.household_id, e.payee_id_no, e.region_code, e.program
HAVING count(DISTINCT p.card_no) >= 2
