-- D04 FILING_LEVEL_TOO_LOW 备案层级不符 (docs/rules-interpretation.md, D04). Subject filing_id. LOW; amount 0.
-- A RELATIVE filing whose related staff member (looked up in staff; not found: not checked) has level VILLAGE or
-- TOWN and filed_level TOWN, or level COUNTY and filed_level TOWN or COUNTY, or level CITY (nothing is above CITY).
-- id_no: the filing's subject; household and region: the subject's when a registry person, else the staff
-- member's region. No enrollment, no period.
SELECT 'D04' AS rule,
       'LOW' AS severity,
       f.filing_id AS subject,
       p.household_id, f.subject_id_no AS id_no,
       coalesce(h.region_code, s.region_code) AS region_code,
       '近亲属备案' || f.filing_id || '仅向' || f.filed_level || '备案，' || '工作人员层级为' || s.level
           || '，备案层级不符' AS explanation,
       to_json({filed_level: f.filed_level, staff_level: s.level})::VARCHAR AS evidence
FROM filings f
JOIN staff s ON s.id_no = f.related_id_no
LEFT JOIN persons p ON p.id_no = f.subject_id_no
LEFT JOIN households h ON h.household_id = p.household_id
WHERE f.kind = 'RELATIVE'
  AND NOT ((s.level IN ('VILLAGE', 'TOWN') AND f.filed_level IN ('COUNTY', 'CITY'))
           OR (s.level = 'COUNTY' AND f.filed_level = 'CITY'))
