package sunshine.checks;

import java.util.List;
import sunshine.checks.CheckResult.Totals;

/**
 * The totals of a run's clues within the asking user's region: per rule (every rule the run ran, also those
 * without clues), per town (every town of the region, also those without clues) and in all.
 */
public record CheckRunSummary(long runId, List<RuleTotals> byRule, List<TownTotals> byTown, Totals total) {

    /** The totals of one rule. */
    public record RuleTotals(String rule, String name, String nameZh, Totals totals) {
    }

    /** The totals of one town. */
    public record TownTotals(String townCode, String townName, Totals totals) {
    }
}
