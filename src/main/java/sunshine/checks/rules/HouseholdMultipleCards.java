package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import sunshine.checks.Severity;
import sunshine.checks.data.Cards;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Payments;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Rule;

/**
 * B02 HOUSEHOLD_MULTIPLE_CARDS 一户多卡 (docs/rules-interpretation.md, B02). Subject {@code enrollment_id}.
 * <p>
 * The enrollment's made CARD payments in W went to 2 or more distinct cards that are ACTIVE now. A card that was
 * replaced (the old one CLOSED) does not count, so a replacement does not fire. Amount 0. period_from/to: the first
 * and last period of the payments to the still-active cards; id_no: the payee; card_no empty (the cards are in the
 * evidence).
 */
public final class HouseholdMultipleCards implements Rule {

    @Override
    public String code() {
        return "B02";
    }

    @Override
    public String name() {
        return "HOUSEHOLD_MULTIPLE_CARDS";
    }

    @Override
    public String nameZh() {
        return "一户多卡";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public Set<String> requires() {
        return Set.of("cards");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        Cards cards = ctx.cards();
        // the distinct active cards of one enrollment, with their payments' count and first and last period
        int[] distinct = new int[8];
        int[] count = new int[8];
        int[] first = new int[8];
        int[] last = new int[8];
        for (int e = 0; e < en.size(); e++) {
            if (!ctx.inScope(e)) {
                continue;
            }
            int n = 0;
            for (int i = en.paymentsFrom(e); i < en.paymentsTo(e); i++) {
                int p = en.paymentAt(i);
                int c = ctx.paidCard(p);
                if (c < 0 || !cards.isRegistered(c) || !cards.isActive(c) || !ctx.isMadeInWindow(p)) {
                    continue;
                }
                int k = 0;
                while (k < n && distinct[k] != c) {
                    k++;
                }
                if (k == n) {
                    if (n == distinct.length) {
                        distinct = Arrays.copyOf(distinct, n * 2);
                        count = Arrays.copyOf(count, n * 2);
                        first = Arrays.copyOf(first, n * 2);
                        last = Arrays.copyOf(last, n * 2);
                    }
                    distinct[n] = c;
                    count[n] = 0;
                    first[n] = pay.period(p);
                    last[n] = pay.period(p);
                    n++;
                }
                count[k]++;
                first[k] = Math.min(first[k], pay.period(p));
                last[k] = Math.max(last[k], pay.period(p));
            }
            if (n < 2) {
                continue;
            }
            int from = Integer.MAX_VALUE;
            int to = Integer.MIN_VALUE;
            List<Evidence> evidence = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                from = Math.min(from, first[k]);
                to = Math.max(to, last[k]);
                numbers.add(cards.number(distinct[k]) + "（持卡人" + CardTexts.person(ctx, cards.holderKey(distinct[k]))
                        + "）");
                evidence.add(CardTexts.card(ctx, distinct[k])
                        .put("payments", count[k])
                        .month("first_period", first[k])
                        .month("last_period", last[k]));
            }
            String explanation = CardTexts.months(from, to) + "，该户" + en.program(e).moneyZh() + "发放至" + n
                    + "张仍为正常状态的一卡通：" + String.join("、", numbers) + "，一户应只使用一张发放卡";
            out.clue()
                    .subject(en.id(e))
                    .enrollment(e)
                    .idNo(en.payeeIdNo(e))
                    .periods(from, to)
                    .explanation(explanation)
                    .evidence(Evidence.object()
                            .put("enrollment_id", en.id(e))
                            .put("program", en.program(e).name())
                            .put("active_cards_paid", n)
                            .objects("cards", evidence)
                            .month("window_from", ctx.windowFrom())
                            .month("window_to", ctx.windowTo()))
                    .add();
        }
    }
}
