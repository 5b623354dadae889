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
 * B08 NOT_PAID_TO_CARD 未通过一卡通发放 (docs/rules-interpretation.md, B08). Subject {@code payment_id}.
 * <p>
 * A made payment in W with channel other than CARD (CASH, OTHER), program not TEMP_ASSIST (temporary assistance may
 * be paid in cash). Amount 0. id_no: the payee; card_no empty (the payment is not by card).
 */
public final class NotPaidToCard implements Rule {

    @Override
    public String code() {
        return "B08";
    }

    @Override
    public String name() {
        return "NOT_PAID_TO_CARD";
    }

    @Override
    public String nameZh() {
        return "未通过一卡通发放";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Payments pay = ctx.payments();
        Enrollments en = ctx.enrollments();
        for (int p = 0; p < pay.size(); p++) {
            if (pay.isCard(p) || !ctx.isMadeInWindow(p)) {
                continue;
            }
            int e = pay.enrollment(p);
            Program program = en.program(e);
            if (program == Program.TEMP_ASSIST) {
                continue;
            }
            String channel = pay.channel(p);
            String explanation = Months.zh(pay.period(p)) + program.moneyZh() + Money.formatCents(pay.amount(p))
                    + "元以" + ("CASH".equals(channel) ? "现金" : "其他方式") + "发放，未通过一卡通";
            out.clue()
                    .subject(pay.id(p))
                    .enrollment(e)
                    .idNo(en.payeeIdNo(e))
                    .periods(pay.period(p), pay.period(p))
                    .explanation(explanation)
                    .evidence(Evidence.object()
                            .put("payment_id", pay.id(p))
                            .month("period", pay.period(p))
                            .money("amount", pay.amount(p))
                            .put("channel", channel)
                            .put("program", program.name())
                            .date("paid_date", pay.paidDate(p)))
                    .add();
        }
    }
}
