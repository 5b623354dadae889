package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Filings;
import sunshine.checks.data.Persons;
import sunshine.checks.data.Staff;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Days;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.RegionCodes;
import sunshine.checks.engine.Rule;

/**
 * D01 RELATIVE_NOT_FILED 近亲属享受未备案 (docs/rules-interpretation.md, D01). Subject {@code enrollment_id/staff id_no}.
 * <p>
 * A covered member of an enrollment in scope is a relative of staff member S ({@code staff_relatives}); S covers the
 * household (S's region, trailing zero segments ignored, prefixes the household's village); S was in office on the
 * enrollment's approved_date; and no RELATIVE filing has that member as subject and S as related person. Amount 0.
 * One clue per enrollment and staff member: when several covered members are S's unfiled relatives, id_no is the
 * first of them in the enrollment's member order and the evidence lists them all.
 * <p>
 * Walks the staff_relatives rows (few) and the enrollments of each relative, never all enrollments.
 */
public final class RelativeNotFiled implements Rule {

    @Override
    public String code() {
        return "D01";
    }

    @Override
    public String name() {
        return "RELATIVE_NOT_FILED";
    }

    @Override
    public String nameZh() {
        return "近亲属享受未备案";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public Set<String> requires() {
        return Set.of("staff", "staff_relatives", "filings");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Staff staff = ctx.staff();
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();
        Filings filings = ctx.filings();
        long[] hits = new long[16];
        for (int s = 0; s < staff.size(); s++) {
            int[] relatives = ctx.relativesOf(s);
            int n = 0;
            for (int r : relatives) {
                long relative = staff.relativeKey(r);
                int person = persons.indexOf(relative);
                if (person < 0 || filings.hasRelativeFiling(relative, staff.key(s))) {
                    continue;
                }
                for (int i = persons.enrollmentsFrom(person); i < persons.enrollmentsTo(person); i++) {
                    int e = persons.enrollmentAt(i);
                    if (ctx.inScope(e) && ctx.staffCovers(s, en.household(e)) && ctx.inOffice(s, en.approvedDate(e))) {
                        if (n == hits.length) {
                            hits = Arrays.copyOf(hits, n * 2);
                        }
                        hits[n++] = (long) e << 32 | r;
                    }
                }
            }
            Arrays.sort(hits, 0, n);
            for (int from = 0; from < n; ) {
                int e = (int) (hits[from] >>> 32);
                int to = from;
                while (to < n && (int) (hits[to] >>> 32) == e) {
                    to++;
                }
                emit(ctx, out, s, e, Arrays.copyOfRange(hits, from, to));
                from = to;
            }
        }
    }

    /** One clue for staff member s and enrollment e; hits: (e, staff_relatives row) of each unfiled relative. */
    private static void emit(CheckContext ctx, Clues out, int s, int e, long[] hits) {
        Staff staff = ctx.staff();
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();
        // the relatives in the enrollment's member order
        List<Evidence> relatives = new ArrayList<>();
        StringBuilder who = new StringBuilder();
        int first = -1;
        for (int i = en.membersFrom(e); i < en.membersTo(e); i++) {
            int member = en.memberAt(i);
            for (long h : hits) {
                int r = (int) h;
                if (staff.relativeKey(r) != persons.key(member)) {
                    continue;
                }
                if (first < 0) {
                    first = member;
                } else {
                    who.append("、");
                }
                who.append(ctx.maskedName(member)).append("（").append(StaffFacts.relationZh(ctx, r)).append("）");
                relatives.add(Evidence.object().put("id_no", persons.idNo(member)).put("relation", staff.relation(r))
                        .put("relative_filing", false));
            }
        }
        StaffFacts.Window window = StaffFacts.Window.of(ctx, e);
        String staffZh = StaffFacts.staffZh(ctx, s);
        String explanation = "保障对象" + who + "是" + staffZh + "的近亲属，该工作人员管辖该户且在待遇审批日"
                + Days.zh(en.approvedDate(e)) + "在任，享受" + en.program(e).labelZh() + "未按规定备案";
        var clue = out.clue()
                .subject(en.id(e), staff.idNo(s))
                .enrollment(e)
                .person(first)
                .explanation(explanation)
                .evidence(Evidence.object()
                        .put("staff", StaffFacts.staff(ctx, s))
                        .objects("relatives", relatives)
                        .put("program", en.program(e).name())
                        .date("approved_date", en.approvedDate(e))
                        .put("household_region", RegionCodes.text(ctx.region(en.household(e))))
                        .put("staff_covers_household", true)
                        .put("in_office_on_approved_date", true)
                        .put("made_payments_in_window", window.evidence()));
        window.periods(ctx, clue).add();
    }
}
