package sunshine.checks;

import java.util.Locale;
import java.util.Set;

/**
 * Which clues of a run to list, in what order, which page. Every filter is optional (null or empty: no filter).
 *
 * @param rules      rule codes (A01, C01 ...)
 * @param severities severities
 * @param region     a region code or its significant prefix ({@code 371526101} or {@code 371526101000}: the town
 *                   and its villages); within the user's own region in any case
 * @param variant    a variant (OVER, UNDER ...)
 * @param text       part of the subject or of the card number, or an enrollment, household or ID number
 * @param sort       the order
 * @param page       the page, from 0
 * @param size       clues per page, 1 to {@link #MAX_SIZE}
 */
public record ClueQuery(Set<String> rules, Set<Severity> severities, String region, String variant, String text,
                        Sort sort, int page, int size) {

    public static final int MAX_SIZE = 1000;
    public static final int DEFAULT_SIZE = 50;

    /** The orders of the clue list; ties always by rule, then subject. */
    public enum Sort {
        /** By rule, then subject: the order of clues.csv. */
        RULE,
        /** Largest amount at risk first. */
        AMOUNT,
        /** Smallest amount at risk first. */
        AMOUNT_ASC,
        /** By region code (village). */
        REGION;

        /** {@code rule}, {@code amount} (largest first), {@code -amount} / {@code amount_asc}, {@code region}. */
        public static Sort parse(String text) {
            if (text == null || text.isBlank()) {
                return RULE;
            }
            String t = text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "rule" -> RULE;
                case "amount", "amount,desc", "-amount_asc" -> AMOUNT;
                case "amount_asc", "amount,asc", "-amount" -> AMOUNT_ASC;
                case "region" -> REGION;
                default -> throw new CheckException("未知的排序：" + text + "（可用：rule、amount、amount_asc、region）",
                        "unknown sort: " + text + " (known: rule, amount, amount_asc, region)");
            };
        }
    }

    public ClueQuery {
        rules = rules == null ? Set.of() : Set.copyOf(rules);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        region = region == null || region.isBlank() ? null : region.strip();
        variant = variant == null || variant.isBlank() ? null : variant.strip();
        text = text == null || text.isBlank() ? null : text.strip();
        sort = sort == null ? Sort.RULE : sort;
        if (page < 0) {
            throw new CheckException("页码不能为负数：" + page, "the page must not be negative: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new CheckException("每页条数应在1到" + MAX_SIZE + "之间：" + size,
                    "the page size must be between 1 and " + MAX_SIZE + ": " + size);
        }
        if (region != null && !region.matches("\\d{1,12}")) {
            throw new CheckException("区划代码应为数字：" + region, "a region code is digits: " + region);
        }
    }

    /** Every clue, in clues.csv order, first page. */
    public static ClueQuery all() {
        return new ClueQuery(null, null, null, null, null, Sort.RULE, 0, DEFAULT_SIZE);
    }

    public ClueQuery page(int page, int size) {
        return new ClueQuery(rules, severities, region, variant, text, sort, page, size);
    }
}
