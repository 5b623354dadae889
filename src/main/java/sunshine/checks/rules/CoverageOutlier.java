package sunshine.checks.rules;

import java.util.List;
import sunshine.checks.ParameterSpec;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.LongColumn;
import sunshine.checks.data.Regions;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Months;

/**
 * E01 COVERAGE_OUTLIER 保障面异常 (docs/rules-interpretation.md, E01). Subject {@code region_code} (the town).
 * <p>
 * x = the distinct persons covered by DIBAO enrollments ACTIVE at P whose household is in the town ÷ the town's
 * population ({@code regions.population}; towns without a positive population have no x). Fires on a robust z ≥
 * {@code E.z} (see {@link TownIndicator}). Amount 0; period P.
 */
public final class CoverageOutlier extends TownIndicator {

    @Override
    public String code() {
        return "E01";
    }

    @Override
    public String name() {
        return "COVERAGE_OUTLIER";
    }

    @Override
    public String nameZh() {
        return "保障面异常";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Z);
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Towns towns = Towns.of(ctx);
        Enrollments en = ctx.enrollments();
        int p = ctx.period();
        long[] covered = distinctPersons(ctx, towns, e -> en.program(e).isDibao() && ctx.isActiveAt(e, p));
        Regions regions = ctx.regions();
        double[] x = new double[towns.size()];
        long[] population = new long[towns.size()];
        for (int t = 0; t < towns.size(); t++) {
            population[t] = regions.population(towns.rows()[t]);
            x[t] = population[t] == LongColumn.NULL || population[t] <= 0 ? Double.NaN
                    : covered[t] / (double) population[t];
        }
        for (Outlier o : outliers(ctx, towns, x)) {
            int t = o.town();
            String explanation = towns.name(ctx, t) + Months.zh(p) + "低保保障面" + percent(o.x()) + "（在保"
                    + covered[t] + "人÷户籍人口" + population[t] + "人），" + o.stats().peersZh() + "中位数"
                    + percent(o.stats().median()) + "，稳健z值" + decimal(o.z(), 2) + "，保障面显著偏高";
            clue(ctx, out, towns, o, Evidence.object()
                    .month("period", p)
                    .put("dibao_persons_active", covered[t])
                    .put("population", population[t]))
                    .periods(p, p)
                    .explanation(explanation)
                    .add();
        }
    }
}
