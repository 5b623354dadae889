-- D01 RELATIVE_NOT_FILED 近亲属享受未备案 (docs/rules-interpretation.md, D01). Subject enrollment_id/staff id_no. HIGH.
-- A covered member of an enrollment in scope is a relative (staff_relatives) of staff member S; S covers the
-- household (S's region, trailing zero segments ignored, prefixes the household's village); S was in office on the
-- approved_date; no RELATIVE filing has subject = that member and related = S. One clue per enrollment and S;
-- id_no: the first such relative in the enrollment's member order. Amount 0. period_from/to: the first and last
-- period of the enrollment's made payments in W, else P..P.
WITH hits AS (
    SELECT e.enrollment_id, s.id_no AS staff_id_no, m.id_no, m.member_no
    FROM staff s
    JOIN staff_relatives r ON r.staff_id_no = s.id_no
    JOIN mem m ON m.id_no = r.relative_id_no
    JOIN en e ON e.enrollment_id = m.enrollment_id AND e.in_scope
    WHERE region_covers(s.region_code, e.region_code)
      AND (s.active_from IS NULL OR s.active_from <= e.approved_date)
      AND (s.active_to IS NULL OR e.approved_date <= s.active_to)
      AND NOT EXISTS (SELECT 1 FROM filings f
                      WHERE f.kind = 'RELATIVE' AND f.subject_id_no = m.id_no AND f.related_id_no = s.id_no)
)
SELECT 'D01' AS rule,
       'HIGH' AS severity,
       h.enrollment_id || '/' || h.staff_id_no AS subject,
       e.enrollment_id, e.household_id, arg_min(h.id_no, h.member_no) AS id_no, e.region_code,
       ym(coalesce(w.first_period, period_p())) AS period_from,
       ym(coalesce(w.last_period, period_p())) AS period_to,
       '保障对象是管辖该户且在审批日在任的工作人员的近亲属，享受' || program_zh(e.program) || '未按规定备案'
           AS explanation,
       to_json({staff_id_no: h.staff_id_no, relatives: count(DISTINCT h.id_no)})::VARCHAR AS evidence
FROM hits h
JOIN en e USING (enrollment_id)
LEFT JOIN ew w USING (enrollment_id)
GROUP BY h.enrollment_id, h.staff_id_no, e.enrollment_id, e.household_id, e.region_code, e.program,
         w.first_period, w.last_period
