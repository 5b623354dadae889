package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Payments;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;

/**
 * The made payments in W of one enrollment whose period passes a test, summed as a covered member's shares (units)
 * and as whole amounts (cents), with the first and last period and the payments as evidence. Shared by the
 * eligibility rules whose amount at risk is "Σ share of made payments in W for periods ..." (A02, A03, A05, A10) or
 * "Σ made payments in W for periods ..." (A04). Uses only the context's terms (made payments in W, share).
 */
final class WindowPayments {

    /** Σ the covered member's share, in units. */
    final long shareUnits;
    /** Σ the whole amounts, in cents. */
    final long cents;
    /** The first and last counted period, {@link Months#NONE} when none. */
    final int first;
    final int last;
    /** The number of distinct counted periods. */
    final int months;
    /** One object per counted payment: payment_id, period, amount, share. */
    final List<Evidence> evidence;

    private WindowPayments(long shareUnits, long cents, int first, int last, int months, List<Evidence> evidence) {
        this.shareUnits = shareUnits;
        this.cents = cents;
        this.first = first;
        this.last = last;
        this.months = months;
        this.evidence = evidence;
    }

    /**
     * Adds the clue of a covered member's share of these payments (A02, A03, A05, A10): the enrollment and the
     * person as subject, the counted periods, the share as the amount at risk, and the rule's own evidence followed
     * by the program, the covered members, the share rule and the payments.
     */
    void addShareClue(CheckContext ctx, Clues out, int enrollment, int person, String explanation, Evidence evidence) {
        Enrollments en = ctx.enrollments();
        out.clue()
                .subject(en.id(enrollment), ctx.persons().idNo(person))
                .enrollment(enrollment)
                .person(person)
                .periods(first, last)
                .amountUnits(shareUnits)
                .explanation(explanation)
                .evidence(evidence
                        .put("program", en.program(enrollment).name())
                        .put("covered", ctx.covered(enrollment))
                        .put("share_rule", shareRule(ctx, enrollment))
                        .objects("payments", this.evidence))
                .add();
    }

    /** The made payments of the enrollment in W whose period passes the test; the evidence lists shares. */
    static WindowPayments of(CheckContext ctx, int enrollment, IntPredicate period) {
        return of(ctx, enrollment, period, true);
    }

    /** As {@link #of}, for a rule whose amount is the whole payments: the evidence lists no shares. */
    static WindowPayments wholeAmounts(CheckContext ctx, int enrollment, IntPredicate period) {
        return of(ctx, enrollment, period, false);
    }

    private static WindowPayments of(CheckContext ctx, int enrollment, IntPredicate period, boolean shares) {
        Payments pay = ctx.payments();
        long units = 0;
        long cents = 0;
        int first = Months.NONE;
        int last = Months.NONE;
        int months = 0;
        List<Evidence> evidence = new ArrayList<>();
        for (int p : ctx.madePaymentsInWindow(enrollment)) {
            int m = pay.period(p);
            if (!period.test(m)) {
                continue;
            }
            long share = ctx.share(p);
            units += share;
            cents += pay.amount(p);
            if (first == Months.NONE) {
                first = m;
            }
            if (m != last) {
                months++; // payments come ordered by period
            }
            last = m;
            Evidence one = Evidence.object().put("payment_id", pay.id(p)).month("period", m)
                    .money("amount", pay.amount(p));
            evidence.add(shares ? one.share("share", share) : one);
        }
        return new WindowPayments(units, cents, first, last, months, evidence);
    }

    boolean isEmpty() {
        return evidence.isEmpty();
    }

    /**
     * "此后发放低保金8个月，按其份额（户内保障3人）计2,333.33元" or "…，共计…元" for an individual program; "…无发放（窗口期内）"
     * when nothing was paid.
     */
    String shareText(CheckContext ctx, int enrollment, String lead) {
        Enrollments en = ctx.enrollments();
        if (isEmpty()) {
            return lead + "无发放（窗口期内）";
        }
        int covered = ctx.covered(enrollment);
        boolean shared = en.program(enrollment).isSharedByHousehold() && covered > 1;
        return lead + "发放" + en.program(enrollment).moneyZh() + months + "个月，"
                + (shared ? "按其份额（户内保障" + covered + "人）计" : "共计")
                + Money.format(Money.yuanOfUnits(shareUnits)) + "元";
    }

    /** "此后发放低保金8个月，共计2,400.00元": whole amounts. */
    String totalText(CheckContext ctx, int enrollment, String lead) {
        if (isEmpty()) {
            return lead + "无发放（窗口期内）";
        }
        return lead + "发放" + ctx.enrollments().program(enrollment).moneyZh() + months + "个月，共计"
                + Money.formatCents(cents) + "元";
    }

    /**
     * "2026年3月起" when the condition began inside W, "窗口期内" when it held before W began (every payment of W
     * counts then).
     */
    static String since(CheckContext ctx, int month) {
        return month > ctx.windowFrom() ? Months.zh(month) + "起" : "窗口期内";
    }

    /** The share rule as the evidence names it. */
    static String shareRule(CheckContext ctx, int enrollment) {
        return ctx.enrollments().program(enrollment).isSharedByHousehold() ? "amount / covered" : "whole amount";
    }
}
