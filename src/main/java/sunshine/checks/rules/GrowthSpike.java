package sunshine.checks.rules;

import java.util.List;
import sunshine.checks.ParameterSpec;
import sunshine.checks.data.Enrollments;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Months;

/**
 * E02 GROWTH_SPIKE 增长异常 (docs/rules-interpretation.md, E02). Subject {@code region_code} (the town).
 * <p>
 * persons(m) = the distinct persons covered by DIBAO enrollments with a made payment for period m whose household is
 * in the town. x = persons(P) ÷ persons(P − {@code E02.months}) − 1; towns with no such person at P − months have
 * no x. Fires on a robust z ≥ {@code E.z} (see {@link TownIndicator}) when also x ≥ {@code E02.min_growth}.
 * Amount 0; periods P − months .. P.
 */
public final class GrowthSpike extends TownIndicator {

    static final ParameterSpec MONTHS = ParameterSpec.integer("E02.months", 3,
            "months back the growth is measured from", "增长比较的月数（与P前第几个月比较）");
    static final ParameterSpec MIN_GROWTH = ParameterSpec.decimal("E02.min_growth", "0.10",
            "least growth that fires, as a ratio", "触发所需的最低增长率");

    @Override
    public String code() {
        return "E02";
    }

    @Override
    public String name() {
        return "GROWTH_SPIKE";
    }

    @Override
    public String nameZh() {
        return "增长异常";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Z, MONTHS, MIN_GROWTH);
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Towns towns = Towns.of(ctx);
        Enrollments en = ctx.enrollments();
        int p = ctx.period();
        int before = p - ctx.integer(MONTHS);
        double minGrowth = ctx.decimal(MIN_GROWTH).doubleValue();
        long[] now = distinctPersons(ctx, towns, e -> en.program(e).isDibao() && ctx.hasMadePayment(e, p));
        long[] then = distinctPersons(ctx, towns, e -> en.program(e).isDibao() && ctx.hasMadePayment(e, before));
        double[] x = new double[towns.size()];
        for (int t = 0; t < towns.size(); t++) {
            x[t] = then[t] > 0 ? now[t] / (double) then[t] - 1 : Double.NaN;
        }
        for (Outlier o : outliers(ctx, towns, x)) {
            if (o.x() < minGrowth) {
                continue;
            }
            int t = o.town();
            String explanation = towns.name(ctx, t) + Months.zh(p) + "低保发放人数" + now[t] + "人，较"
                    + Months.zh(before) + "的" + then[t] + "人增长" + percent(o.x()) + "，" + o.stats().peersZh()
                    + "中位数" + percent(o.stats().median()) + "，稳健z值" + decimal(o.z(), 2) + "，增长异常";
            clue(ctx, out, towns, o, Evidence.object()
                    .month("period", p)
                    .month("compared_period", before)
                    .put("dibao_persons_paid", now[t])
                    .put("dibao_persons_paid_before", then[t]))
                    .periods(before, p)
                    .explanation(explanation)
                    .add();
        }
    }
}
