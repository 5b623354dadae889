package sunshine.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import sunshine.checks.CheckResult;
import sunshine.checks.CheckRun;
import sunshine.checks.CheckRunService;
import sunshine.checks.CheckRunSummary;
import sunshine.checks.ClueQuery;
import sunshine.checks.StoredClue;
import sunshine.ledger.LedgerFilter;
import sunshine.ledger.LedgerService;
import sunshine.ledger.LedgerStatus;
import sunshine.ledger.StatusTotals;
import sunshine.security.Actor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's figures, within the actor's region: the amount at risk by rule and by town of the latest
 * completed check run, the ledger's items by status and its overdue items, and the towns the town indicators
 * E01–E03 flagged. Every figure comes from the public APIs of the checks and ledger modules, money as
 * {@link BigDecimal} sums (sent as text, so a chart's table reconciles to the cent).
 */
@Component
class Dashboard {

    /** The town indicators: their clues carry each flagged town's figures in the evidence. */
    static final Set<String> INDICATORS = Set.of("E01", "E02", "E03");
    /** Overdue items listed (the count covers them all). */
    static final int OVERDUE_LISTED = 20;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final CheckRunService checks;
    private final LedgerService ledger;

    Dashboard(CheckRunService checks, LedgerService ledger) {
        this.checks = checks;
        this.ledger = ledger;
    }

    /** Everything the dashboard shows, for the actor. */
    View of(Actor actor) {
        CheckRun run = checks.runs(50, actor).stream()
                .filter(r -> r.status() == CheckRun.Status.COMPLETED).findFirst().orElse(null);
        Clues clues = run == null ? Clues.NONE : clues(run, actor);
        return new View(run == null ? null : new Run(run.id(), run.period().toString(), run.finishedAt(),
                run.clueCount() == null ? 0 : run.clueCount(), money(run.amountAtRisk())),
                clues.byRule(), clues.byTown(), clues.indicators(), ledger(actor));
    }

    // ------------------------------------------------------------------ the latest check run

    private record Clues(List<RuleRow> byRule, List<TownRow> byTown, List<Indicator> indicators) {
        static final Clues NONE = new Clues(List.of(), List.of(), List.of());
    }

    private Clues clues(CheckRun run, Actor actor) {
        CheckRunSummary summary = checks.summary(run.id(), actor).orElse(null);
        if (summary == null) {
            return Clues.NONE;
        }
        List<RuleRow> byRule = summary.byRule().stream()
                .filter(r -> r.totals().clues() > 0)
                .map(r -> new RuleRow(r.rule(), r.name(), r.nameZh(), r.totals().clues(),
                        money(r.totals().amountAtRisk())))
                .toList();
        Map<String, String> townNames = new HashMap<>();
        List<TownRow> byTown = new ArrayList<>();
        for (CheckRunSummary.TownTotals t : summary.byTown()) {
            townNames.put(t.townCode(), t.townName());
            CheckResult.Totals totals = t.totals();
            byTown.add(new TownRow(t.townCode(), t.townName(), totals.clues(), money(totals.amountAtRisk())));
        }
        Map<String, String> ruleNames = new HashMap<>();
        Map<String, String> ruleNamesEn = new HashMap<>();
        summary.byRule().forEach(r -> {
            ruleNames.put(r.rule(), r.nameZh());
            ruleNamesEn.put(r.rule(), r.name());
        });
        List<Indicator> indicators = new ArrayList<>();
        ClueQuery query = new ClueQuery(INDICATORS, null, null, null, null, ClueQuery.Sort.RULE, 0,
                ClueQuery.MAX_SIZE);
        for (StoredClue c : checks.clues(run.id(), query, actor).map(p -> p.clues()).orElse(List.of())) {
            JsonNode e = JSON.readTree(c.clue().evidence());
            String town = c.clue().regionCode();
            indicators.add(new Indicator(c.clue().rule(), ruleNames.getOrDefault(c.clue().rule(), ""),
                    ruleNamesEn.getOrDefault(c.clue().rule(), ""), town, townNames.getOrDefault(town, town),
                    decimal(e, "x"), decimal(e, "median"), decimal(e, "z"), c.clue().explanation()));
        }
        indicators.sort(Comparator.comparing(Indicator::rule).thenComparing(Indicator::z,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return new Clues(byRule, byTown, indicators);
    }

    private static BigDecimal decimal(JsonNode evidence, String field) {
        JsonNode v = evidence.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asString());
    }

    // ------------------------------------------------------------------ the ledger

    private Ledger ledger(Actor actor) {
        long items = 0;
        long open = 0;
        long overdue = 0;
        List<StatusRow> byStatus = new ArrayList<>();
        for (StatusTotals t : ledger.totalsByStatus(actor)) {
            LedgerStatus s = t.status();
            items += t.items();
            overdue += t.overdue();
            if (s.isOpen()) {
                open += t.items();
            }
            byStatus.add(new StatusRow(s.name(), s.labelZh(), s.labelEn(), t.items(), t.overdue(),
                    money(t.amountAtRisk()), money(t.amountRecovered())));
        }
        LedgerFilter mostOverdue = new LedgerFilter(null, null, null, null, null, null, null, null, null, null, true,
                false, LedgerFilter.Sort.DEADLINE, false, 0, OVERDUE_LISTED);
        List<OverdueItem> listed = ledger.page(actor, mostOverdue).items().stream()
                .map(i -> new OverdueItem(i.id(), i.rule(), i.regionCode(), i.townCode(), i.status().name(),
                        i.status().labelZh(), i.status().labelEn(), i.deadline(), i.escalations(),
                        money(i.amountAtRisk())))
                .toList();
        return new Ledger(items, open, overdue, byStatus, listed);
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2);
    }

    // ------------------------------------------------------------------ what the page and the JSON show

    /** The dashboard; {@code run} is null before any check run completed. */
    record View(Run run, List<RuleRow> byRule, List<TownRow> byTown, List<Indicator> indicators, Ledger ledger) {
    }

    /** The latest completed check run, with its clues and amount within the actor's region. */
    record Run(long id, String period, OffsetDateTime finishedAt, int clues,
               @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountAtRisk) {
    }

    /** A rule that found clues within the region. */
    record RuleRow(String rule, String name, String nameZh, int clues,
                   @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountAtRisk) {
    }

    /** A town of the region (also those without clues). */
    record TownRow(String townCode, String townName, int clues,
                   @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountAtRisk) {
    }

    /** A town that a town indicator flagged: its value x, the median of its peers and its robust z. */
    record Indicator(String rule, String nameZh, String name, String townCode, String townName,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal x,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal median,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal z, String explanation) {
    }

    /** The ledger within the region: items by status, how many are open and overdue, the most overdue. */
    record Ledger(long items, long open, long overdue, List<StatusRow> byStatus, List<OverdueItem> overdueItems) {
    }

    /** One status: its items, how many of them are overdue, their amount at risk and recovered. */
    record StatusRow(String status, String labelZh, String labelEn, long items, long overdue,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountAtRisk,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountRecovered) {
    }

    /** An overdue item. */
    record OverdueItem(long id, String rule, String regionCode, String townCode, String status, String labelZh,
                       String labelEn, OffsetDateTime deadline, int escalations,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountAtRisk) {
    }
}
