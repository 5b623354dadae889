-- D03 SELF_DEALING 审批调查人员利益冲突 (docs/rules-interpretation.md, D03). Subject enrollment_id. CRITICAL.
-- For an enrollment in scope, the approver or investigator is a covered member (staff or not), or is a staff member
-- with a covered member among their relatives (staff_relatives). A filing does not clear it. Amount: Σ the
-- enrollment's made payments in W (whole amounts). id_no: the payee. period_from/to: those payments, else P..P.
WITH conflicts AS (
    SELECT e.enrollment_id, 'COVERED_MEMBER' AS conflict
    FROM en e
    JOIN mem m ON m.enrollment_id = e.enrollment_id
    WHERE e.in_scope AND (m.id_no = e.approver_id_no OR m.id_no = e.investigator_id_no)
    UNION ALL
    SELECT e.enrollment_id, 'RELATIVE_OF_COVERED_MEMBER' AS conflict
    FROM staff s
    JOIN staff_relatives r ON r.staff_id_no = s.id_no
    JOIN mem m ON m.id_no = r.relative_id_no
    JOIN en e ON e.enrollment_id = m.enrollment_id AND e.in_scope
    WHERE s.id_no = e.approver_id_no OR s.id_no = e.investigator_id_no
)
SELECT 'D03' AS rule,
       'CRITICAL' AS severity,
       e.enrollment_id AS subject,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no, e.region_code,
       ym(coalesce(w.first_period, period_p())) AS period_from,
       ym(coalesce(w.last_period, period_p())) AS period_to,
       coalesce(w.total, 0.00) AS amount_at_risk,
       '审批人或调查人是保障对象本人或其近亲属，审批调查存在利益冲突，窗口期内共发放'
           || fmt_yuan(coalesce(w.total, 0.00)) || '元' AS explanation,
       to_json({conflicts: c.conflicts})::VARCHAR AS evidence
FROM (SELECT enrollment_id, list(DISTINCT conflict ORDER BY conflict) AS conflicts
      FROM conflicts GROUP BY enrollment_id) c
JOIN en e USING (enrollment_id)
LEFT JOIN ew w USING (enrollment_id)
