package sunshine.checks.rules;

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
 * C01 AMOUNT_MISMATCH 发放金额与核定不符 (docs/rules-interpretation.md, C01). Subject {@code payment_id}.
 * <p>
 * Not TEMP_ASSIST; a made payment in W for a period at or after month(approved_date) whose amount differs from the
 * enrollment's monthly_amount. Variant OVER (paid more): amount at risk = the difference, HIGH. Variant UNDER (paid
 * less): amount at risk 0, owed = the difference, MEDIUM. A payment for a period before the approval (made under an
 * earlier decision, at an older amount) is not compared.
 */
public final class AmountMismatch implements Rule {

    @Override
    public String code() {
        return "C01";
    }

    @Override
    public String name() {
        return "AMOUNT_MISMATCH";
    }

    @Override
    public String nameZh() {
        return "发放金额与核定不符";
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
            Program program = en.program(e);
            if (program == Program.TEMP_ASSIST || !ctx.inScope(e)) {
                continue;
            }
            int approvedMonth = en.approvedMonth(e);
            long monthly = en.monthlyAmount(e);
            for (int p : ctx.madePaymentsInWindow(e)) {
                int period = pay.period(p);
                long amount = pay.amount(p);
                if (period < approvedMonth || amount == monthly) {
                    continue;
                }
                long difference = amount - monthly;
                boolean over = difference > 0;
                String explanation = Months.zh(period) + program.moneyZh() + "实发" + Money.formatCents(amount)
                        + "元，核定月发放金额" + Money.formatCents(monthly) + "元，" + (over ? "多发" : "少发")
                        + Money.formatCents(Math.abs(difference)) + "元";
                var clue = out.clue()
                        .subject(pay.id(p))
                        .variant(over ? "OVER" : "UNDER")
                        .severity(over ? Severity.HIGH : Severity.MEDIUM)
                        .enrollment(e)
                        .idNo(en.payeeIdNo(e))
                        .cardNo(pay.paidCardNo(p))
                        .periods(period, period)
                        .explanation(explanation)
                        .evidence(Evidence.object()
                                .put("payment_id", pay.id(p))
                                .month("period", period)
                                .money("amount", amount)
                                .money("monthly_amount", monthly)
                                .money("difference", difference)
                                .put("program", program.name())
                                .date("approved_date", en.approvedDate(e))
                                .date("paid_date", pay.paidDate(p))
                                .put("channel", pay.channel(p)));
                if (over) {
                    clue.amountCents(difference);
                } else {
                    clue.owedCents(-difference);
                }
                clue.add();
            }
        }
    }
}
