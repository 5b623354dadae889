package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Households;
import sunshine.checks.data.Payments;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Program;
import sunshine.checks.engine.Rule;

/**
 * C06 MISSED_PAYMENT 漏发 (docs/rules-interpretation.md, C06). Subject {@code enrollment_id/period}.
 * <p>
 * Not TEMP_ASSIST; status ACTIVE; enrollments in scope. A month m of W is due when start_month ≤ m,
 * month(approved_date) ≤ m and end_month is empty or ≥ m, and some made payment of the same program for m went to
 * an enrollment whose household is in the same county (the county did pay that program that month, so the
 * payroll for m exists). A due month in which the enrollment has no made payment fires: amount 0, owed =
 * monthly_amount. A payment that failed and was never re-issued leaves the month unpaid.
 */
public final class MissedPayment implements Rule {

    private static final int PROGRAMS = Program.values().length;

    @Override
    public String code() {
        return "C06";
    }

    @Override
    public String name() {
        return "MISSED_PAYMENT";
    }

    @Override
    public String nameZh() {
        return "漏发";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        Households hh = ctx.households();
        int lookback = ctx.lookback();
        int from = ctx.windowFrom();

        // a dense index of the counties of the households
        int[] counties = new int[hh.size()];
        for (int h = 0; h < hh.size(); h++) {
            counties[h] = hh.county(h);
        }
        int[] distinct = Arrays.stream(counties).distinct().sorted().toArray();
        int[] countyOf = new int[hh.size()];
        for (int h = 0; h < hh.size(); h++) {
            countyOf[h] = Arrays.binarySearch(distinct, counties[h]);
        }

        // paidIn[(county * PROGRAMS + program) * L + (m - from)]: a made payment of the program for m in the county
        boolean[] paidIn = new boolean[distinct.length * PROGRAMS * lookback];
        for (int p = 0; p < pay.size(); p++) {
            if (ctx.isMadeInWindow(p)) {
                int e = pay.enrollment(p);
                paidIn[slot(countyOf[en.household(e)], en.program(e), pay.period(p) - from, lookback)] = true;
            }
        }

        boolean[] paid = new boolean[lookback];
        for (int e = 0; e < en.size(); e++) {
            Program program = en.program(e);
            if (program == Program.TEMP_ASSIST || !en.hasActiveStatus(e) || !ctx.inScope(e)) {
                continue;
            }
            Arrays.fill(paid, false);
            for (int i = en.paymentsFrom(e); i < en.paymentsTo(e); i++) {
                int p = en.paymentAt(i);
                if (ctx.isMadeInWindow(p)) {
                    paid[pay.period(p) - from] = true;
                }
            }
            int firstDue = Math.max(from, Math.max(en.startMonth(e), en.approvedMonth(e)));
            int end = en.endMonth(e);
            int lastDue = end == Months.NONE ? ctx.windowTo() : Math.min(ctx.windowTo(), end);
            int county = countyOf[en.household(e)];
            for (int m = firstDue; m <= lastDue; m++) {
                if (!paid[m - from] && paidIn[slot(county, program, m - from, lookback)]) {
                    emit(ctx, out, e, m);
                }
            }
        }
    }

    private static int slot(int county, Program program, int month, int lookback) {
        return (county * PROGRAMS + program.ordinal()) * lookback + month;
    }

    private static void emit(CheckContext ctx, Clues out, int e, int m) {
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        // payments for m that exist but are not made (failed and never succeeded)
        List<Evidence> failed = new ArrayList<>();
        for (int i = en.paymentsFrom(e); i < en.paymentsTo(e); i++) {
            int p = en.paymentAt(i);
            if (pay.period(p) == m) {
                failed.add(Evidence.object().put("payment_id", pay.id(p)).money("amount", pay.amount(p))
                        .date("paid_date", pay.paidDate(p)).put("made", false));
            }
        }
        long monthly = en.monthlyAmount(e);
        String explanation = Months.zh(m) + en.program(e).moneyZh() + (failed.isEmpty() ? "未发放" : "发放失败且未重发")
                + "（待遇状态正常，本县当月已发放" + en.program(e).labelZh() + "），应发" + Money.formatCents(monthly) + "元";
        out.clue()
                .subject(en.id(e), Months.iso(m))
                .enrollment(e)
                .idNo(en.payeeIdNo(e))
                .periods(m, m)
                .owedCents(monthly)
                .explanation(explanation)
                .evidence(Evidence.object()
                        .month("period", m)
                        .put("program", en.program(e).name())
                        .put("status", en.status(e))
                        .month("start_month", en.startMonth(e))
                        .month("end_month", en.endMonth(e))
                        .date("approved_date", en.approvedDate(e))
                        .money("monthly_amount", monthly)
                        .put("county_paid_program", true)
                        .objects("payments_not_made", failed))
                .add();
    }
}
