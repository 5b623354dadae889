package sunshine.checks.rules;

import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;
import sunshine.checks.Severity;
import sunshine.checks.data.Cards;
import sunshine.checks.data.Payments;
import sunshine.checks.engine.CardPayments;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Ids;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Rule;

/**
 * B05 CUSTODY_NOT_FILED 代管未备案 (docs/rules-interpretation.md, B05). Subject {@code card_no}.
 * <p>
 * A card whose custodian_id_no is present and differs from its holder received a made payment in W, and no CUSTODY
 * filing names the card. Amount 0. id_no: the holder; household and region: the holder's, else those of the
 * smallest enrollment_id paid to the card; enrollment_id: that smallest one; periods: the payments to the card.
 */
public final class CustodyNotFiled implements Rule {

    @Override
    public String code() {
        return "B05";
    }

    @Override
    public String name() {
        return "CUSTODY_NOT_FILED";
    }

    @Override
    public String nameZh() {
        return "代管未备案";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public Set<String> requires() {
        return Set.of("cards", "filings");
    }

    @Override
    public Set<String> uses() {
        // to say so when the custodian is a staff member
        return Set.of("staff");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Cards cards = ctx.cards();
        BitSet unfiled = new BitSet(cards.size());
        for (int c = 0; c < cards.size(); c++) {
            long custodian = cards.custodianKey(c);
            if (custodian != Ids.NONE && custodian != cards.holderKey(c) && !ctx.filings().hasCustodyFiling(c)) {
                unfiled.set(c);
            }
        }
        if (unfiled.isEmpty()) {
            return;
        }
        CardPayments byCard = ctx.madeCardPaymentsInWindow(unfiled);
        Payments pay = ctx.payments();
        for (int g = 0; g < byCard.size(); g++) {
            int card = byCard.card(g);
            long holder = cards.holderKey(card);
            long custodian = cards.custodianKey(card);
            int smallest = -1;
            long total = 0;
            TreeSet<String> enrollments = new TreeSet<>();
            int from = Integer.MAX_VALUE;
            int to = Integer.MIN_VALUE;
            for (int j = byCard.from(g); j < byCard.to(g); j++) {
                int p = byCard.payment(j);
                int e = pay.enrollment(p);
                smallest = ctx.smallerEnrollmentId(smallest, e);
                enrollments.add(ctx.enrollments().id(e));
                total += pay.amount(p);
                from = Math.min(from, pay.period(p));
                to = Math.max(to, pay.period(p));
            }
            int staffRow = ctx.staff().indexOf(custodian);
            String custodianText = staffRow >= 0
                    ? CardTexts.staffName(ctx, staffRow) + "（" + CardTexts.staffRole(ctx.staff().role(staffRow)) + "）"
                    : CardTexts.person(ctx, custodian);
            String explanation = "一卡通" + cards.number(card) + "（持卡人" + CardTexts.person(ctx, holder) + "）由"
                    + custodianText + "代管，" + CardTexts.months(from, to) + "仍收到"
                    + (byCard.to(g) - byCard.from(g)) + "笔待遇资金共" + Money.formatCents(total) + "元，但无代管备案";
            out.clue()
                    .subject(cards.number(card))
                    .enrollment(smallest)
                    .household(ctx.holderHousehold(holder, smallest))
                    .idNo(cards.holderIdNo(card))
                    .cardNo(cards.number(card))
                    .periods(from, to)
                    .explanation(explanation)
                    .evidence(Evidence.object()
                            .put("card", CardTexts.card(ctx, card))
                            .put("custodian_id_no", Ids.idNo(custodian))
                            .put("custodian_is_staff", staffRow >= 0)
                            .put("custody_filing", false)
                            .put("payments", byCard.to(g) - byCard.from(g))
                            .money("total", total)
                            .texts("enrollments", enrollments))
                    .add();
        }
    }
}
