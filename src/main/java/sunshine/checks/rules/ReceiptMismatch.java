package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.List;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Payments;
import sunshine.checks.data.Receipts;
import sunshine.checks.data.TextColumn;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Rule;

/**
 * C08 RECEIPT_MISMATCH 回单不一致 (docs/rules-interpretation.md, C08). Subject {@code payment_id}.
 * <p>
 * CARD payments with period in W (made or not: a failed one is what FAILED finds). Variants in order, the first
 * names the clue, the evidence lists all that apply:
 * <ol>
 *   <li>CARD: a SUCCESS receipt credited another card_no. Amount: the payment. HIGH.</li>
 *   <li>AMOUNT: a SUCCESS receipt of another amount. Amount: Σ max(0, receipt − payment); owed: Σ max(0, payment −
 *       receipt) when positive. MEDIUM.</li>
 *   <li>FAILED: a FAILED receipt, no SUCCESS one, and no other made payment of the enrollment for the period.
 *       Amount 0. MEDIUM.</li>
 *   <li>MISSING: no receipt at all while another payment of the same batch_id has one (a batch the bank has not
 *       reported on yet misses nothing). Amount 0. MEDIUM.</li>
 * </ol>
 */
public final class ReceiptMismatch implements Rule {

    @Override
    public String code() {
        return "C08";
    }

    @Override
    public String name() {
        return "RECEIPT_MISMATCH";
    }

    @Override
    public String nameZh() {
        return "回单不一致";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Payments pay = ctx.payments();
        Receipts receipts = ctx.receipts();
        int n = pay.size();

        // the batches with at least one receipt
        int batches = 0;
        for (int p = 0; p < n; p++) {
            batches = Math.max(batches, pay.batch(p) + 1);
        }
        boolean[] reported = new boolean[batches];
        for (int p = 0; p < n; p++) {
            if (pay.batch(p) >= 0 && pay.receiptFlags(p) != 0) {
                reported[pay.batch(p)] = true;
            }
        }

        for (int p = 0; p < n; p++) {
            if (!pay.isCard(p) || !ctx.inWindow(pay.period(p))) {
                continue;
            }
            byte flags = pay.receiptFlags(p);
            boolean card = false;
            boolean amount = false;
            long over = 0;
            long under = 0;
            if ((flags & Payments.SUCCESS_RECEIPT) != 0) {
                for (int i = pay.receiptsFrom(p); i < pay.receiptsTo(p); i++) {
                    int r = pay.receiptAt(i);
                    if (receipts.isSuccess(r)) {
                        card |= receipts.card(r) != pay.card(p);
                        long difference = receipts.amount(r) - pay.amount(p);
                        amount |= difference != 0;
                        over += Math.max(0, difference);
                        under += Math.max(0, -difference);
                    }
                }
            }
            boolean failed = flags == Payments.FAILED_RECEIPT
                    && !ctx.hasMadePayment(pay.enrollment(p), pay.period(p));
            boolean missing = flags == 0 && pay.batch(p) >= 0 && reported[pay.batch(p)];
            if (card || amount || failed || missing) {
                emit(ctx, out, p, card, amount, failed, missing, over, under);
            }
        }
    }

    private static void emit(CheckContext ctx, Clues out, int p, boolean card, boolean amount, boolean failed,
                             boolean missing, long over, long under) {
        Payments pay = ctx.payments();
        Receipts receipts = ctx.receipts();
        Enrollments en = ctx.enrollments();
        TextColumn reasons = receipts.table().texts("failure_reason");
        int e = pay.enrollment(p);
        List<String> variants = new ArrayList<>();
        if (card) {
            variants.add("CARD");
        }
        if (amount) {
            variants.add("AMOUNT");
        }
        if (failed) {
            variants.add("FAILED");
        }
        if (missing) {
            variants.add("MISSING");
        }
        String variant = variants.get(0);
        List<Evidence> list = new ArrayList<>();
        String reason = null;
        String otherCard = null;
        long receiptAmount = Money.NONE;
        for (int i = pay.receiptsFrom(p); i < pay.receiptsTo(p); i++) {
            int r = pay.receiptAt(i);
            list.add(Evidence.object().put("status", receipts.isSuccess(r) ? "SUCCESS" : "FAILED")
                    .put("card_no", receipts.cardNo(r)).money("amount", receipts.amount(r))
                    .date("settled_date", receipts.settledDate(r)).put("failure_reason", reasons.get(r)));
            if (receipts.isFailed(r) && reason == null) {
                reason = reasons.get(r);
            }
            if (receipts.isSuccess(r) && receipts.card(r) != pay.card(p) && otherCard == null) {
                otherCard = receipts.cardNo(r);
            }
            if (receipts.isSuccess(r) && receipts.amount(r) != pay.amount(p) && receiptAmount == Money.NONE) {
                receiptAmount = receipts.amount(r);
            }
        }
        String head = Months.zh(pay.period(p)) + en.program(e).moneyZh() + Money.formatCents(pay.amount(p))
                + "元（卡号" + pay.cardNo(p) + "）";
        var clue = out.clue()
                .subject(pay.id(p))
                .variant(variant)
                .severity(card ? Severity.HIGH : Severity.MEDIUM)
                .enrollment(e)
                .idNo(en.payeeIdNo(e))
                .cardNo(pay.paidCardNo(p))
                .periods(pay.period(p), pay.period(p));
        String explanation;
        switch (variant) {
            case "CARD" -> {
                clue.amountCents(pay.amount(p));
                explanation = head + "的银行回单显示入账到另一张卡" + otherCard + "，资金去向不明";
            }
            case "AMOUNT" -> {
                clue.amountCents(over);
                if (under > 0) {
                    clue.owedCents(under);
                }
                explanation = head + "的银行回单入账金额为" + Money.formatCents(receiptAmount) + "元，"
                        + (over > 0 ? "多付" + Money.formatCents(over) + "元" : "少付" + Money.formatCents(under) + "元");
            }
            case "FAILED" -> explanation = head + "银行发放失败" + (reason == null ? "" : "（" + reason + "）")
                    + "，当月未重新发放";
            default -> explanation = head + "没有银行回单，而同批次" + pay.batchId(p) + "的其他发放已有回单";
        }
        clue.explanation(explanation)
                .evidence(Evidence.object()
                        .put("payment_id", pay.id(p))
                        .month("period", pay.period(p))
                        .money("amount", pay.amount(p))
                        .put("card_no", pay.cardNo(p))
                        .put("batch_id", pay.batchId(p))
                        .date("paid_date", pay.paidDate(p))
                        .texts("variants", variants)
                        .objects("receipts", list))
                .add();
    }
}
