package sunshine.ledger;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import sunshine.checks.Severity;
import sunshine.contract.Reason;

/**
 * Which items to list on a screen, in what order, which page: the clue list and the work queue. Every filter is
 * optional (null or empty: no condition); the actor's region always applies on top.
 *
 * @param source     only items of this source (CHECK for the clue list)
 * @param rules      rule codes (A01 ...)
 * @param severities severities
 * @param statuses   statuses
 * @param regionCode only items in this region (a town and its villages ...): 12 digits
 * @param program    the program (DIBAO_RURAL ...)
 * @param runId      only items that this check run found (its clue is evidence of the item)
 * @param minAmount  amount at risk at least
 * @param maxAmount  amount at risk at most
 * @param text       part of the subject or of the explanation (which names the person, masked), or an
 *                   enrollment, household or ID number, or the item's number
 * @param overdue    only overdue items (true) or only items within their deadline (false)
 * @param mine       only items the actor's own unit must act on now (responsible region = the actor's region)
 * @param sort       the order; ties by number, newest first
 * @param descending largest (newest, latest) first
 * @param page       the page, from 0
 * @param size       items per page, 1 to {@link #MAX_SIZE}
 */
public record LedgerFilter(LedgerSource source, Set<String> rules, Set<Severity> severities,
                           Set<LedgerStatus> statuses, String regionCode, String program, Long runId,
                           BigDecimal minAmount, BigDecimal maxAmount, String text, Boolean overdue, boolean mine,
                           Sort sort, boolean descending, int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    /** The columns a list may be sorted by. */
    public enum Sort {
        /** the item's number (newest first when descending) */
        ID,
        RULE,
        SEVERITY,
        STATUS,
        REGION,
        AMOUNT,
        DEADLINE;

        /** A column's name as a screen sends it ({@code amount}, {@code deadline} ...); blank: {@link #ID}. */
        public static Sort parse(String text) {
            if (text == null || text.isBlank()) {
                return ID;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new LedgerException(LedgerException.Kind.INVALID, new Reason("未知的排序：" + text,
                        "unknown sort: " + text));
            }
        }
    }

    public LedgerFilter {
        rules = rules == null ? Set.of() : Set.copyOf(rules);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        regionCode = blankToNull(regionCode);
        program = blankToNull(program);
        text = blankToNull(text);
        sort = sort == null ? Sort.ID : sort;
        if (regionCode != null && !regionCode.matches("\\d{12}")) {
            throw LedgerException.invalid("地区代码应为12位数字：" + regionCode, "a region code has 12 digits: "
                    + regionCode);
        }
        if (page < 0) {
            throw LedgerException.invalid("页码不能为负数：" + page, "the page must not be negative: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw LedgerException.invalid("每页条数应在1到" + MAX_SIZE + "之间：" + size,
                    "the page size must be between 1 and " + MAX_SIZE + ": " + size);
        }
        if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
            throw LedgerException.invalid("金额下限大于上限", "the lowest amount is above the highest");
        }
        if (text != null && text.length() > 100) {
            throw LedgerException.invalid("搜索文字最多100个字符", "search text has at most 100 characters");
        }
    }

    /** Everything, newest first, first page. */
    public static LedgerFilter all() {
        return new LedgerFilter(null, null, null, null, null, null, null, null, null, null, null, false, Sort.ID,
                true, 0, DEFAULT_SIZE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
