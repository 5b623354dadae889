package sunshine.checks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a check run: the clues (ordered by rule, then subject) and everything needed to record how they
 * were found (period, window, rules, parameters, inputs and their hashes).
 *
 * @param source     what was checked ("folder /data/2026-10")
 * @param period     the check month P
 * @param windowFrom the first month of the window W
 * @param windowTo   the last month of W (= P)
 * @param rules      the rules that ran, by code
 * @param parameters every parameter and its value
 * @param inputs     the datasets read
 * @param absent     datasets some rule would have read that the input does not have
 * @param clues      the clues, by rule then subject
 * @param townNames  the name of every town (12-digit code to name), for summaries
 * @param loadTime   time to read the input
 * @param ruleTime   time to run the rules
 */
public record CheckResult(String source, YearMonth period, YearMonth windowFrom, YearMonth windowTo,
                          List<RuleInfo> rules, CheckParameters parameters, List<InputInfo> inputs,
                          List<String> absent, List<Clue> clues, Map<String, String> townNames, Duration loadTime,
                          Duration ruleTime) {

    /** Counts and amounts of a group of clues. */
    public record Totals(int clues, int critical, int high, int medium, int low, BigDecimal amountAtRisk,
                         BigDecimal owed) {

        static Totals empty() {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return new Totals(0, 0, 0, 0, 0, zero, zero);
        }

        Totals plus(Clue c) {
            return new Totals(clues + 1,
                    critical + (c.severity() == Severity.CRITICAL ? 1 : 0),
                    high + (c.severity() == Severity.HIGH ? 1 : 0),
                    medium + (c.severity() == Severity.MEDIUM ? 1 : 0),
                    low + (c.severity() == Severity.LOW ? 1 : 0),
                    amountAtRisk.add(c.amountAtRisk()),
                    c.owed() == null ? owed : owed.add(c.owed()));
        }
    }

    /** Totals per rule, for every rule that ran (also those without clues), by code. */
    public Map<String, Totals> byRule() {
        Map<String, Totals> out = new LinkedHashMap<>();
        rules.forEach(r -> out.put(r.code(), Totals.empty()));
        for (Clue c : clues) {
            out.merge(c.rule(), Totals.empty().plus(c), (a, b) -> a.plus(c));
        }
        return out;
    }

    /** Totals per town (the town of each clue's region code), by town code. */
    public Map<String, Totals> byTown() {
        Map<String, Totals> out = new TreeMap<>();
        for (Clue c : clues) {
            out.merge(townOf(c.regionCode()), Totals.empty().plus(c), (a, b) -> a.plus(c));
        }
        return out;
    }

    /** Totals per town and rule: town code to (rule code to totals). */
    public Map<String, Map<String, Totals>> byTownAndRule() {
        Map<String, Map<String, Totals>> out = new TreeMap<>();
        for (Clue c : clues) {
            out.computeIfAbsent(townOf(c.regionCode()), k -> new TreeMap<>())
                    .merge(c.rule(), Totals.empty().plus(c), (a, b) -> a.plus(c));
        }
        return out;
    }

    /** The town of a 12-digit region code: its first 9 digits and 000. */
    public static String townOf(String regionCode) {
        if (regionCode == null || regionCode.length() != 12) {
            return "";
        }
        return regionCode.substring(0, 9) + "000";
    }

    /** Totals of all clues. */
    public Totals total() {
        Totals t = Totals.empty();
        for (Clue c : clues) {
            t = t.plus(c);
        }
        return t;
    }
}
