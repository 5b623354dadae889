-- B07 NONSTANDARD_REMARK 发放摘要不规范 (docs/rules-interpretation.md, B07). Subject payment_id. LOW; amount 0.
-- A made payment in W whose remark (empty counts as lacking) does not contain the program's keyword, or does not
-- contain its own period as 2026年10月, 2026年1月 / 2026年01月, 202610 or 2026-10 (plain substring tests).
-- id_no: the payee; card_no: the payment's card when paid by CARD.
WITH forms AS (
    -- the period forms of each month of W, once: by_month[period - w_from() + 1]
    SELECT list([printf('%d年%d月', m // 12, m % 12 + 1), printf('%d年%02d月', m // 12, m % 12 + 1),
                 printf('%d%02d', m // 12, m % 12 + 1), printf('%d-%02d', m // 12, m % 12 + 1)] ORDER BY m)
               AS by_month
    FROM range(w_from(), period_p() + 1) t(m)
), checked AS (
    SELECT p.payment_id, p.enrollment_id, p.period, p.channel, p.card_no, p.remark, p.program,
           coalesce(contains(p.remark, remark_keyword(p.program)), false) AS has_keyword,
           coalesce(contains(p.remark, f.by_month[p.period - w_from() + 1][1])
                 OR contains(p.remark, f.by_month[p.period - w_from() + 1][2])
                 OR contains(p.remark, f.by_month[p.period - w_from() + 1][3])
                 OR contains(p.remark, f.by_month[p.period - w_from() + 1][4]), false) AS has_period
    FROM mw p, forms f
)
SELECT 'B07' AS rule,
       'LOW' AS severity,
       c.payment_id AS subject,
       e.enrollment_id, e.household_id, e.payee_id_no AS id_no,
       CASE WHEN c.channel = 'CARD' THEN c.card_no END AS card_no,
       e.region_code,
       ym(c.period) AS period_from,
       ym(c.period) AS period_to,
       ym(c.period) || '的发放摘要' || coalesce('“' || c.remark || '”', '为空，') || '缺少'
           || CASE WHEN NOT c.has_keyword AND NOT c.has_period THEN '项目关键词和所属月份'
                   WHEN NOT c.has_keyword THEN '项目关键词“' || remark_keyword(c.program) || '”'
                   ELSE '所属月份' END AS explanation,
       to_json({remark: c.remark, lacks_keyword: NOT c.has_keyword, lacks_period: NOT c.has_period})::VARCHAR
           AS evidence
FROM checked c
JOIN en e USING (enrollment_id)
WHERE NOT (c.has_keyword AND c.has_period)
