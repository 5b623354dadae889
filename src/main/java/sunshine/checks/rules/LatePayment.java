package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.List;
import sunshine.checks.ParameterSpec;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Payments;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Days;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Program;
import sunshine.checks.engine.Rule;

/**
 * C05 LATE_PAYMENT 发放不及时 (docs/rules-interpretation.md, C05). Subject {@code enrollment_id/period}.
 * <p>
 * Not TEMP_ASSIST; a made payment in W whose paid_date is after day {@code C05.deadline_day} of its period's month
 * (any day of a later month is late too; a payment made ahead of its month is not late). A deadline day beyond the
 * end of a short month is that month's last day. One clue per enrollment and period, whatever the number of late
 * payments. Amount 0.
 */
public final class LatePayment implements Rule {

    public static final ParameterSpec DEADLINE_DAY = ParameterSpec.integer("C05.deadline_day", 10,
            "the day of the period's month by which the money must reach the household",
            "发放期限：所属月份的第几日前到账");

    @Override
    public String code() {
        return "C05";
    }

    @Override
    public String name() {
        return "LATE_PAYMENT";
    }

    @Override
    public String nameZh() {
        return "发放不及时";
    }

    @Override
    public Severity severity() {
        return Severity.LOW;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(DEADLINE_DAY);
    }

    /** The last day on which a payment for the period is on time. */
    static int deadline(int period, int deadlineDay) {
        return Math.min(Months.firstDay(period) + Math.max(deadlineDay, 1) - 1, Months.lastDay(period));
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        int deadlineDay = ctx.integer(DEADLINE_DAY);
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        int from = ctx.windowFrom();
        // the deadline of each month of W
        int[] deadlines = new int[ctx.lookback()];
        for (int k = 0; k < deadlines.length; k++) {
            deadlines[k] = deadline(from + k, deadlineDay);
        }
        for (int e = 0; e < en.size(); e++) {
            if (en.program(e) == Program.TEMP_ASSIST) {
                continue;
            }
            int to = en.paymentsTo(e);
            int i = en.paymentsFrom(e);
            while (i < to) {
                int p = en.paymentAt(i);
                int period = pay.period(p);
                if (!ctx.isMadeInWindow(p) || pay.paidDate(p) <= deadlines[period - from]) {
                    i++;
                    continue;
                }
                // a late payment: every made payment of this period (payments are ordered by period) goes in
                int j = i;
                while (j < to && pay.period(en.paymentAt(j)) == period) {
                    j++;
                }
                emit(ctx, out, e, period, deadlines[period - from], deadlineDay, i, j);
                i = j;
            }
        }
    }

    private static void emit(CheckContext ctx, Clues out, int e, int period, int deadline, int deadlineDay,
                             int from, int to) {
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        List<Evidence> late = new ArrayList<>();
        int lateCount = 0;
        int latest = Days.NONE;
        int latePayment = -1;
        for (int i = from; i < to; i++) {
            int q = en.paymentAt(i);
            if (!ctx.isMade(q)) {
                continue;
            }
            int paid = pay.paidDate(q);
            boolean isLate = paid > deadline;
            late.add(Evidence.object().put("payment_id", pay.id(q)).date("paid_date", paid)
                    .money("amount", pay.amount(q)).put("late", isLate)
                    .put("days_late", isLate ? paid - deadline : 0));
            if (isLate) {
                lateCount++;
                latePayment = q;
                latest = Math.max(latest, paid);
            }
        }
        String explanation = Months.zh(period) + en.program(e).moneyZh()
                + (lateCount == 1 ? "于" + Days.zh(latest) + "发放" : lateCount + "笔晚发，最晚于" + Days.zh(latest))
                + "，超过" + Days.zh(deadline) + "的发放期限" + (latest - deadline) + "天";
        out.clue()
                .subject(en.id(e), Months.iso(period))
                .enrollment(e)
                .idNo(en.payeeIdNo(e))
                .cardNo(lateCount == 1 ? pay.paidCardNo(latePayment) : null)
                .periods(period, period)
                .explanation(explanation)
                .evidence(Evidence.object()
                        .month("period", period)
                        .date("deadline", deadline)
                        .put("program", en.program(e).name())
                        .objects("payments", late))
                .add();
    }
}
