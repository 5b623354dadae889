-- E03 TOPUP_OUTLIER 补差水平异常 (docs/rules-interpretation.md, E03). Subject region_code (the town). MEDIUM.
-- x = Σ the made DIBAO payments for period P of households in the town ÷ the distinct persons covered by the
-- enrollments with such a payment (towns with none have no x). Fires at robust z >= E.z (distribution as E01).
-- Amount 0; period P.
WITH paid AS (
    -- P is in W: the made payments for P are mw's
    SELECT p.enrollment_id, sum(p.amount) AS amount
    FROM mw p
    WHERE p.period = period_p()
    GROUP BY p.enrollment_id
), money AS (
    SELECT e.town, sum(p.amount) AS amount
    FROM paid p
    JOIN en e ON e.enrollment_id = p.enrollment_id AND e.is_dibao
    GROUP BY e.town
), persons AS (
    SELECT e.town, count(DISTINCT m.id_no) AS n
    FROM paid p
    JOIN en e ON e.enrollment_id = p.enrollment_id AND e.is_dibao
    JOIN mem m ON m.enrollment_id = p.enrollment_id
    GROUP BY e.town
), measured AS (
    SELECT t.town, t.county, t.name, y.amount, n.n AS persons,
           CAST(CAST(y.amount * 100 AS BIGINT) AS DOUBLE) / 100.0 / n.n AS x
    FROM towns t
    JOIN persons n USING (town)
    JOIN money y USING (town)
), scored AS (
    SELECT m.*, CASE WHEN d.n >= 5 THEN 'COUNTY' ELSE 'ALL_TOWNS' END AS scope,
           robust_z(m.x, CASE WHEN d.n >= 5 THEN d.xs ELSE a.xs END) AS z,
           list_median(CASE WHEN d.n >= 5 THEN d.xs ELSE a.xs END) AS median
    FROM measured m
    JOIN (SELECT county, list(x) AS xs, count(*) AS n FROM measured GROUP BY county) d USING (county)
    CROSS JOIN (SELECT list(x) AS xs FROM measured) a
)
SELECT 'E03' AS rule,
       'MEDIUM' AS severity,
       town AS subject,
       town AS region_code,
       ym(period_p()) AS period_from,
       ym(period_p()) AS period_to,
       name || ym(period_p()) || '低保人均发放' || round(x, 2) || '元（发放' || fmt_yuan(amount) || '元÷' || persons
           || '人），稳健z值' || round(z, 2) || '，补差水平显著偏高' AS explanation,
       to_json({x: x, median: median, z: z, scope: scope})::VARCHAR AS evidence
FROM scored
WHERE z >= getvariable('e_z')
