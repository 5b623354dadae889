-- A02 BUSINESS_OWNER 经营企业 (docs/rules-interpretation.md, A02). Subject enrollment_id/id_no. MEDIUM.
-- A covered member of a means-tested enrollment in scope is LEGAL_REP, SHAREHOLDER or OWNER of an ACTIVE entity
-- established by the end of P: an ENTERPRISE with registered_capital empty or >= A02.enterprise_capital, or an
-- INDIVIDUAL business when A02.include_individual. E = the earliest such established_date. Fires even when nothing
-- was paid from month(E) on (amount 0); amount: the member's share of the made payments in W with period >= month(E).
WITH qualifying AS (
    SELECT id_no, min(established_date) AS established
    FROM businesses
    WHERE role IN ('LEGAL_REP', 'SHAREHOLDER', 'OWNER')
      AND status = 'ACTIVE'
      AND established_date <= end_of_p()
      AND ((entity_type = 'ENTERPRISE'
                AND (registered_capital IS NULL
                     OR registered_capital >= getvariable('a02_enterprise_capital')))
           OR (entity_type = 'INDIVIDUAL' AND getvariable('a02_include_individual')))
    GROUP BY id_no
)
SELECT 'A02' AS rule,
       'MEDIUM' AS severity,
       e.enrollment_id || '/' || m.id_no AS subject,
       e.enrollment_id, e.household_id, m.id_no, e.region_code,
       ym(min(p.period)) AS period_from,
       ym(max(p.period)) AS period_to,
       yuan(coalesce(sum(p.share), 0)) AS amount_at_risk,
       '保障对象经营企业（' || strftime(q.established, '%Y年%m月%d日') || '成立），仍享受' || program_zh(e.program)
           || '，此后按其份额计' || fmt_yuan(yuan(coalesce(sum(p.share), 0))) || '元' AS explanation,
       to_json({established_date: q.established, covered: e.covered, payments: count(p.payment_id)})::VARCHAR
           AS evidence
FROM qualifying q
JOIN mem m ON m.id_no = q.id_no
JOIN en e ON e.enrollment_id = m.enrollment_id AND e.means_tested AND e.in_scope
LEFT JOIN mw p ON p.enrollment_id = e.enrollment_id AND p.period >= month_of(q.established)
GROUP BY e.enrollment_id, m.id_no, e.household_id, e.region_code, e.program, e.covered, q.established
