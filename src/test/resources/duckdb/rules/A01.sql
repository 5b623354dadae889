-- A01 DECEASED_PAID 死亡人员仍领取 (docs/rules-interpretation.md, A01). Subject enrollment_id/id_no. HIGH.
-- A covered member's death date is the earliest death_date over their records. Counted: the made payments in W of
-- the enrollment (in scope) for periods after month(death); the clue fires when there is one. Amount at risk: the
-- member's share of them. period_from/to: the first and last counted period.
WITH death AS (
    SELECT id_no, min(death_date) AS death_date
    FROM deaths
    GROUP BY id_no
)
SELECT 'A01' AS rule,
       'HIGH' AS severity,
       e.enrollment_id || '/' || m.id_no AS subject,
       e.enrollment_id, e.household_id, m.id_no, e.region_code,
       ym(min(p.period)) AS period_from,
       ym(max(p.period)) AS period_to,
       yuan(sum(p.share)) AS amount_at_risk,
       strftime(d.death_date, '%Y年%m月') || '死亡，此后仍发放' || count(DISTINCT p.period) || '个月'
           || program_zh(e.program) || '，按其份额计' || fmt_yuan(yuan(sum(p.share))) || '元' AS explanation,
       to_json({death_date: d.death_date, covered: e.covered, payments: count(*)})::VARCHAR AS evidence
FROM death d
JOIN mem m ON m.id_no = d.id_no
JOIN en e ON e.enrollment_id = m.enrollment_id AND e.in_scope
JOIN mw p ON p.enrollment_id = e.enrollment_id AND p.period > month_of(d.death_date)
GROUP BY e.enrollment_id, m.id_no, e.household_id, e.region_code, e.program, e.covered, d.death_date
