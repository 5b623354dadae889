package sunshine.checks.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import sunshine.checks.ParameterSpec;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.EnumColumn;
import sunshine.checks.data.IntColumn;
import sunshine.checks.data.LongColumn;
import sunshine.checks.data.Payments;
import sunshine.checks.data.Persons;
import sunshine.checks.data.Table;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Rule;

/**
 * A06 INCOME_UNDECLARED 收入未如实申报 (docs/rules-interpretation.md, A06). Subject {@code enrollment_id}; DIBAO
 * enrollments in scope.
 * <p>
 * pci = per_capita_income (empty: 0). For each month m of W in which the enrollment has a made payment,
 * detected(m) = Σ over the covered members of every social_insurance monthly_amount for m (all kinds). Month m is
 * <em>excess</em> when {@code detected(m) > (pci + A06.income_tolerance) × covered}; the clue fires when some month
 * is. Variant INELIGIBLE (HIGH) when, in the latest month of W in which any covered member has social_insurance
 * data, {@code detected(m) >= standard(m) × covered}; else UNDERSTATED (MEDIUM), also when that standard is unknown.
 * Amount at risk: Σ over excess months of {@code min(paid(m), detected(m) − pci × covered)}.
 */
public final class IncomeUndeclared implements Rule {

    static final ParameterSpec INCOME_TOLERANCE = ParameterSpec.money("A06.income_tolerance", "100.00",
            "detected income per covered member may exceed the declared per-capita income by this (yuan a month)",
            "社保数据人均月收入可高于申报人均收入的容差（元/月）");

    @Override
    public String code() {
        return "A06";
    }

    @Override
    public String name() {
        return "INCOME_UNDECLARED";
    }

    @Override
    public String nameZh() {
        return "收入未如实申报";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(INCOME_TOLERANCE);
    }

    @Override
    public Set<String> requires() {
        return Set.of("standards");
    }

    @Override
    public Set<String> uses() {
        return Set.of("social_insurance");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Table t = ctx.facts("social_insurance");
        IntColumn period = t.months("period");
        EnumColumn kind = t.enums("kind");
        LongColumn amount = t.money("monthly_amount");
        long tolerance = ctx.moneyCents(INCOME_TOLERANCE);
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        int windowFrom = ctx.windowFrom();
        int months = ctx.lookback();

        // DIBAO enrollments in scope with a covered member who has social insurance in W (rows are W only)
        BitSet candidates = new BitSet(en.size());
        for (int r = 0; r < t.size(); ) {
            int person = t.person(r);
            for (int k = persons.enrollmentsFrom(person); k < persons.enrollmentsTo(person); k++) {
                int e = persons.enrollmentAt(k);
                if (en.program(e).isDibao() && ctx.inScope(e)) {
                    candidates.set(e);
                }
            }
            r = FactRows.end(t, r);
        }

        int rows = t.size();
        long[] detected = new long[months];
        boolean[] made = new boolean[months];
        for (int e = candidates.nextSetBit(0); e >= 0; e = candidates.nextSetBit(e + 1)) {
            Arrays.fill(detected, 0);
            Arrays.fill(made, false);
            int latest = -1;
            for (int i = en.membersFrom(e); i < en.membersTo(e); i++) {
                int member = en.memberAt(i);
                for (int r = t.from(member); r < rows && t.person(r) == member; r++) {
                    int m = period.get(r) - windowFrom;
                    if (m < 0 || m >= months) {
                        continue; // the loader keeps only W; a guard, not a filter
                    }
                    detected[m] += amount.get(r);
                    latest = Math.max(latest, m);
                }
            }
            int covered = ctx.covered(e);
            long pci = en.perCapitaIncome(e) == Money.NONE ? 0 : en.perCapitaIncome(e);
            long declared = pci * covered;
            long threshold = (pci + tolerance) * covered;
            boolean above = false;
            for (int m = 0; m <= latest && !above; m++) {
                above = detected[m] > threshold;
            }
            if (!above) {
                continue; // the usual case: declared income covers what social insurance shows
            }
            for (int p : ctx.madePaymentsInWindow(e)) {
                made[pay.period(p) - windowFrom] = true;
            }
            long[] paid = null;
            long total = 0;
            int first = Months.NONE;
            int last = Months.NONE;
            int excessMonths = 0;
            long highest = 0;
            List<Evidence> monthly = new ArrayList<>();
            for (int m = 0; m < months; m++) {
                if (!made[m] || detected[m] <= threshold) {
                    continue;
                }
                if (paid == null) {
                    paid = ctx.paidInWindow(e);
                }
                long counted = Math.min(paid[m], detected[m] - declared);
                total += counted;
                excessMonths++;
                highest = Math.max(highest, detected[m]);
                int month = windowFrom + m;
                first = first == Months.NONE ? month : first;
                last = month;
                monthly.add(Evidence.object().month("period", month).money("detected", detected[m])
                        .money("declared", declared).money("paid", paid[m]).money("counted", counted));
            }
            if (excessMonths == 0) {
                continue;
            }
            int latestMonth = windowFrom + latest;
            long standard = ctx.standard(e, latestMonth);
            boolean ineligible = standard != Money.NONE && detected[latest] >= standard * covered;

            TreeSet<String> kinds = new TreeSet<>();
            List<Evidence> records = new ArrayList<>();
            for (int i = en.membersFrom(e); i < en.membersTo(e); i++) {
                int member = en.memberAt(i);
                for (int r = t.from(member); r < rows && t.person(r) == member; r++) {
                    kinds.add(kind.type().labelOf(kind.code(r)));
                    records.add(Evidence.object().put("id_no", persons.idNo(member)).month("period", period.get(r))
                            .put("kind", kind.code(r)).money("monthly_amount", amount.get(r)));
                }
            }
            String explanation = "户内保障" + covered + "人，申报人均月收入" + Money.formatCents(pci) + "元；社保数据（"
                    + String.join("、", kinds) + "）显示" + excessMonths + "个月人均月收入超过申报收入加容差"
                    + Money.formatCents(tolerance) + "元，最高达" + perCapita(highest, covered) + "元，按差额计多发"
                    + en.program(e).moneyZh() + Money.formatCents(total) + "元；"
                    + (ineligible ? Months.zh(latestMonth) + "人均月收入" + perCapita(detected[latest], covered)
                    + "元已达到保障标准" + Money.formatCents(standard) + "元，不再符合低保条件"
                    : "收入未如实申报");
            out.clue()
                    .subject(en.id(e))
                    .variant(ineligible ? "INELIGIBLE" : "UNDERSTATED")
                    .severity(ineligible ? Severity.HIGH : Severity.MEDIUM)
                    .enrollment(e)
                    .idNo(en.payeeIdNo(e))
                    .periods(first, last)
                    .amountCents(total)
                    .explanation(explanation)
                    .evidence(Evidence.object()
                            .put("program", en.program(e).name())
                            .put("covered", covered)
                            .money("per_capita_income", en.perCapitaIncome(e))
                            .money("threshold", threshold)
                            .objects("excess_months", monthly)
                            .month("latest_month", latestMonth)
                            .money("latest_detected", detected[latest])
                            .money("standard", standard)
                            .objects("social_insurance", records))
                    .add();
        }
    }

    /** A household amount per covered member, for the explanation only: 2 decimals. */
    private static String perCapita(long cents, int covered) {
        return Money.format(BigDecimal.valueOf(cents, 2).divide(BigDecimal.valueOf(covered), 2,
                RoundingMode.HALF_UP));
    }
}
