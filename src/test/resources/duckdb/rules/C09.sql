-- C09 TEMP_ASSIST_EXCESS 临时救助超限 (docs/rules-interpretation.md, C09). Subject household_id. MEDIUM.
-- The made TEMP_ASSIST payments in W of a household's enrollments: more than C09.max_count of them, or their total
-- above C09.max_total. Amount: total − max_total when positive, else 0. enrollment_id (and id_no, its payee): the
-- TEMP_ASSIST enrollment with a counted payment and the latest approved_date (ties: the largest enrollment_id).
WITH paid AS (
    SELECT p.household_id, p.enrollment_id, p.amount, p.period, e.approved_date
    FROM mw p
    JOIN en e USING (enrollment_id)
    WHERE p.program = 'TEMP_ASSIST'
), households AS (
    SELECT household_id, count(*) AS payments, sum(amount) AS total, min(period) AS first_period,
           max(period) AS last_period, arg_max(enrollment_id, (approved_date, enrollment_id)) AS latest
    FROM paid
    GROUP BY household_id
    HAVING count(*) > getvariable('c09_max_count') OR sum(amount) > getvariable('c09_max_total')
)
SELECT 'C09' AS rule,
       'MEDIUM' AS severity,
       h.household_id AS subject,
       e.enrollment_id, h.household_id, e.payee_id_no AS id_no, e.region_code,
       ym(h.first_period) AS period_from,
       ym(h.last_period) AS period_to,
       greatest(h.total - getvariable('c09_max_total'), 0) AS amount_at_risk,
       '该户窗口期内领取临时救助' || h.payments || '次，共' || fmt_yuan(h.total) || '元，超过上限' AS explanation,
       to_json({count: h.payments, total: h.total})::VARCHAR AS evidence
FROM households h
JOIN en e ON e.enrollment_id = h.latest
