package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sunshine.checks.ParameterSpec;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Payments;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Program;
import sunshine.checks.engine.Rule;

/**
 * C02 ENTITLEMENT_MISCALCULATED 核定金额计算错误 (docs/rules-interpretation.md, C02). Subject {@code enrollment_id}.
 * <p>
 * Programs DIBAO_URBAN, DIBAO_RURAL, TEKUN, ORPHAN, DISABILITY_* (every program but TEMP_ASSIST), enrollments in
 * scope. expected(m) = max(0, standard(m) − per_capita_income) × covered for DIBAO (an empty per_capita_income is
 * 0), standard(m) × covered for the others. Fires when standard(P) is known and |monthly_amount − expected(P)| ≥
 * {@code C02.tolerance}. Variant OVER when monthly_amount is above expected(P), else UNDER.
 * <p>
 * Counted payments: the made payments in W with period ≥ month(approved_date) whose standard(period) is known.
 * Amount at risk: Σ max(0, amount − expected(period)). For UNDER, owed = Σ max(0, expected(period) − amount) (also
 * 0.00 when nothing was paid yet); OVER clues carry no owed. period_from/to: the first and last counted period, P
 * when none was counted (the clue is then about the amount decided for P).
 */
public final class EntitlementMiscalculated implements Rule {

    public static final ParameterSpec TOLERANCE = ParameterSpec.money("C02.tolerance", "1.00",
            "smallest difference between monthly_amount and the calculated entitlement that fires",
            "核定月发放金额与按标准计算金额的最小差额（元）");

    @Override
    public String code() {
        return "C02";
    }

    @Override
    public String name() {
        return "ENTITLEMENT_MISCALCULATED";
    }

    @Override
    public String nameZh() {
        return "核定金额计算错误";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(TOLERANCE);
    }

    @Override
    public Set<String> requires() {
        return Set.of("standards");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        long tolerance = ctx.moneyCents(TOLERANCE);
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        int period = ctx.period();
        for (int e = 0; e < en.size(); e++) {
            if (en.program(e) == Program.TEMP_ASSIST || !ctx.inScope(e)) {
                continue;
            }
            long standardAtP = ctx.standard(e, period);
            if (standardAtP == Money.NONE) {
                continue;
            }
            long expectedAtP = expected(ctx, e, standardAtP);
            long monthly = en.monthlyAmount(e);
            long difference = monthly - expectedAtP;
            if (Math.abs(difference) < tolerance) {
                continue;
            }
            emit(ctx, out, e, standardAtP, expectedAtP, difference, en, pay);
        }
    }

    /** expected for a known standard: the top-up times covered for DIBAO, the standard times covered otherwise. */
    static long expected(CheckContext ctx, int e, long standard) {
        Enrollments en = ctx.enrollments();
        int covered = ctx.covered(e);
        if (en.program(e).isDibao()) {
            long pci = en.perCapitaIncome(e) == Money.NONE ? 0 : en.perCapitaIncome(e);
            return Math.max(0, standard - pci) * covered;
        }
        return standard * covered;
    }

    private static void emit(CheckContext ctx, Clues out, int e, long standardAtP, long expectedAtP, long difference,
                             Enrollments en, Payments pay) {
        boolean over = difference > 0;
        Program program = en.program(e);
        int approvedMonth = en.approvedMonth(e);
        long risk = 0;
        long owed = 0;
        int first = Months.NONE;
        int last = Months.NONE;
        List<Evidence> payments = new ArrayList<>();
        int cachedMonth = Months.NONE;
        long cachedExpected = Money.NONE;
        for (int i = en.paymentsFrom(e); i < en.paymentsTo(e); i++) {
            int p = en.paymentAt(i);
            int m = pay.period(p);
            if (m < approvedMonth || !ctx.isMadeInWindow(p)) {
                continue;
            }
            if (m != cachedMonth) {
                long standard = ctx.standard(e, m);
                cachedMonth = m;
                cachedExpected = standard == Money.NONE ? Money.NONE : expected(ctx, e, standard);
            }
            if (cachedExpected == Money.NONE) {
                continue;
            }
            long amount = pay.amount(p);
            risk += Math.max(0, amount - cachedExpected);
            owed += Math.max(0, cachedExpected - amount);
            first = first == Months.NONE ? m : first;
            last = m;
            payments.add(Evidence.object().put("payment_id", pay.id(p)).month("period", m).money("amount", amount)
                    .money("expected", cachedExpected));
        }
        if (first == Months.NONE) {
            first = last = ctx.period();
        }
        int covered = ctx.covered(e);
        long pci = en.perCapitaIncome(e);
        String basis = program.isDibao()
                ? "按" + Months.zh(ctx.period()) + "保障标准" + Money.formatCents(standardAtP) + "元、月人均收入"
                + Money.formatCents(pci == Money.NONE ? 0 : pci) + "元、保障" + covered + "人计算"
                : "按" + Months.zh(ctx.period()) + "保障标准" + Money.formatCents(standardAtP) + "元"
                + (covered > 1 ? "、保障" + covered + "人" : "") + "计算";
        String explanation = program.labelZh() + "核定月发放金额" + Money.formatCents(en.monthlyAmount(e)) + "元，"
                + basis + "应为" + Money.formatCents(expectedAtP) + "元，" + (over ? "多核定" : "少核定")
                + Money.formatCents(Math.abs(difference)) + "元；窗口内" + (over ? "多发" : "少发") + "合计"
                + Money.formatCents(over ? risk : owed) + "元";
        var clue = out.clue()
                .subject(en.id(e))
                .variant(over ? "OVER" : "UNDER")
                .enrollment(e)
                .idNo(en.payeeIdNo(e))
                .periods(first, last)
                .amountCents(risk)
                .explanation(explanation)
                .evidence(Evidence.object()
                        .put("program", program.name())
                        .put("covered", covered)
                        .money("per_capita_income", pci)
                        .money("standard", standardAtP)
                        .money("expected", expectedAtP)
                        .money("monthly_amount", en.monthlyAmount(e))
                        .money("difference", difference)
                        .put("formula", program.isDibao() ? "max(0, standard - per_capita_income) * covered"
                                : "standard * covered")
                        .date("approved_date", en.approvedDate(e))
                        .objects("payments", payments));
        if (!over) {
            clue.owedCents(owed);
        }
        clue.add();
    }
}
