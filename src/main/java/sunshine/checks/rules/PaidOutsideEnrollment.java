package sunshine.checks.rules;

import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Payments;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Rule;

/**
 * C04 PAID_OUTSIDE_ENROLLMENT 待遇期外发放 (docs/rules-interpretation.md, C04). Subject {@code payment_id}.
 * <p>
 * Every program. A made payment in W for a period before the enrollment's start_month or after its end_month (an
 * empty end_month has no after). Amount at risk: the payment. The status plays no part: a payment inside the
 * months of a suspended enrollment is not this rule's business.
 */
public final class PaidOutsideEnrollment implements Rule {

    @Override
    public String code() {
        return "C04";
    }

    @Override
    public String name() {
        return "PAID_OUTSIDE_ENROLLMENT";
    }

    @Override
    public String nameZh() {
        return "待遇期外发放";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        for (int e = 0; e < en.size(); e++) {
            int start = en.startMonth(e);
            int end = en.endMonth(e);
            for (int i = en.paymentsFrom(e); i < en.paymentsTo(e); i++) {
                int p = en.paymentAt(i);
                int period = pay.period(p);
                boolean before = period < start;
                boolean after = end != Months.NONE && period > end;
                if ((before || after) && ctx.isMadeInWindow(p)) {
                    emit(ctx, out, e, p, before);
                }
            }
        }
    }

    private static void emit(CheckContext ctx, Clues out, int e, int p, boolean before) {
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        int period = pay.period(p);
        String explanation = Months.zh(period) + en.program(e).moneyZh() + Money.formatCents(pay.amount(p))
                + "元发放于待遇" + (before ? "起始月份" + Months.zh(en.startMonth(e)) + "之前"
                : "终止月份" + Months.zh(en.endMonth(e)) + "之后") + "，不应发放";
        out.clue()
                .subject(pay.id(p))
                .enrollment(e)
                .idNo(en.payeeIdNo(e))
                .cardNo(pay.paidCardNo(p))
                .periods(period, period)
                .amountCents(pay.amount(p))
                .explanation(explanation)
                .evidence(Evidence.object()
                        .put("payment_id", pay.id(p))
                        .month("period", period)
                        .money("amount", pay.amount(p))
                        .date("paid_date", pay.paidDate(p))
                        .put("position", before ? "BEFORE_START" : "AFTER_END")
                        .month("start_month", en.startMonth(e))
                        .month("end_month", en.endMonth(e))
                        .put("status", en.status(e))
                        .put("program", en.program(e).name()))
                .add();
    }
}
