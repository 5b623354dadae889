package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * C09 TEMP_ASSIST_EXCESS 临时救助超限 (docs/rules-interpretation.md, C09). Subject {@code household_id}.
 * <p>
 * The made TEMP_ASSIST payments in W of the household's enrollments: fires when there are more than
 * {@code C09.max_count} of them or their total is above {@code C09.max_total} (at the limits does not fire).
 * Amount at risk: total − max_total when positive, else 0. enrollment_id (and id_no, its payee): the enrollment
 * with the latest approved_date among those paid (the grant that should not have been made; ties: the largest
 * enrollment_id). period_from/to: the first and last period paid.
 */
public final class TempAssistExcess implements Rule {

    public static final ParameterSpec MAX_COUNT = ParameterSpec.integer("C09.max_count", 2,
            "most temporary-assistance payments one household may receive in the window",
            "窗口内一户临时救助最多次数");
    public static final ParameterSpec MAX_TOTAL = ParameterSpec.money("C09.max_total", "10000.00",
            "most temporary assistance one household may receive in the window (yuan)",
            "窗口内一户临时救助最高累计金额（元）");

    @Override
    public String code() {
        return "C09";
    }

    @Override
    public String name() {
        return "TEMP_ASSIST_EXCESS";
    }

    @Override
    public String nameZh() {
        return "临时救助超限";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(MAX_COUNT, MAX_TOTAL);
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        int maxCount = ctx.integer(MAX_COUNT);
        long maxTotal = ctx.moneyCents(MAX_TOTAL);
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        int households = ctx.households().size();
        int[] count = new int[households];
        long[] total = new long[households];
        for (int e = 0; e < en.size(); e++) {
            if (en.program(e) != Program.TEMP_ASSIST) {
                continue;
            }
            int h = en.household(e);
            for (int i = en.paymentsFrom(e); i < en.paymentsTo(e); i++) {
                int p = en.paymentAt(i);
                if (ctx.isMadeInWindow(p)) {
                    count[h]++;
                    total[h] += pay.amount(p);
                }
            }
        }
        // the households that fire, and their TEMP_ASSIST enrollments (second pass, only for them)
        int[] slot = new int[households];
        Arrays.fill(slot, -1);
        List<Integer> flagged = new ArrayList<>();
        for (int h = 0; h < households; h++) {
            if (count[h] > maxCount || total[h] > maxTotal) {
                slot[h] = flagged.size();
                flagged.add(h);
            }
        }
        if (flagged.isEmpty()) {
            return;
        }
        List<List<Integer>> enrollments = new ArrayList<>();
        flagged.forEach(h -> enrollments.add(new ArrayList<>()));
        for (int e = 0; e < en.size(); e++) {
            if (en.program(e) == Program.TEMP_ASSIST && slot[en.household(e)] >= 0) {
                enrollments.get(slot[en.household(e)]).add(e);
            }
        }
        for (int k = 0; k < flagged.size(); k++) {
            int h = flagged.get(k);
            emit(ctx, out, h, enrollments.get(k), count[h], total[h], maxCount, maxTotal);
        }
    }

    private static void emit(CheckContext ctx, Clues out, int h, List<Integer> enrollments, int count, long total,
                             int maxCount, long maxTotal) {
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        List<Evidence> payments = new ArrayList<>();
        int first = Months.NONE;
        int last = Months.NONE;
        int latest = -1;
        for (int e : enrollments) {
            boolean paid = false;
            for (int i = en.paymentsFrom(e); i < en.paymentsTo(e); i++) {
                int p = en.paymentAt(i);
                if (!ctx.isMadeInWindow(p)) {
                    continue;
                }
                paid = true;
                int m = pay.period(p);
                first = first == Months.NONE ? m : Math.min(first, m);
                last = Math.max(last, m);
                payments.add(Evidence.object().put("payment_id", pay.id(p)).put("enrollment_id", en.id(e))
                        .month("period", m).money("amount", pay.amount(p)).date("paid_date", pay.paidDate(p)));
            }
            if (paid && (latest < 0 || en.approvedDate(e) > en.approvedDate(latest)
                    || en.approvedDate(e) == en.approvedDate(latest) && en.id(e).compareTo(en.id(latest)) > 0)) {
                latest = e;
            }
        }
        long excess = Math.max(0, total - maxTotal);
        List<String> reasons = new ArrayList<>();
        if (count > maxCount) {
            reasons.add("超过次数上限" + maxCount + "次");
        }
        if (total > maxTotal) {
            reasons.add("超过金额上限" + Money.formatCents(maxTotal) + "元" + Money.formatCents(excess) + "元");
        }
        String explanation = "该户" + Months.zh(ctx.windowFrom()) + "至" + Months.zh(ctx.windowTo()) + "领取临时救助"
                + count + "次，共" + Money.formatCents(total) + "元，" + String.join("，", reasons);
        out.clue()
                .subject(ctx.households().id(h))
                .enrollment(latest)
                .idNo(en.payeeIdNo(latest))
                .periods(first, last)
                .amountCents(excess)
                .explanation(explanation)
                .evidence(Evidence.object()
                        .put("count", count)
                        .money("total", total)
                        .put("max_count", maxCount)
                        .money("max_total", maxTotal)
                        .objects("payments", payments))
                .add();
    }
}
