-- E01 COVERAGE_OUTLIER 保障面异常 (docs/rules-interpretation.md, E01). Subject region_code (the town). MEDIUM.
-- x = the distinct persons covered by DIBAO enrollments ACTIVE at P whose household is in the town ÷ the town's
-- population (towns with population > 0). The distribution is the towns of the same county with an x, or every
-- town with an x where the county has fewer than 5. Fires at robust z >= E.z. Amount 0; period P.
WITH covered AS (
    SELECT e.town, count(DISTINCT m.id_no) AS persons
    FROM en e
    JOIN mem m USING (enrollment_id)
    WHERE e.is_dibao AND e.active_at_p
    GROUP BY e.town
), measured AS (
    SELECT t.town, t.county, t.name, coalesce(c.persons, 0) AS persons, t.population,
           coalesce(c.persons, 0) / CAST(t.population AS DOUBLE) AS x
    FROM towns t
    LEFT JOIN covered c USING (town)
    WHERE t.population > 0
), scored AS (
    SELECT m.*, CASE WHEN d.n >= 5 THEN 'COUNTY' ELSE 'ALL_TOWNS' END AS scope,
           robust_z(m.x, CASE WHEN d.n >= 5 THEN d.xs ELSE a.xs END) AS z,
           list_median(CASE WHEN d.n >= 5 THEN d.xs ELSE a.xs END) AS median
    FROM measured m
    JOIN (SELECT county, list(x) AS xs, count(*) AS n FROM measured GROUP BY county) d USING (county)
    CROSS JOIN (SELECT list(x) AS xs FROM measured) a
)
SELECT 'E01' AS rule,
       'MEDIUM' AS severity,
       town AS subject,
       town AS region_code,
       ym(period_p()) AS period_from,
       ym(period_p()) AS period_to,
       name || ym(period_p()) || '低保保障面' || round(x * 100, 2) || '%（在保' || persons || '人÷户籍人口' || population
           || '人），稳健z值' || round(z, 2) || '，保障面显著偏高' AS explanation,
       to_json({x: x, median: median, z: z, scope: scope})::VARCHAR AS evidence
FROM scored
WHERE z >= getvariable('e_z')
