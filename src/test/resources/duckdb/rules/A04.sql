-- A04 PROPERTY_OWNER 拥有多套房产 (docs/rules-interpretation.md, A04). Subject enrollment_id. MEDIUM.
-- The covered members of a means-tested enrollment in scope, together, own properties registered by the end of P.
-- Residential properties count by distinct certificate_no, each registered on the earliest date its rows give;
-- D1 = the registration of the (A04.max_residential + 1)-th of them in date order; D2 = the earliest COMMERCIAL,
-- OFFICE or INDUSTRIAL row; the condition holds from D = min(D1, D2) (OTHER never counts). Fires even when nothing
-- was paid from month(D) on; amount: the made payments in W (whole amounts) with period >= month(D).
WITH owned AS (
    SELECT m.enrollment_id, p.certificate_no, p.usage, p.registered_date
    FROM properties p
    JOIN mem m ON m.id_no = p.id_no
    JOIN en e ON e.enrollment_id = m.enrollment_id AND e.means_tested AND e.in_scope
    WHERE p.registered_date <= end_of_p()
      AND p.usage IN ('RESIDENTIAL', 'COMMERCIAL', 'OFFICE', 'INDUSTRIAL')
), residential AS (
    SELECT enrollment_id, certificate_no, min(registered_date) AS registered
    FROM owned
    WHERE usage = 'RESIDENTIAL'
    GROUP BY enrollment_id, certificate_no
), d1 AS (
    SELECT enrollment_id, registered AS d1, homes
    FROM (SELECT enrollment_id, registered,
                 row_number() OVER (PARTITION BY enrollment_id ORDER BY registered) AS nth,
                 count(*) OVER (PARTITION BY enrollment_id) AS homes
          FROM residential)
    WHERE nth = greatest(getvariable('a04_max_residential'), 0) + 1
), d2 AS (
    SELECT enrollment_id, min(registered_date) AS d2, count(*) AS others
    FROM owned
    WHERE usage <> 'RESIDENTIAL'
    GROUP BY enrollment_id
), holds AS (
    SELECT enrollment_id, least(d1.d1, d2.d2) AS d, d1.homes, d2.others
    FROM d1
    FULL JOIN d2 USING (enrollment_id)
)
SELECT 'A04' AS rule,
       'MEDIUM' AS severity,
       e.enrollment_id AS subject,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no, e.region_code,
       ym(min(p.period)) AS period_from,
       ym(max(p.period)) AS period_to,
       yuan(coalesce(sum(p.amount), 0)) AS amount_at_risk,
       '保障对象名下有住宅' || coalesce(h.homes, 0) || '套、商业/办公/工业用房' || coalesce(h.others, 0) || '处，自'
           || strftime(h.d, '%Y年%m月%d日') || '起不符合' || program_zh(e.program) || '条件，此后发放'
           || fmt_yuan(yuan(coalesce(sum(p.amount), 0))) || '元' AS explanation,
       to_json({condition_from: h.d, residential_over_limit_date: any_value(d1.d1), payments: count(p.payment_id)})::VARCHAR
           AS evidence
FROM holds h
JOIN en e USING (enrollment_id)
LEFT JOIN d1 USING (enrollment_id)
LEFT JOIN mw p ON p.enrollment_id = e.enrollment_id AND p.period >= month_of(h.d)
GROUP BY e.enrollment_id, e.household_id, e.payee_id_no, e.region_code, e.program, h.d, h.homes, h.others
