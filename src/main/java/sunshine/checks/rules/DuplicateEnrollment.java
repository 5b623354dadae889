package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.List;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Persons;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Program;
import sunshine.checks.engine.Rule;

/**
 * A08 DUPLICATE_ENROLLMENT 重复享受 (docs/rules-interpretation.md, A08). Subject {@code id_no}.
 * <p>
 * For each program family (DIBAO_URBAN, DIBAO_RURAL and TEKUN are one; every other program is its own) and each
 * month m of W: the enrollments of that family covering the person with paid(e, m) > 0; a month counts when there
 * are two or more. Amount at risk: Σ over counted (family, m) of (Σ the person's shares − the largest share).
 * enrollment_id, household_id and region: the enrollment with the latest approved_date among those involved (the
 * one that should not have been granted; ties: the largest enrollment_id).
 */
public final class DuplicateEnrollment implements Rule {

    @Override
    public String code() {
        return "A08";
    }

    @Override
    public String name() {
        return "DUPLICATE_ENROLLMENT";
    }

    @Override
    public String nameZh() {
        return "重复享受";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();
        int windowFrom = ctx.windowFrom();
        int months = ctx.lookback();
        for (int person = 0; person < persons.size(); person++) {
            int from = persons.enrollmentsFrom(person);
            int n = persons.enrollmentsTo(person) - from;
            if (n < 2 || !twoOfOneFamily(en, persons, from, n)) {
                continue;
            }
            int[] enrollments = new int[n];
            for (int i = 0; i < n; i++) {
                enrollments[i] = persons.enrollmentAt(from + i);
            }
            long[][] paid = new long[n][];
            boolean[] involved = new boolean[n];
            boolean[] done = new boolean[n];
            boolean[] monthCounted = new boolean[months];
            long units = 0;
            int first = Months.NONE;
            int last = Months.NONE;
            List<Evidence> counted = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                if (done[a]) {
                    continue;
                }
                String family = en.program(enrollments[a]).family();
                // the members of this family among the person's enrollments
                int size = 0;
                int[] group = new int[n];
                for (int b = a; b < n; b++) {
                    if (!done[b] && en.program(enrollments[b]).family().equals(family)) {
                        group[size++] = b;
                        done[b] = true;
                    }
                }
                if (size < 2) {
                    continue;
                }
                for (int g = 0; g < size; g++) {
                    paid[group[g]] = ctx.paidInWindow(enrollments[group[g]]);
                }
                for (int m = 0; m < months; m++) {
                    int payers = 0;
                    for (int g = 0; g < size; g++) {
                        if (paid[group[g]][m] > 0) {
                            payers++;
                        }
                    }
                    if (payers < 2) {
                        continue;
                    }
                    long sum = 0;
                    long largest = 0;
                    List<Evidence> shares = new ArrayList<>();
                    for (int g = 0; g < size; g++) {
                        int i = group[g];
                        if (paid[i][m] <= 0) {
                            continue;
                        }
                        involved[i] = true;
                        long share = ctx.share(enrollments[i], paid[i][m]);
                        sum += share;
                        largest = Math.max(largest, share);
                        shares.add(Evidence.object().put("enrollment_id", en.id(enrollments[i]))
                                .put("program", en.program(enrollments[i]).name())
                                .money("paid", paid[i][m]).share("share", share));
                    }
                    units += sum - largest;
                    monthCounted[m] = true;
                    int month = windowFrom + m;
                    first = first == Months.NONE ? month : Math.min(first, month);
                    last = Math.max(last, month);
                    counted.add(Evidence.object().put("family", family).month("period", month)
                            .objects("enrollments", shares).share("duplicate", sum - largest));
                }
            }
            if (counted.isEmpty()) {
                continue;
            }
            int chosen = -1;
            List<String> ids = new ArrayList<>();
            List<Evidence> enrollmentFacts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!involved[i]) {
                    continue;
                }
                int e = enrollments[i];
                ids.add(en.id(e) + "（" + en.program(e).labelZh() + "）");
                enrollmentFacts.add(Evidence.object().put("enrollment_id", en.id(e))
                        .put("program", en.program(e).name())
                        .put("household_id", ctx.households().id(en.household(e)))
                        .date("approved_date", en.approvedDate(e))
                        .put("covered", ctx.covered(e)));
                if (chosen < 0 || later(en, e, chosen)) {
                    chosen = e;
                }
            }
            int countedMonths = 0;
            for (boolean b : monthCounted) {
                countedMonths += b ? 1 : 0;
            }
            String explanation = ctx.maskedName(person) + "同时被" + String.join("、", ids) + "保障，"
                    + countedMonths + "个月重复领取（" + Months.zh(first) + (first == last ? "" : "至" + Months.zh(last))
                    + "），重复部分按其份额计" + Money.format(Money.yuanOfUnits(units)) + "元";
            out.clue()
                    .subject(persons.idNo(person))
                    .enrollment(chosen)
                    .person(person)
                    .periods(first, last)
                    .amountUnits(units)
                    .explanation(explanation)
                    .evidence(Evidence.object()
                            .objects("enrollments", enrollmentFacts)
                            .objects("months", counted))
                    .add();
        }
    }

    /** Whether two of the person's enrollments are of one family (cheap test before any work). */
    private static boolean twoOfOneFamily(Enrollments en, Persons persons, int from, int n) {
        for (int a = 0; a < n; a++) {
            Program pa = en.program(persons.enrollmentAt(from + a));
            for (int b = a + 1; b < n; b++) {
                Program pb = en.program(persons.enrollmentAt(from + b));
                if (pa.family().equals(pb.family())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Latest approved_date first; ties: the larger enrollment_id. */
    private static boolean later(Enrollments en, int a, int b) {
        if (en.approvedDate(a) != en.approvedDate(b)) {
            return en.approvedDate(a) > en.approvedDate(b);
        }
        return en.id(a).compareTo(en.id(b)) > 0;
    }
}
