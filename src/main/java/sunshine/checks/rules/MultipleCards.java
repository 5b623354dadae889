package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import sunshine.checks.Severity;
import sunshine.checks.data.Cards;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.IntArrays;
import sunshine.checks.data.Persons;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Rule;

/**
 * B01 MULTIPLE_CARDS 一人多卡 (docs/rules-interpretation.md, B01). Subject: the holder's {@code id_no}.
 * <p>
 * The holder is a covered member of an enrollment in scope and holds 2 or more ACTIVE SUBSIDY cards (a CLOSED card,
 * or a card for another purpose, does not count). Amount 0. card_no: the cards joined by "," in card_no order;
 * enrollment_id: the smallest in-scope enrollment covering the holder; household and region: the holder's own.
 * No period.
 */
public final class MultipleCards implements Rule {

    @Override
    public String code() {
        return "B01";
    }

    @Override
    public String name() {
        return "MULTIPLE_CARDS";
    }

    @Override
    public String nameZh() {
        return "一人多卡";
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
        Cards cards = ctx.cards();
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();
        // the holder of each ACTIVE SUBSIDY card (a registry person), -1 for any other card
        int[] holderOf = new int[cards.size()];
        int[] count = new int[persons.size()];
        for (int c = 0; c < cards.size(); c++) {
            int holder = ctx.isActiveSubsidyCard(c) ? persons.indexOf(cards.holderKey(c)) : -1;
            holderOf[c] = holder;
            if (holder >= 0) {
                count[holder]++;
            }
        }
        for (int c = 0; c < cards.size(); c++) {
            if (holderOf[c] >= 0 && count[holderOf[c]] < 2) {
                holderOf[c] = -1;
            }
        }
        int[] order = new int[cards.size()];
        int[] start = IntArrays.group(holderOf, cards.size(), persons.size(), order);
        for (int person = 0; person < persons.size(); person++) {
            if (start[person + 1] - start[person] < 2) {
                continue;
            }
            int enrollment = -1;
            List<String> inScope = new ArrayList<>();
            for (int i = persons.enrollmentsFrom(person); i < persons.enrollmentsTo(person); i++) {
                int e = persons.enrollmentAt(i);
                if (ctx.inScope(e)) {
                    enrollment = ctx.smallerEnrollmentId(enrollment, e);
                    inScope.add(en.id(e));
                }
            }
            if (enrollment < 0) {
                continue;
            }
            int[] held = Arrays.copyOfRange(order, start[person], start[person + 1]);
            List<Integer> byNumber = new ArrayList<>();
            for (int c : held) {
                byNumber.add(c);
            }
            byNumber.sort(Comparator.comparing(cards::number));
            List<String> numbers = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            for (int c : byNumber) {
                numbers.add(cards.number(c));
                evidence.add(CardTexts.card(ctx, c));
            }
            inScope.sort(null);
            String explanation = ctx.maskedName(person) + "名下有" + numbers.size() + "张正常状态的一卡通（卡号"
                    + String.join("、", numbers) + "），一人应只保留一张补贴发放卡";
            out.clue()
                    .subject(persons.idNo(person))
                    .enrollment(enrollment)
                    .household(persons.household(person))
                    .person(person)
                    .cardNo(String.join(",", numbers))
                    .explanation(explanation)
                    .evidence(Evidence.object()
                            .put("holder_id_no", persons.idNo(person))
                            .put("active_subsidy_cards", numbers.size())
                            .objects("cards", evidence)
                            .texts("enrollments_in_scope", inScope))
                    .add();
        }
    }
}
