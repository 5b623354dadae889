package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import sunshine.checks.Severity;
import sunshine.checks.data.EnumColumn;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.IntColumn;
import sunshine.checks.data.Payments;
import sunshine.checks.data.Persons;
import sunshine.checks.data.Table;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Rule;

/**
 * A01 DECEASED_PAID 死亡人员仍领取 (docs/rules-interpretation.md, A01). Subject {@code enrollment_id/id_no}.
 * <p>
 * A covered member has a death record; the death date is the earliest {@code death_date} over all their records.
 * Counted: the made payments of the enrollment (in scope) with period in W and period after month(death); the
 * clue fires when there is at least one (a death in the month of the last payment does not fire). Amount at risk:
 * the member's share of them (amount ÷ covered for DIBAO and TEMP_ASSIST, the whole amount otherwise), summed
 * exactly and rounded once. period_from/to: the first and last counted period.
 */
public final class DeceasedPaid implements Rule {

    @Override
    public String code() {
        return "A01";
    }

    @Override
    public String name() {
        return "DECEASED_PAID";
    }

    @Override
    public String nameZh() {
        return "死亡人员仍领取";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public Set<String> uses() {
        return Set.of("deaths");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Table deaths = ctx.facts("deaths");
        IntColumn deathDate = deaths.dates("death_date");
        EnumColumn source = deaths.enums("source");
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();
        Payments pay = ctx.payments();
        int r = 0;
        while (r < deaths.size()) {
            int person = deaths.person(r);
            int end = r;
            int earliest = Integer.MAX_VALUE;
            List<Evidence> records = new ArrayList<>();
            for (; end < deaths.size() && deaths.person(end) == person; end++) {
                earliest = Math.min(earliest, deathDate.get(end));
                records.add(Evidence.object().date("death_date", deathDate.get(end)).put("source", source.code(end)));
            }
            r = end;
            int deathMonth = Months.ofDay(earliest);
            for (int i = persons.enrollmentsFrom(person); i < persons.enrollmentsTo(person); i++) {
                int e = persons.enrollmentAt(i);
                if (!ctx.inScope(e)) {
                    continue;
                }
                long units = 0;
                int first = Months.NONE;
                int last = Months.NONE;
                Set<Integer> months = new TreeSet<>();
                List<Evidence> paid = new ArrayList<>();
                for (int p : ctx.madePaymentsInWindow(e)) {
                    int period = pay.period(p);
                    if (period <= deathMonth) {
                        continue;
                    }
                    long share = ctx.share(p);
                    units += share;
                    first = first == Months.NONE ? period : Math.min(first, period);
                    last = Math.max(last, period);
                    months.add(period);
                    paid.add(Evidence.object().put("payment_id", pay.id(p)).month("period", period)
                            .money("amount", pay.amount(p)).share("share", share));
                }
                if (paid.isEmpty()) {
                    continue;
                }
                int covered = ctx.covered(e);
                boolean shared = en.program(e).isSharedByHousehold() && covered > 1;
                String amount = Money.format(Money.yuanOfUnits(units)) + "元";
                String explanation = ctx.maskedName(person) + " " + Months.zh(deathMonth) + "死亡，此后仍发放"
                        + months.size() + "个月" + en.program(e).moneyZh() + "，"
                        + (shared ? "按其份额（户内保障" + covered + "人）计" : "共计") + amount;
                out.clue()
                        .subject(en.id(e), persons.idNo(person))
                        .enrollment(e)
                        .person(person)
                        .periods(first, last)
                        .amountUnits(units)
                        .explanation(explanation)
                        .evidence(Evidence.object()
                                .date("death_date", earliest)
                                .objects("death_records", records)
                                .put("program", en.program(e).name())
                                .put("covered", covered)
                                .put("share_rule", en.program(e).isSharedByHousehold()
                                        ? "amount / covered" : "whole amount")
                                .objects("payments", paid))
                        .add();
            }
        }
    }
}
