-- D02 STAFF_IS_BENEFICIARY 工作人员本人享受 (docs/rules-interpretation.md, D02). Subject enrollment_id/id_no. HIGH.
-- A covered member of an enrollment in scope is staff, in office during W (on some day of W), and no RELATIVE
-- filing has that member as subject. Where the staff member works does not matter. Amount 0. period_from/to: the
-- enrollment's made payments in W, else P..P.
SELECT 'D02' AS rule,
       'HIGH' AS severity,
       e.enrollment_id || '/' || m.id_no AS subject,
       e.enrollment_id, e.household_id, m.id_no, e.region_code,
       ym(coalesce(w.first_period, period_p())) AS period_from,
       ym(coalesce(w.last_period, period_p())) AS period_to,
       '保障对象本人是工作人员，窗口期内在任，享受' || program_zh(e.program) || '，未作近亲属备案' AS explanation,
       to_json({staff_role: s.role, active_to: s.active_to})::VARCHAR AS evidence
FROM staff s
JOIN mem m ON m.id_no = s.id_no
JOIN en e ON e.enrollment_id = m.enrollment_id AND e.in_scope
LEFT JOIN ew w ON w.enrollment_id = e.enrollment_id
WHERE (s.active_from IS NULL OR s.active_from <= end_of_p())
  AND (s.active_to IS NULL OR s.active_to >= w_first_day())
  AND NOT EXISTS (SELECT 1 FROM filings f WHERE f.kind = 'RELATIVE' AND f.subject_id_no = s.id_no)
