-- A07 CROSS_REGION_DUPLICATE 跨地区重复享受 (docs/rules-interpretation.md, A07). Subject enrollment_id/id_no. HIGH.
-- A month m of W counts for a covered member of an enrollment in scope when the member has other_rolls rows for m of
-- a program of the enrollment's family, in another county than the household's (first 6 digits), and
-- paid(e, m) > 0. other(m) = Σ those rows' amounts. Amount: Σ over counted m of min(share(m), other(m)), share(m)
-- being the member's share of paid(e, m). period_from/to: the first and last counted month.
WITH other AS (
    SELECT e.enrollment_id, m.id_no, r.period, sum(r.amount) AS other
    FROM other_rolls r
    JOIN mem m ON m.id_no = r.id_no
    JOIN en e ON e.enrollment_id = m.enrollment_id AND e.in_scope
    WHERE r.period BETWEEN w_from() AND period_p()
      AND family_of(r.program) = e.family
      AND county_of(r.region_code) <> e.county
    GROUP BY e.enrollment_id, m.id_no, r.period
), counted AS (
    SELECT o.enrollment_id, o.id_no, o.period,
           least(share_of(pm.paid, e.share_n), CAST(o.other AS DECIMAL(38,10))) AS counted
    FROM other o
    JOIN paid_m pm USING (enrollment_id, period)
    JOIN en e USING (enrollment_id)
    WHERE pm.paid > 0
)
SELECT 'A07' AS rule,
       'HIGH' AS severity,
       e.enrollment_id || '/' || c.id_no AS subject,
       e.enrollment_id, e.household_id, c.id_no, e.region_code,
       ym(min(c.period)) AS period_from,
       ym(max(c.period)) AS period_to,
       yuan(sum(c.counted)) AS amount_at_risk,
       '保障对象同时在外县领取同类救助' || count(*) || '个月，本地同期发放' || program_zh(e.program) || '，重复部分计'
           || fmt_yuan(yuan(sum(c.counted))) || '元' AS explanation,
       to_json({family: e.family, covered: e.covered, months: count(*)})::VARCHAR AS evidence
FROM counted c
JOIN en e USING (enrollment_id)
GROUP BY e.enrollment_id, c.id_no, e.household_id, e.region_code, e.program, e.family, e.covered
