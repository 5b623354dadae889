package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.EnumColumn;
import sunshine.checks.data.IntColumn;
import sunshine.checks.data.Persons;
import sunshine.checks.data.Table;
import sunshine.checks.data.TextColumn;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Days;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Rule;

/**
 * A05 PUBLIC_EMPLOYEE 财政供养人员 (docs/rules-interpretation.md, A05). Subject {@code enrollment_id/id_no}.
 * <p>
 * A covered member of a means-tested enrollment (in scope) has an employment that overlaps W:
 * {@code employed_from <= end of P} and ({@code employed_to} empty or {@code >=} the first day of W). The clue
 * fires even when no payment falls inside the employment (amount 0). Amount at risk: the member's share of the made
 * payments in W whose period m lies inside one of those employments, {@code month(employed_from) <= m <=
 * month(employed_to)} (no upper bound when employed_to is empty), each payment counted once.
 */
public final class PublicEmployee implements Rule {

    @Override
    public String code() {
        return "A05";
    }

    @Override
    public String name() {
        return "PUBLIC_EMPLOYEE";
    }

    @Override
    public String nameZh() {
        return "财政供养人员";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public Set<String> uses() {
        return Set.of("public_employees");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Table t = ctx.facts("public_employees");
        TextColumn employer = t.texts("employer");
        EnumColumn category = t.enums("category");
        IntColumn from = t.dates("employed_from");
        IntColumn to = t.dates("employed_to");
        int endOfP = ctx.endOfPeriod();
        int firstDay = ctx.firstDayOfWindow();
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();

        int[] fromMonths = new int[4];
        int[] toMonths = new int[4];
        int r = 0;
        while (r < t.size()) {
            int person = t.person(r);
            int end = FactRows.end(t, r);
            int n = 0;
            int first = -1;
            List<Evidence> employments = null;
            for (int i = r; i < end; i++) {
                boolean overlaps = from.get(i) <= endOfP && (to.isNull(i) || to.get(i) >= firstDay);
                if (!overlaps) {
                    continue;
                }
                if (employments == null) {
                    employments = new ArrayList<>();
                    first = i;
                }
                if (n == fromMonths.length) {
                    fromMonths = Arrays.copyOf(fromMonths, n * 2);
                    toMonths = Arrays.copyOf(toMonths, n * 2);
                }
                fromMonths[n] = Months.ofDay(from.get(i));
                toMonths[n] = to.isNull(i) ? Integer.MAX_VALUE : Months.ofDay(to.get(i));
                n++;
                employments.add(Evidence.object()
                        .put("employer", employer.get(i))
                        .put("category", category.code(i))
                        .date("employed_from", from.get(i))
                        .date("employed_to", to.get(i)));
            }
            r = end;
            if (employments == null) {
                continue;
            }
            int count = n;
            int[] fm = fromMonths;
            int[] tm = toMonths;
            for (int k = persons.enrollmentsFrom(person); k < persons.enrollmentsTo(person); k++) {
                int e = persons.enrollmentAt(k);
                if (!en.program(e).isMeansTested() || !ctx.inScope(e)) {
                    continue;
                }
                WindowPayments paid = WindowPayments.of(ctx, e, m -> {
                    for (int j = 0; j < count; j++) {
                        if (fm[j] <= m && m <= tm[j]) {
                            return true;
                        }
                    }
                    return false;
                });
                String term = to.isNull(first) ? Days.zh(from.get(first)) + "起"
                        : Days.zh(from.get(first)) + "至" + Days.zh(to.get(first));
                String explanation = ctx.maskedName(person) + "为" + employer.get(first) + "（"
                        + category.type().labelOf(category.code(first)) + "）财政供养人员（" + term + "）"
                        + (employments.size() > 1 ? "，窗口期内共" + employments.size() + "段任职" : "")
                        + "，仍享受" + en.program(e).labelZh() + "；"
                        + paid.shareText(ctx, e, "任职期间");
                paid.addShareClue(ctx, out, e, person, explanation, Evidence.object()
                        .objects("employments", employments));
            }
        }
    }
}
