package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import sunshine.checks.Severity;
import sunshine.checks.data.Cards;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Payments;
import sunshine.checks.data.Staff;
import sunshine.checks.engine.CardPayments;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Ids;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Rule;

/**
 * B06 CARD_CONTROLLED_BY_STAFF 工作人员控制存折卡 (docs/rules-interpretation.md, B06). Subject {@code card_no}.
 * <p>
 * The card received made payments in W for enrollments that do not cover the card's holder, and the holder or the
 * custodian is staff (in {@code staff}, whatever the dates). A cadre who keeps the card of someone the enrollment
 * covers does not fire here (that is B05's business when not filed). Amount at risk: Σ those payments. id_no: the
 * holder; household and region: the holder's, else those of the smallest enrollment_id among those payments;
 * enrollment_id: that smallest one.
 */
public final class CardControlledByStaff implements Rule {

    @Override
    public String code() {
        return "B06";
    }

    @Override
    public String name() {
        return "CARD_CONTROLLED_BY_STAFF";
    }

    @Override
    public String nameZh() {
        return "工作人员控制存折卡";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public Set<String> requires() {
        return Set.of("cards", "staff");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Cards cards = ctx.cards();
        BitSet staffCards = new BitSet(cards.size());
        for (int c = 0; c < cards.size(); c++) {
            long custodian = cards.custodianKey(c);
            if (ctx.isStaff(cards.holderKey(c)) || (custodian != Ids.NONE && ctx.isStaff(custodian))) {
                staffCards.set(c);
            }
        }
        if (staffCards.isEmpty()) {
            return;
        }
        CardPayments byCard = ctx.madeCardPaymentsInWindow(staffCards);
        for (int g = 0; g < byCard.size(); g++) {
            check(ctx, out, byCard, g);
        }
    }

    private static void check(CheckContext ctx, Clues out, CardPayments byCard, int g) {
        Cards cards = ctx.cards();
        Payments pay = ctx.payments();
        Enrollments en = ctx.enrollments();
        Staff staff = ctx.staff();
        int card = byCard.card(g);
        long holder = cards.holderKey(card);
        long custodian = cards.custodianKey(card);
        int holderPerson = ctx.persons().indexOf(holder);
        int smallest = -1;
        long total = 0;
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        TreeSet<String> enrollments = new TreeSet<>();
        List<Evidence> payments = new ArrayList<>();
        for (int j = byCard.from(g); j < byCard.to(g); j++) {
            int p = byCard.payment(j);
            int e = pay.enrollment(p);
            if (holderPerson >= 0 && en.covers(e, holderPerson)) {
                continue;
            }
            smallest = ctx.smallerEnrollmentId(smallest, e);
            enrollments.add(en.id(e));
            total += pay.amount(p);
            from = Math.min(from, pay.period(p));
            to = Math.max(to, pay.period(p));
            payments.add(Evidence.object().put("payment_id", pay.id(p)).put("enrollment_id", en.id(e))
                    .put("program", en.program(e).name()).month("period", pay.period(p))
                    .money("amount", pay.amount(p)));
        }
        if (payments.isEmpty()) {
            return;
        }
        int holderStaff = staff.indexOf(holder);
        int custodianStaff = custodian == Ids.NONE ? -1 : staff.indexOf(custodian);
        String who;
        if (holderStaff >= 0) {
            who = CardTexts.staffRole(staff.role(holderStaff)) + CardTexts.staffName(ctx, holderStaff) + "本人的一卡通"
                    + cards.number(card);
        } else {
            who = CardTexts.staffRole(staff.role(custodianStaff)) + CardTexts.staffName(ctx, custodianStaff) + "代管的一卡通"
                    + cards.number(card) + "（持卡人" + CardTexts.person(ctx, holder) + "）";
        }
        String explanation = who + "，" + CardTexts.months(from, to) + "收到" + enrollments.size() + "项不保障持卡人的待遇"
                + payments.size() + "笔，共计" + Money.formatCents(total) + "元";
        Evidence evidence = Evidence.object()
                .put("card", CardTexts.card(ctx, card))
                .put("holder_is_staff", holderStaff >= 0)
                .put("custodian_is_staff", custodianStaff >= 0);
        if (holderStaff >= 0) {
            evidence.put("holder_staff", CardTexts.staff(ctx, holderStaff));
        }
        if (custodianStaff >= 0) {
            evidence.put("custodian_staff", CardTexts.staff(ctx, custodianStaff));
        }
        out.clue()
                .subject(cards.number(card))
                .enrollment(smallest)
                .household(ctx.holderHousehold(holder, smallest))
                .idNo(cards.holderIdNo(card))
                .cardNo(cards.number(card))
                .periods(from, to)
                .amountCents(total)
                .explanation(explanation)
                .evidence(evidence
                        .texts("enrollments_not_covering_holder", enrollments)
                        .objects("payments", payments)
                        .money("total", total))
                .add();
    }
}
