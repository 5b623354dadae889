-- C05 LATE_PAYMENT 发放不及时 (docs/rules-interpretation.md, C05). Subject enrollment_id/period. LOW; amount 0.
-- Not TEMP_ASSIST; a made payment in W paid after day C05.deadline_day of its period's month (its last day when the
-- month is shorter; any later month is late too; paid before its month is not late). One clue per enrollment and
-- period; card_no: the late payment's card when exactly one is late (and paid by CARD).
WITH late AS (
    SELECT p.*,
           least(first_day(p.period) + (greatest(getvariable('c05_deadline_day'), 1) - 1),
                 last_day(first_day(p.period))) AS deadline
    FROM mw p
    WHERE p.program <> 'TEMP_ASSIST'
)
SELECT 'C05' AS rule,
       'LOW' AS severity,
       e.enrollment_id || '/' || ym(l.period) AS subject,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no,
       CASE WHEN count(*) = 1 THEN any_value(CASE WHEN l.channel = 'CARD' THEN l.card_no END) END AS card_no,
       e.region_code,
       ym(l.period) AS period_from,
       ym(l.period) AS period_to,
       ym(l.period) || program_zh(e.program) || '最晚于' || strftime(max(l.paid_date), '%Y年%m月%d日') || '发放，超过'
           || strftime(any_value(l.deadline), '%Y年%m月%d日') || '的发放期限' AS explanation,
       to_json({late_payments: count(*), deadline: any_value(l.deadline), latest: max(l.paid_date)})::VARCHAR
           AS evidence
FROM late l
JOIN en e USING (enrollment_id)
WHERE l.paid_date > l.deadline
GROUP BY e.enrollment_id, e.household_id, e.payee_id_no, e.region_code, e.program, l.period
