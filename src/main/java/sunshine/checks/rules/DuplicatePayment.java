package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.List;
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
 * C03 DUPLICATE_PAYMENT 重复发放 (docs/rules-interpretation.md, C03). Subject {@code enrollment_id/period}.
 * <p>
 * Not TEMP_ASSIST; two or more made payments of one enrollment for one period in W. Amount at risk: their sum
 * minus the largest. A failed payment re-issued is not a duplicate (the failed one is not made).
 */
public final class DuplicatePayment implements Rule {

    @Override
    public String code() {
        return "C03";
    }

    @Override
    public String name() {
        return "DUPLICATE_PAYMENT";
    }

    @Override
    public String nameZh() {
        return "重复发放";
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
            if (en.program(e) == Program.TEMP_ASSIST) {
                continue;
            }
            int to = en.paymentsTo(e);
            int i = en.paymentsFrom(e);
            // payments are ordered by period: one run of made payments in W per period
            while (i < to) {
                int p = en.paymentAt(i);
                if (!ctx.isMadeInWindow(p)) {
                    i++;
                    continue;
                }
                int period = pay.period(p);
                int count = 0;
                long sum = 0;
                long largest = 0;
                int j = i;
                for (; j < to && pay.period(en.paymentAt(j)) == period; j++) {
                    int q = en.paymentAt(j);
                    if (ctx.isMade(q)) {
                        count++;
                        sum += pay.amount(q);
                        largest = Math.max(largest, pay.amount(q));
                    }
                }
                if (count >= 2) {
                    emit(ctx, out, e, period, i, j, sum, largest);
                }
                i = j;
            }
        }
    }

    private static void emit(CheckContext ctx, Clues out, int e, int period, int from, int to, long sum,
                             long largest) {
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        List<Evidence> payments = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int q = en.paymentAt(i);
            if (ctx.isMade(q)) {
                payments.add(Evidence.object().put("payment_id", pay.id(q)).money("amount", pay.amount(q))
                        .date("paid_date", pay.paidDate(q)).put("channel", pay.channel(q))
                        .put("card_no", pay.cardNo(q)).put("batch_id", pay.batchId(q)));
            }
        }
        long excess = sum - largest;
        String explanation = Months.zh(period) + en.program(e).moneyZh() + "重复发放" + payments.size() + "笔，共"
                + Money.formatCents(sum) + "元，多发" + Money.formatCents(excess) + "元";
        out.clue()
                .subject(en.id(e), Months.iso(period))
                .enrollment(e)
                .idNo(en.payeeIdNo(e))
                .periods(period, period)
                .amountCents(excess)
                .explanation(explanation)
                .evidence(Evidence.object()
                        .month("period", period)
                        .put("program", en.program(e).name())
                        .money("monthly_amount", en.monthlyAmount(e))
                        .money("total", sum)
                        .money("largest", largest)
                        .objects("payments", payments))
                .add();
    }
}
