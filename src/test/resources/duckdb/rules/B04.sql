-- B04 SHARED_CARD 一卡多户 (docs/rules-interpretation.md, B04). Subject card_no. CRITICAL.
-- A card (in cards) received made CARD payments in W for enrollments of 2 or more households. Amount: Σ the
-- payments for households other than the holder's (persons.household_id; all of them when the holder is in none).
-- id_no: the holder; enrollment_id: the smallest among the payments' enrollments; household and region: the
-- holder's when the holder is in persons, else that enrollment's. period_from/to: every payment to the card.
WITH several AS (
    -- card numbers paid in W for more than one household (the few that can fire)
    SELECT card_no
    FROM mw
    WHERE channel = 'CARD'
    GROUP BY card_no
    HAVING min(household_id) <> max(household_id)
), paid AS (
    SELECT c.card_no, c.holder_id_no, hp.household_id AS holder_household,
           p.enrollment_id, p.household_id, p.amount, p.period
    FROM mw p
    JOIN several USING (card_no)
    JOIN cards c ON c.card_no = p.card_no
    LEFT JOIN persons hp ON hp.id_no = c.holder_id_no
    WHERE p.channel = 'CARD'
), shared AS (
    SELECT card_no, holder_id_no, holder_household,
           sum(CASE WHEN household_id IS DISTINCT FROM holder_household THEN amount ELSE 0 END) AS others,
           count(DISTINCT household_id) AS households,
           min(enrollment_id) AS smallest,
           min(period) AS first_period, max(period) AS last_period
    FROM paid
    GROUP BY card_no, holder_id_no, holder_household
    HAVING count(DISTINCT household_id) >= 2
)
SELECT 'B04' AS rule,
       'CRITICAL' AS severity,
       s.card_no AS subject,
       s.smallest AS enrollment_id,
       h.household_id, s.holder_id_no AS id_no, s.card_no, h.region_code,
       ym(s.first_period) AS period_from,
       ym(s.last_period) AS period_to,
       yuan(s.others) AS amount_at_risk,
       '一卡通' || s.card_no || '收到' || s.households || '户的待遇资金，非持卡人本户的共计' || fmt_yuan(s.others) || '元'
           AS explanation,
       to_json({households: s.households, holder_household_id: s.holder_household})::VARCHAR AS evidence
FROM shared s
JOIN en e ON e.enrollment_id = s.smallest
JOIN households h ON h.household_id = coalesce(s.holder_household, e.household_id)
