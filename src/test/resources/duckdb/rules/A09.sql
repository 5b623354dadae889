-- A09 LEFT_OUT 应保未保 (docs/rules-interpretation.md, A09). Subject id_no. MEDIUM; amount 0.
-- A certificate counts when ACTIVE and issued by the end of P. CARE: a registry person with a counting certificate
-- of level 1 or 2 and no DISABILITY_CARE enrollment ACTIVE at P covering them. LIVING: a person covered by a DIBAO
-- enrollment ACTIVE at P, with a counting certificate of any level, and no DISABILITY_LIVING enrollment ACTIVE at P
-- covering them. Both: CARE+LIVING. owed: the missing programs' standards at P for the person's household (the known
-- ones summed; empty when none is known). enrollment_id: the DIBAO enrollment for LIVING (smallest id), else empty;
-- household and region: the person's. No period. Nobody is left out who died, or whose residence in the county
-- ended (CANCELLED, or MOVED_OUT to another county or an unknown place), by the end of P.
WITH certified AS (
    SELECT id_no, min(level) AS lowest
    FROM disability_certificates
    WHERE status = 'ACTIVE' AND issued_date <= end_of_p()
    GROUP BY id_no
), gone AS (
    SELECT id_no FROM deaths WHERE death_date <= end_of_p()
    UNION
    SELECT r.id_no
    FROM residency_events r
    JOIN persons p ON p.id_no = r.id_no
    JOIN households h ON h.household_id = p.household_id
    WHERE r.event_date <= end_of_p()
      AND (r.event = 'CANCELLED'
           OR (r.event = 'MOVED_OUT' AND (r.to_region IS NULL OR county_of(r.to_region) <> county_of(h.region_code))))
), active AS (
    SELECT m.id_no,
           bool_or(e.program = 'DISABILITY_CARE') AS has_care,
           bool_or(e.program = 'DISABILITY_LIVING') AS has_living,
           min(CASE WHEN e.is_dibao THEN e.enrollment_id END) AS dibao
    FROM mem m
    JOIN en e ON e.enrollment_id = m.enrollment_id AND e.active_at_p
    GROUP BY m.id_no
), missing AS (
    SELECT c.id_no, c.lowest, a.dibao,
           c.lowest <= 2 AND NOT coalesce(a.has_care, false) AS care,
           a.dibao IS NOT NULL AND NOT coalesce(a.has_living, false) AS living
    FROM certified c
    LEFT JOIN active a USING (id_no)
    WHERE c.id_no NOT IN (SELECT id_no FROM gone)
), owed AS (
    SELECT x.*, p.household_id, h.region_code,
           CASE WHEN x.care THEN sc.standard END AS care_standard,
           CASE WHEN x.living THEN sl.standard END AS living_standard
    FROM missing x
    JOIN persons p USING (id_no)
    JOIN households h ON h.household_id = p.household_id
    LEFT JOIN std_w sc ON sc.program = 'DISABILITY_CARE' AND sc.m = period_p()
                      AND sc.region_code = h.region_code AND sc.urban_rural = h.urban_rural
    LEFT JOIN std_w sl ON sl.program = 'DISABILITY_LIVING' AND sl.m = period_p()
                      AND sl.region_code = h.region_code AND sl.urban_rural = h.urban_rural
    WHERE x.care OR x.living
)
SELECT 'A09' AS rule,
       'MEDIUM' AS severity,
       id_no AS subject,
       CASE WHEN care AND living THEN 'CARE+LIVING' WHEN care THEN 'CARE' ELSE 'LIVING' END AS variant,
       CASE WHEN living THEN dibao END AS enrollment_id,
       household_id, id_no, region_code,
       CASE WHEN care_standard IS NULL AND living_standard IS NULL THEN NULL
            ELSE coalesce(care_standard, 0) + coalesce(living_standard, 0) END AS owed,
       '持有效' || lowest || '级残疾人证，未享受' || CASE WHEN care AND living THEN '护理补贴和生活补贴'
           WHEN care THEN '重度残疾人护理补贴' ELSE '困难残疾人生活补贴' END AS explanation,
       to_json({lowest_level: lowest, care_standard: care_standard, living_standard: living_standard})::VARCHAR
           AS evidence
FROM owed
