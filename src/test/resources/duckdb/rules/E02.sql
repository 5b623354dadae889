-- E02 GROWTH_SPIKE 增长异常 (docs/rules-interpretation.md, E02). Subject region_code (the town). MEDIUM.
-- persons(m) = the distinct persons covered by DIBAO enrollments with a made payment for period m (whatever W),
-- household in the town. x = persons(P) ÷ persons(P − E02.months) − 1, for towns with persons at P − months. Fires
-- at robust z >= E.z (distribution as E01) when also x >= E02.min_growth. Amount 0; periods P − months .. P.
WITH paid AS (
    SELECT DISTINCT enrollment_id, period
    FROM pay
    WHERE made AND period IN (period_p(), period_p() - getvariable('e02_months'))
), persons AS (
    SELECT e.town, p.period, count(DISTINCT m.id_no) AS n
    FROM paid p
    JOIN en e ON e.enrollment_id = p.enrollment_id AND e.is_dibao
    JOIN mem m ON m.enrollment_id = p.enrollment_id
    GROUP BY e.town, p.period
), measured AS (
    SELECT t.town, t.county, t.name, coalesce(now.n, 0) AS persons, before.n AS persons_before,
           coalesce(now.n, 0) / CAST(before.n AS DOUBLE) - 1 AS x
    FROM towns t
    JOIN persons before ON before.town = t.town AND before.period = period_p() - getvariable('e02_months')
    LEFT JOIN persons now ON now.town = t.town AND now.period = period_p()
), scored AS (
    SELECT m.*, CASE WHEN d.n >= 5 THEN 'COUNTY' ELSE 'ALL_TOWNS' END AS scope,
           robust_z(m.x, CASE WHEN d.n >= 5 THEN d.xs ELSE a.xs END) AS z,
           list_median(CASE WHEN d.n >= 5 THEN d.xs ELSE a.xs END) AS median
    FROM measured m
    JOIN (SELECT county, list(x) AS xs, count(*) AS n FROM measured GROUP BY county) d USING (county)
    CROSS JOIN (SELECT list(x) AS xs FROM measured) a
)
SELECT 'E02' AS rule,
       'MEDIUM' AS severity,
       town AS subject,
       town AS region_code,
       ym(period_p() - getvariable('e02_months')) AS period_from,
       ym(period_p()) AS period_to,
       name || ym(period_p()) || '低保发放人数' || persons || '人，较' || ym(period_p() - getvariable('e02_months'))
           || '的' || persons_before || '人增长' || round(x * 100, 2) || '%，稳健z值' || round(z, 2) || '，增长异常'
           AS explanation,
       to_json({x: x, median: median, z: z, scope: scope})::VARCHAR AS evidence
FROM scored
WHERE z >= getvariable('e_z') AND x >= getvariable('e02_min_growth')
