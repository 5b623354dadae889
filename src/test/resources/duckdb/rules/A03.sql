-- A03 VEHICLE_OWNER 拥有车辆 (docs/rules-interpretation.md, A03). Subject enrollment_id/id_no. MEDIUM.
-- A covered member of a means-tested enrollment in scope has an ACTIVE vehicle registered by the end of P, of a type
-- not in A03.exempt_types, with purchase_price empty or >= A03.vehicle_price. R = the earliest such registration.
-- Fires even when nothing was paid from month(R) on; amount: the member's share of the made payments in W with
-- period >= month(R).
WITH qualifying AS (
    SELECT id_no, min(registered_date) AS registered
    FROM vehicles
    WHERE status = 'ACTIVE'
      AND registered_date <= end_of_p()
      AND NOT list_contains(getvariable('a03_exempt_types'), vehicle_type)
      AND (purchase_price IS NULL OR purchase_price >= getvariable('a03_vehicle_price'))
    GROUP BY id_no
)
SELECT 'A03' AS rule,
       'MEDIUM' AS severity,
       e.enrollment_id || '/' || m.id_no AS subject,
       e.enrollment_id, e.household_id, m.id_no, e.region_code,
       ym(min(p.period)) AS period_from,
       ym(max(p.period)) AS period_to,
       yuan(coalesce(sum(p.share), 0)) AS amount_at_risk,
       '保障对象名下有车辆（' || strftime(q.registered, '%Y年%m月%d日') || '登记），仍享受' || program_zh(e.program)
           || '，此后按其份额计' || fmt_yuan(yuan(coalesce(sum(p.share), 0))) || '元' AS explanation,
       to_json({registered_date: q.registered, covered: e.covered, payments: count(p.payment_id)})::VARCHAR
           AS evidence
FROM qualifying q
JOIN mem m ON m.id_no = q.id_no
JOIN en e ON e.enrollment_id = m.enrollment_id AND e.means_tested AND e.in_scope
LEFT JOIN mw p ON p.enrollment_id = e.enrollment_id AND p.period >= month_of(q.registered)
GROUP BY e.enrollment_id, m.id_no, e.household_id, e.region_code, e.program, e.covered, q.registered
