-- A10 RESIDENCY_ENDED 户籍注销迁出 (docs/rules-interpretation.md, A10). Subject enrollment_id/id_no. MEDIUM.
-- A qualifying event of a covered member of an enrollment in scope: CANCELLED, or MOVED_OUT with to_region empty or
-- in another county than the enrollment's household. d = the earliest qualifying event date. Fires when the
-- enrollment has made payments in W for periods after month(d); amount: the member's share of them.
WITH ended AS (
    SELECT e.enrollment_id, m.id_no, min(r.event_date) AS event_date
    FROM residency_events r
    JOIN mem m ON m.id_no = r.id_no
    JOIN en e ON e.enrollment_id = m.enrollment_id AND e.in_scope
    WHERE r.event = 'CANCELLED'
       OR (r.event = 'MOVED_OUT' AND (r.to_region IS NULL OR county_of(r.to_region) <> e.county))
    GROUP BY e.enrollment_id, m.id_no
)
SELECT 'A10' AS rule,
       'MEDIUM' AS severity,
       e.enrollment_id || '/' || x.id_no AS subject,
       e.enrollment_id, e.household_id, x.id_no, e.region_code,
       ym(min(p.period)) AS period_from,
       ym(max(p.period)) AS period_to,
       yuan(sum(p.share)) AS amount_at_risk,
       strftime(x.event_date, '%Y年%m月%d日') || '户籍注销或迁出，此后仍发放' || program_zh(e.program) || '，按其份额计'
           || fmt_yuan(yuan(sum(p.share))) || '元' AS explanation,
       to_json({event_date: x.event_date, covered: e.covered, payments: count(*)})::VARCHAR AS evidence
FROM ended x
JOIN en e USING (enrollment_id)
JOIN mw p ON p.enrollment_id = e.enrollment_id AND p.period > month_of(x.event_date)
GROUP BY e.enrollment_id, x.id_no, e.household_id, e.region_code, e.program, e.covered, x.event_date
