package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import sunshine.checks.Severity;
import sunshine.checks.data.Cards;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Households;
import sunshine.checks.data.Payments;
import sunshine.checks.engine.CardPayments;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Rule;

/**
 * B04 SHARED_CARD 一卡多户 (docs/rules-interpretation.md, B04). Subject {@code card_no}.
 * <p>
 * The made payments in W that went to one card were for enrollments of 2 or more households. Amount at risk: Σ of
 * those payments for enrollments of households other than the holder's own ({@code persons.household_id} of the
 * holder); all of them when the holder is in none of those households (or not in {@code persons}). id_no: the
 * holder; household and region: the holder's, else those of the smallest enrollment_id involved; enrollment_id: the
 * smallest enrollment_id among those paid to the card.
 */
public final class SharedCard implements Rule {

    @Override
    public String code() {
        return "B04";
    }

    @Override
    public String name() {
        return "SHARED_CARD";
    }

    @Override
    public String nameZh() {
        return "一卡多户";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public Set<String> requires() {
        return Set.of("cards");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Payments pay = ctx.payments();
        Enrollments en = ctx.enrollments();
        Cards cards = ctx.cards();
        // pass 1: the first household paid to each card (+1; 0 = none yet), and the cards that saw a second one
        int[] firstHousehold = new int[cards.size()];
        BitSet shared = new BitSet(cards.size());
        for (int p = 0; p < pay.size(); p++) {
            int c = ctx.paidCard(p);
            if (c < 0 || !cards.isRegistered(c) || !ctx.isMadeInWindow(p)) {
                continue;
            }
            int h = en.household(pay.enrollment(p)) + 1;
            if (firstHousehold[c] == 0) {
                firstHousehold[c] = h;
            } else if (firstHousehold[c] != h) {
                shared.set(c);
            }
        }
        if (shared.isEmpty()) {
            return;
        }
        // pass 2: the payments of those cards only
        CardPayments byCard = ctx.madeCardPaymentsInWindow(shared);
        for (int g = 0; g < byCard.size(); g++) {
            emit(ctx, out, byCard, g);
        }
    }

    private static void emit(CheckContext ctx, Clues out, CardPayments byCard, int g) {
        Payments pay = ctx.payments();
        Enrollments en = ctx.enrollments();
        Cards cards = ctx.cards();
        Households households = ctx.households();
        int card = byCard.card(g);
        long holderKey = cards.holderKey(card);
        int holderPerson = ctx.persons().indexOf(holderKey);
        int holderHousehold = holderPerson >= 0 ? ctx.persons().household(holderPerson) : -1;
        // per household (by household_id): its payments
        TreeMap<String, List<Integer>> byHousehold = new TreeMap<>();
        int smallest = -1;
        long others = 0;
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        for (int j = byCard.from(g); j < byCard.to(g); j++) {
            int p = byCard.payment(j);
            int e = pay.enrollment(p);
            int h = en.household(e);
            smallest = ctx.smallerEnrollmentId(smallest, e);
            byHousehold.computeIfAbsent(households.id(h), k -> new ArrayList<>()).add(p);
            if (h != holderHousehold) {
                others += pay.amount(p);
            }
            from = Math.min(from, pay.period(p));
            to = Math.max(to, pay.period(p));
        }
        boolean holderAmong = false;
        List<Evidence> perHousehold = new ArrayList<>();
        for (var entry : byHousehold.entrySet()) {
            int h = en.household(pay.enrollment(entry.getValue().get(0)));
            boolean own = h == holderHousehold;
            holderAmong |= own;
            long sum = 0;
            List<Evidence> payments = new ArrayList<>();
            for (int p : entry.getValue()) {
                sum += pay.amount(p);
                payments.add(Evidence.object().put("payment_id", pay.id(p))
                        .put("enrollment_id", en.id(pay.enrollment(p)))
                        .put("program", en.program(pay.enrollment(p)).name())
                        .month("period", pay.period(p)).money("amount", pay.amount(p)));
            }
            perHousehold.add(Evidence.object()
                    .put("household_id", entry.getKey())
                    .put("holder_household", own)
                    .money("total", sum)
                    .objects("payments", payments));
        }
        int otherCount = byHousehold.size() - (holderAmong ? 1 : 0);
        String explanation = "一卡通" + cards.number(card) + "（持卡人" + CardTexts.person(ctx, holderKey) + "）"
                + CardTexts.months(from, to) + "收到" + byHousehold.size() + "户的待遇资金，"
                + (holderAmong ? "其中非持卡人本户的" + otherCount + "户共计" : "均非持卡人本户，共计")
                + Money.formatCents(others) + "元";
        int household = ctx.holderHousehold(holderKey, smallest);
        out.clue()
                .subject(cards.number(card))
                .enrollment(smallest)
                .household(household)
                .idNo(cards.holderIdNo(card))
                .cardNo(cards.number(card))
                .periods(from, to)
                .amountCents(others)
                .explanation(explanation)
                .evidence(Evidence.object()
                        .put("card", CardTexts.card(ctx, card))
                        .put("holder_household_id", holderHousehold >= 0 ? households.id(holderHousehold) : null)
                        .put("households", byHousehold.size())
                        .objects("paid_households", perHousehold)
                        .money("other_households_total", others))
                .add();
    }
}
