-- The vocabulary of the rules as DuckDB macros: docs/rules-interpretation.md, "Terms used below".
-- Run before the files are loaded (loading normalises IDs, regions and months with these).
-- The run's parameters are DuckDB variables (SET VARIABLE ...), set by sunshine.bench.DuckDbCheck from the
-- engine's defaults: period (P as a month number), lookback (L), and each rule's own, named like
-- a02_enterprise_capital for A02.enterprise_capital.

-- Months are integers, year * 12 + (month - 1), as the engine stores them: m + 1 is the next month.
CREATE MACRO month_of(d) AS CAST(year(d) * 12 + month(d) - 1 AS INTEGER);
CREATE MACRO month_parse(s) AS CASE
    WHEN s IS NULL THEN NULL
    WHEN length(s) = 7 AND substr(s, 5, 1) = '-' AND substr(s, 6, 2) BETWEEN '01' AND '12'
        THEN CAST(substr(s, 1, 4) AS INTEGER) * 12 + CAST(substr(s, 6, 2) AS INTEGER) - 1
    ELSE error('not a month written 2026-10: ' || s) END;
CREATE MACRO ym(m) AS CASE WHEN m IS NULL THEN NULL ELSE printf('%04d-%02d', m // 12, m % 12 + 1) END;
CREATE MACRO first_day(m) AS make_date(CAST(m // 12 AS BIGINT), CAST(m % 12 + 1 AS BIGINT), 1);

-- P, W and the days that bound them
CREATE MACRO period_p() AS CAST(getvariable('period') AS INTEGER);
CREATE MACRO w_from() AS CAST(getvariable('period') - getvariable('lookback') + 1 AS INTEGER);
CREATE MACRO end_of_p() AS last_day(first_day(period_p()));
CREATE MACRO w_first_day() AS first_day(w_from());

-- ID numbers as the contract normalises them: upper-case X; a 15-digit number gets century 19 and its check digit
CREATE MACRO id_check_char(first17) AS substr('10X98765432', CAST(list_sum(list_transform(range(17),
    lambda i: CAST(substr(first17, i + 1, 1) AS INTEGER) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i + 1]))
    % 11 AS INTEGER) + 1, 1);
CREATE MACRO id_norm(s) AS CASE WHEN length(s) = 15
    THEN left(s, 6) || '19' || substr(s, 7) || id_check_char(left(s, 6) || '19' || substr(s, 7))
    ELSE upper(s) END;

-- Region codes: 12 digits (6- and 9-digit codes padded); county = first 6 digits; town = first 9 + 000.
-- "Trailing zeros ignored" strips whole zero segments of the 2-2-2-3-3 structure, never single digits.
CREATE MACRO region_norm(s) AS CASE WHEN length(s) IN (6, 9) THEN rpad(s, 12, '0') ELSE s END;
CREATE MACRO county_of(c) AS left(c, 6);
CREATE MACRO town_of(c) AS left(c, 9) || '000';
CREATE MACRO region_digits(c) AS CASE
    WHEN right(c, 3) <> '000' THEN 12
    WHEN substr(c, 7, 3) <> '000' THEN 9
    WHEN substr(c, 5, 2) <> '00' THEN 6
    WHEN substr(c, 3, 2) <> '00' THEN 4
    WHEN left(c, 2) <> '00' THEN 2
    ELSE 0 END;
CREATE MACRO region_covers(ancestor, c) AS left(ancestor, region_digits(ancestor)) = left(c, region_digits(ancestor));

-- Programs
CREATE MACRO is_dibao(p) AS p IN ('DIBAO_URBAN', 'DIBAO_RURAL');
CREATE MACRO is_means_tested(p) AS p IN ('DIBAO_URBAN', 'DIBAO_RURAL', 'TEKUN');
CREATE MACRO is_shared(p) AS p IN ('DIBAO_URBAN', 'DIBAO_RURAL', 'TEMP_ASSIST');
CREATE MACRO family_of(p) AS CASE WHEN is_means_tested(p) THEN 'SUBSISTENCE' ELSE p END;
CREATE MACRO program_zh(p) AS CASE p
    WHEN 'DIBAO_URBAN' THEN '城市低保' WHEN 'DIBAO_RURAL' THEN '农村低保' WHEN 'TEKUN' THEN '特困人员救助供养'
    WHEN 'TEMP_ASSIST' THEN '临时救助' WHEN 'ORPHAN' THEN '孤儿基本生活保障'
    WHEN 'DISABILITY_LIVING' THEN '困难残疾人生活补贴' WHEN 'DISABILITY_CARE' THEN '重度残疾人护理补贴' END;
CREATE MACRO remark_keyword(p) AS CASE p
    WHEN 'DIBAO_URBAN' THEN '低保' WHEN 'DIBAO_RURAL' THEN '低保' WHEN 'TEKUN' THEN '特困'
    WHEN 'TEMP_ASSIST' THEN '临时救助' WHEN 'ORPHAN' THEN '孤儿'
    WHEN 'DISABILITY_LIVING' THEN '生活补贴' WHEN 'DISABILITY_CARE' THEN '护理补贴' END;

-- Money is DECIMAL, never floating point. A covered member's share is amount ÷ n rounded HALF_UP to 10 decimals
-- (DuckDB divides DECIMALs in DOUBLE, so the division is done on whole 10^-10 yuan: floor((2a + n) / 2n)).
-- Shares are summed as DECIMAL(38,10) and rounded once, at the end, to the cent with yuan(): ROUND on a DECIMAL
-- rounds half away from zero, which is HALF_UP for the non-negative amounts of the contract.
CREATE MACRO share_of(amount, n) AS CASE WHEN n <= 1 THEN CAST(amount AS DECIMAL(38,10))
    ELSE CAST((CAST(amount * 100 AS HUGEINT) * 200000000 + n) // (2 * n) AS DECIMAL(28,0))
         * CAST(0.0000000001 AS DECIMAL(10,10)) END;
CREATE MACRO yuan(x) AS CAST(round(x, 2) AS DECIMAL(18,2));
CREATE MACRO fmt_yuan(x) AS CAST(CAST(x AS DECIMAL(18,2)) AS VARCHAR);

-- Robust z of the town indicators (E01-E03), over a list of the distribution's values, in double precision as the
-- engine computes it: median of an even count = mean of the two middle values; MAD = median of |x − median|;
-- scale = 1.4826 × MAD, or where that is 0, 1.2533 × the mean absolute deviation from the mean (compensated sums,
-- as Java's DoubleStream.average); where that is 0 too there is no z (nothing fires).
CREATE MACRO list_median(l) AS (list_sort(l)[(len(l) + 1) // 2] + list_sort(l)[(len(l) + 2) // 2]) / 2;
CREATE MACRO list_mad(l) AS list_median(list_transform(l, lambda v: abs(v - list_median(l))));
CREATE MACRO list_mean_deviation(l) AS
    list_aggregate(list_transform(l, lambda v: abs(v - list_aggregate(l, 'fsum') / len(l))), 'fsum') / len(l);
CREATE MACRO robust_scale(l) AS CASE WHEN 1.4826 * list_mad(l) <> 0 THEN 1.4826 * list_mad(l)
    ELSE 1.2533 * list_mean_deviation(l) END;
CREATE MACRO robust_z(x, l) AS CASE WHEN robust_scale(l) <> 0 THEN (x - list_median(l)) / robust_scale(l) END;

-- C02's expected(m) for a known standard: max(0, standard − pci) × covered for DIBAO (pci empty: 0),
-- standard × covered for every other program
CREATE MACRO entitlement(dibao, standard, pci, covered) AS CASE
    WHEN dibao THEN greatest(standard - coalesce(pci, 0), 0) * covered
    ELSE standard * covered END;
