-- A08 DUPLICATE_ENROLLMENT 重复享受 (docs/rules-interpretation.md, A08). Subject id_no. HIGH.
-- For each family and month m of W, the enrollments of that family covering the person with paid(e, m) > 0; a
-- month counts when there are 2 or more. Amount: Σ over counted (family, m) of (Σ shares − the largest share), a
-- share being the person's share of paid(e, m). One clue per person (all families summed). enrollment_id: the one
-- with the latest approved_date among those involved (ties: the largest enrollment_id), with its household.
WITH multi AS (
    -- persons covered by 2+ enrollments of one family: the only ones that can be duplicated
    SELECT m.id_no, e.family
    FROM mem m
    JOIN en e USING (enrollment_id)
    GROUP BY m.id_no, e.family
    HAVING count(*) >= 2
), shares AS (
    SELECT m.id_no, e.family, pm.period, e.enrollment_id, e.approved_date,
           share_of(pm.paid, e.share_n) AS share,
           count(*) OVER (PARTITION BY m.id_no, e.family, pm.period) AS payers
    FROM multi x
    JOIN mem m ON m.id_no = x.id_no
    JOIN en e ON e.enrollment_id = m.enrollment_id AND e.family = x.family
    JOIN paid_m pm ON pm.enrollment_id = e.enrollment_id AND pm.paid > 0
), counted AS (
    SELECT * FROM shares WHERE payers >= 2
), per_month AS (
    SELECT id_no, family, period, sum(share) - max(share) AS duplicate
    FROM counted
    GROUP BY id_no, family, period
), chosen AS (
    SELECT id_no, enrollment_id
    FROM counted
    QUALIFY row_number() OVER (PARTITION BY id_no ORDER BY approved_date DESC, enrollment_id DESC) = 1
)
SELECT 'A08' AS rule,
       'HIGH' AS severity,
       d.id_no AS subject,
       e.enrollment_id, e.household_id, d.id_no, e.region_code,
       ym(d.first_month) AS period_from,
       ym(d.last_month) AS period_to,
       yuan(d.duplicate) AS amount_at_risk,
       '保障对象同时被多项同类待遇保障，' || d.months || '个月重复领取，重复部分按其份额计' || fmt_yuan(yuan(d.duplicate))
           || '元' AS explanation,
       to_json({months: d.months, chosen_enrollment_id: e.enrollment_id})::VARCHAR AS evidence
FROM (SELECT id_no, sum(duplicate) AS duplicate, min(period) AS first_month, max(period) AS last_month,
             count(DISTINCT period) AS months
      FROM per_month
      GROUP BY id_no) d
JOIN chosen c USING (id_no)
JOIN en e ON e.enrollment_id = c.enrollment_id
