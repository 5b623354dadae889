package sunshine.checks.rules;

import java.util.List;
import sunshine.checks.ParameterSpec;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Payments;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;

/**
 * E03 TOPUP_OUTLIER 补差水平异常 (docs/rules-interpretation.md, E03). Subject {@code region_code} (the town).
 * <p>
 * x = Σ the made DIBAO payments for period P of households in the town ÷ the distinct persons covered by the
 * enrollments with such a payment (towns with none have no x). Fires on a robust z ≥ {@code E.z} (see
 * {@link TownIndicator}). Amount 0; period P.
 */
public final class TopupOutlier extends TownIndicator {

    @Override
    public String code() {
        return "E03";
    }

    @Override
    public String name() {
        return "TOPUP_OUTLIER";
    }

    @Override
    public String nameZh() {
        return "补差水平异常";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Z);
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Towns towns = Towns.of(ctx);
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        int p = ctx.period();
        long[] cents = new long[towns.size()];
        for (int e = 0; e < en.size(); e++) {
            int t = towns.ofHousehold()[en.household(e)];
            if (t < 0 || !en.program(e).isDibao()) {
                continue;
            }
            for (int i = en.paymentsFrom(e); i < en.paymentsTo(e); i++) {
                int payment = en.paymentAt(i);
                if (pay.period(payment) == p && pay.isMade(payment)) {
                    cents[t] += pay.amount(payment);
                }
            }
        }
        long[] persons = distinctPersons(ctx, towns, e -> en.program(e).isDibao() && ctx.hasMadePayment(e, p));
        double[] x = new double[towns.size()];
        for (int t = 0; t < towns.size(); t++) {
            x[t] = persons[t] > 0 ? cents[t] / 100.0 / persons[t] : Double.NaN;
        }
        for (Outlier o : outliers(ctx, towns, x)) {
            int t = o.town();
            String explanation = towns.name(ctx, t) + Months.zh(p) + "低保人均发放" + decimal(o.x(), 2) + "元（发放"
                    + Money.formatCents(cents[t]) + "元÷" + persons[t] + "人），" + o.stats().peersZh() + "中位数"
                    + decimal(o.stats().median(), 2) + "元，稳健z值" + decimal(o.z(), 2) + "，补差水平显著偏高";
            clue(ctx, out, towns, o, Evidence.object()
                    .month("period", p)
                    .money("dibao_paid", cents[t])
                    .put("dibao_persons_paid", persons[t]))
                    .periods(p, p)
                    .explanation(explanation)
                    .add();
        }
    }
}
