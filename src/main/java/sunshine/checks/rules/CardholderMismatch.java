package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import sunshine.checks.Severity;
import sunshine.checks.data.Cards;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Filings;
import sunshine.checks.data.Payments;
import sunshine.checks.data.Persons;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Rule;

/**
 * B03 CARDHOLDER_MISMATCH 持卡人与保障对象不一致 (docs/rules-interpretation.md, B03). Subject
 * {@code enrollment_id/card_no}.
 * <p>
 * A made CARD payment in W of an enrollment in scope went to a card whose holder is neither a covered member nor the
 * enrollment's payee, and no CUSTODY filing names that card with a covered member as its subject (a filed custody,
 * e.g. a daughter's card for her old mother, is fine). One clue per enrollment and card; amount at risk: Σ those
 * payments. id_no: the payee.
 */
public final class CardholderMismatch implements Rule {

    @Override
    public String code() {
        return "B03";
    }

    @Override
    public String name() {
        return "CARDHOLDER_MISMATCH";
    }

    @Override
    public String nameZh() {
        return "持卡人与保障对象不一致";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public Set<String> requires() {
        return Set.of("cards", "filings");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Enrollments en = ctx.enrollments();
        // the distinct cards of one enrollment: 1 mismatched, 0 fine
        int[] distinct = new int[8];
        boolean[] mismatched = new boolean[8];
        for (int e = 0; e < en.size(); e++) {
            if (!ctx.inScope(e)) {
                continue;
            }
            int n = 0;
            boolean any = false;
            for (int i = en.paymentsFrom(e); i < en.paymentsTo(e); i++) {
                int p = en.paymentAt(i);
                int c = ctx.paidCard(p);
                if (c < 0 || !ctx.isMadeInWindow(p)) {
                    continue;
                }
                int k = 0;
                while (k < n && distinct[k] != c) {
                    k++;
                }
                if (k < n) {
                    continue;
                }
                if (n == distinct.length) {
                    distinct = Arrays.copyOf(distinct, n * 2);
                    mismatched = Arrays.copyOf(mismatched, n * 2);
                }
                distinct[n] = c;
                mismatched[n] = !holderAccepted(ctx, e, c);
                any |= mismatched[n];
                n++;
            }
            if (!any) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                if (mismatched[k]) {
                    emit(ctx, out, e, distinct[k]);
                }
            }
        }
    }

    /** The holder is a covered member or the payee, or a CUSTODY filing names the card and a covered member. */
    private static boolean holderAccepted(CheckContext ctx, int e, int card) {
        Enrollments en = ctx.enrollments();
        Persons persons = ctx.persons();
        Cards cards = ctx.cards();
        Filings filings = ctx.filings();
        if (!cards.isRegistered(card)) {
            return false;
        }
        long holder = cards.holderKey(card);
        if (holder == en.payeeKey(e)) {
            return true;
        }
        for (int i = en.membersFrom(e); i < en.membersTo(e); i++) {
            if (persons.key(en.memberAt(i)) == holder) {
                return true;
            }
        }
        for (int i = en.membersFrom(e); i < en.membersTo(e); i++) {
            if (filings.hasCustodyFiling(card, persons.key(en.memberAt(i)))) {
                return true;
            }
        }
        return false;
    }

    private static void emit(CheckContext ctx, Clues out, int e, int card) {
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        Cards cards = ctx.cards();
        long sum = 0;
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        List<Evidence> payments = new ArrayList<>();
        for (int i = en.paymentsFrom(e); i < en.paymentsTo(e); i++) {
            int p = en.paymentAt(i);
            if (ctx.paidCard(p) != card || !ctx.isMadeInWindow(p)) {
                continue;
            }
            sum += pay.amount(p);
            from = Math.min(from, pay.period(p));
            to = Math.max(to, pay.period(p));
            payments.add(Evidence.object().put("payment_id", pay.id(p)).month("period", pay.period(p))
                    .money("amount", pay.amount(p)).date("paid_date", pay.paidDate(p)));
        }
        boolean registered = cards.isRegistered(card);
        String holder = registered ? CardTexts.person(ctx, cards.holderKey(card)) : "未登记";
        String explanation = CardTexts.months(from, to) + "共" + payments.size() + "笔" + en.program(e).moneyZh()
                + Money.formatCents(sum) + "元发放至" + holder + "的一卡通" + cards.number(card)
                + "，持卡人既非保障对象也非领款人，且无代管备案";
        List<String> members = new ArrayList<>();
        for (int i = en.membersFrom(e); i < en.membersTo(e); i++) {
            members.add(ctx.persons().idNo(en.memberAt(i)));
        }
        out.clue()
                .subject(en.id(e), cards.number(card))
                .enrollment(e)
                .idNo(en.payeeIdNo(e))
                .cardNo(cards.number(card))
                .periods(from, to)
                .amountCents(sum)
                .explanation(explanation)
                .evidence(Evidence.object()
                        .put("card", CardTexts.card(ctx, card))
                        .put("payee_id_no", en.payeeIdNo(e))
                        .texts("covered_members", members)
                        .put("custody_filing_for_a_covered_member", false)
                        .put("custody_filing_for_someone_else", ctx.filings().hasCustodyFiling(card))
                        .put("program", en.program(e).name())
                        .objects("payments", payments)
                        .money("total", sum))
                .add();
    }
}
