-- A05 PUBLIC_EMPLOYEE 财政供养人员 (docs/rules-interpretation.md, A05). Subject enrollment_id/id_no. HIGH.
-- A covered member of a means-tested enrollment in scope has an employment that overlaps W (employed_from <= end
-- of P, employed_to empty or >= the first day of W). The overlap alone makes the clue (amount 0 when no paid period
-- falls inside); amount: the member's share of the made payments in W whose period m has month(employed_from) <=
-- m <= month(employed_to) for one of those employments (no upper bound when employed_to is empty), each once.
WITH employment AS (
    SELECT id_no,
           month_of(employed_from) AS from_month,
           coalesce(month_of(employed_to), 2147483647) AS to_month
    FROM public_employees
    WHERE employed_from <= end_of_p()
      AND (employed_to IS NULL OR employed_to >= w_first_day())
), employed AS (
    SELECT e.enrollment_id, m.id_no, e.household_id, e.region_code, e.program, e.covered
    FROM (SELECT DISTINCT id_no FROM employment) j
    JOIN mem m ON m.id_no = j.id_no
    JOIN en e ON e.enrollment_id = m.enrollment_id AND e.means_tested AND e.in_scope
), counted AS (
    SELECT c.enrollment_id, c.id_no, p.period, p.share
    FROM employed c
    JOIN mw p ON p.enrollment_id = c.enrollment_id
    WHERE EXISTS (SELECT 1 FROM employment j
                  WHERE j.id_no = c.id_no AND p.period BETWEEN j.from_month AND j.to_month)
)
SELECT 'A05' AS rule,
       'HIGH' AS severity,
       c.enrollment_id || '/' || c.id_no AS subject,
       c.enrollment_id, c.household_id, c.id_no, c.region_code,
       ym(min(k.period)) AS period_from,
       ym(max(k.period)) AS period_to,
       yuan(coalesce(sum(k.share), 0)) AS amount_at_risk,
       '保障对象为财政供养人员，仍享受' || program_zh(c.program) || '；任职期间按其份额计'
           || fmt_yuan(yuan(coalesce(sum(k.share), 0))) || '元' AS explanation,
       to_json({covered: c.covered, payments: count(k.period)})::VARCHAR AS evidence
FROM employed c
LEFT JOIN counted k ON k.enrollment_id = c.enrollment_id AND k.id_no = c.id_no
GROUP BY c.enrollment_id, c.id_no, c.household_id, c.region_code, c.program, c.covered
