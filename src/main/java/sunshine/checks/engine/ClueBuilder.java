package sunshine.checks.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import sunshine.checks.Clue;
import sunshine.checks.Severity;
import sunshine.checks.data.Households;

/**
 * Fills in one clue. The subject, an explanation and a region (usually through {@link #enrollment(int)} or
 * {@link #household(int)}) are required; the amount at risk defaults to 0.00, the severity to the rule's. The
 * evidence gets the run's parameters that the rule uses appended under {@code "parameters"}.
 */
public final class ClueBuilder {

    private final Clues sink;
    private final Rule rule;
    private final CheckContext ctx;
    private final List<String> subject = new ArrayList<>();
    private Severity severity;
    private String variant = "";
    private String enrollmentId;
    private String householdId;
    private String idNo;
    private String cardNo;
    private String regionCode;
    private int periodFrom = Months.NONE;
    private int periodTo = Months.NONE;
    private BigDecimal amount = Money.zero();
    private BigDecimal owed;
    private String explanation;
    private Evidence evidence = Evidence.object();

    ClueBuilder(Clues sink, Rule rule, CheckContext ctx) {
        this.sink = sink;
        this.rule = rule;
        this.ctx = ctx;
        this.severity = rule.severity();
    }

    /** The subject keys in rules.md's order (enrollment_id, id_no ...; periods as "2026-10": use Months.iso). */
    public ClueBuilder subject(String... keys) {
        subject.clear();
        subject.addAll(List.of(keys));
        return this;
    }

    public ClueBuilder severity(Severity s) {
        this.severity = s;
        return this;
    }

    public ClueBuilder variant(String v) {
        this.variant = v == null ? "" : v;
        return this;
    }

    /** Sets enrollment_id, and household_id and region_code from the enrollment's household. */
    public ClueBuilder enrollment(int e) {
        this.enrollmentId = ctx.enrollments().id(e);
        return household(ctx.enrollments().household(e));
    }

    /** Sets household_id and region_code (the household's village). */
    public ClueBuilder household(int h) {
        Households hh = ctx.households();
        this.householdId = hh.id(h);
        this.regionCode = sunshine.checks.engine.RegionCodes.text(hh.region(h));
        return this;
    }

    /** Sets id_no from a registry person. */
    public ClueBuilder person(int p) {
        this.idNo = ctx.persons().idNo(p);
        return this;
    }

    public ClueBuilder idNo(String id) {
        this.idNo = id;
        return this;
    }

    public ClueBuilder cardNo(String card) {
        this.cardNo = card;
        return this;
    }

    /** Sets region_code directly (a town for E-rules, a batch's town). */
    public ClueBuilder region(long regionCode) {
        this.regionCode = RegionCodes.text(regionCode);
        return this;
    }

    /** The first and last period the clue is about. */
    public ClueBuilder periods(int from, int to) {
        this.periodFrom = from;
        this.periodTo = to;
        return this;
    }

    /** Amount at risk in cents. */
    public ClueBuilder amountCents(long cents) {
        this.amount = Money.yuan(cents);
        return this;
    }

    /** Amount at risk as summed share units, rounded once to the cent. */
    public ClueBuilder amountUnits(long units) {
        this.amount = Money.yuanOfUnits(units);
        return this;
    }

    /** Money owed in cents (only for the rules that find money owed). */
    public ClueBuilder owedCents(long cents) {
        this.owed = Money.yuan(cents);
        return this;
    }

    public ClueBuilder owedUnits(long units) {
        this.owed = Money.yuanOfUnits(units);
        return this;
    }

    /** One line of Chinese. */
    public ClueBuilder explanation(String text) {
        this.explanation = text;
        return this;
    }

    /** The facts that made the rule fire (the parameters are added by the engine). */
    public ClueBuilder evidence(Evidence e) {
        this.evidence = e;
        return this;
    }

    /** Builds the clue and hands it to the rule's sink. */
    public Clue add() {
        if (subject.isEmpty() || subject.stream().anyMatch(s -> s == null || s.isEmpty())) {
            throw new IllegalStateException("rule " + rule.code() + ": a clue needs its subject keys: " + subject);
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalStateException("rule " + rule.code() + ": a clue needs an explanation");
        }
        if (regionCode == null) {
            throw new IllegalStateException("rule " + rule.code() + ": a clue needs a region (set its enrollment, "
                    + "household or region)");
        }
        String json = evidence.raw("parameters", sink.parametersJson()).json();
        Clue c = new Clue(rule.code(), severity, String.join("/", subject), variant, enrollmentId, householdId, idNo,
                cardNo, regionCode, Months.toYearMonth(periodFrom), Months.toYearMonth(periodTo), amount, owed,
                explanation, json);
        sink.add(c);
        return c;
    }
}
