-- B01 MULTIPLE_CARDS 一人多卡 (docs/rules-interpretation.md, B01). Subject holder id_no. MEDIUM; amount 0.
-- A registry person who is a covered member of an enrollment in scope holds 2 or more cards with status ACTIVE and
-- purpose SUBSIDY (empty purpose is SUBSIDY). card_no: the cards joined by ',' in card_no order; enrollment_id: the
-- smallest in-scope enrollment covering the holder; household and region: the holder's. No period.
WITH held AS (
    SELECT holder_id_no AS id_no, string_agg(card_no, ',' ORDER BY card_no) AS cards, count(*) AS n
    FROM cards
    WHERE status = 'ACTIVE' AND purpose = 'SUBSIDY'
    GROUP BY holder_id_no
    HAVING count(*) >= 2
), covering AS (
    SELECT m.id_no, min(e.enrollment_id) AS enrollment_id
    FROM mem m
    JOIN en e ON e.enrollment_id = m.enrollment_id AND e.in_scope
    GROUP BY m.id_no
)
SELECT 'B01' AS rule,
       'MEDIUM' AS severity,
       c.id_no AS subject,
       v.enrollment_id, p.household_id, c.id_no, c.cards AS card_no, h.region_code,
       '名下有' || c.n || '张正常状态的一卡通（卡号' || replace(c.cards, ',', '、') || '），一人应只保留一张补贴发放卡'
           AS explanation,
       to_json({active_subsidy_cards: c.n})::VARCHAR AS evidence
FROM held c
JOIN persons p USING (id_no)
JOIN households h ON h.household_id = p.household_id
JOIN covering v ON v.id_no = c.id_no
