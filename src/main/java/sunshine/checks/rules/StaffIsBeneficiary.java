package sunshine.checks.rules;

import java.util.Set;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Persons;
import sunshine.checks.data.Staff;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Days;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Rule;

/**
 * D02 STAFF_IS_BENEFICIARY 工作人员本人享受 (docs/rules-interpretation.md, D02). Subject {@code enrollment_id/id_no}.
 * <p>
 * A covered member of an enrollment in scope is staff, in office during W (on some day of W), and no RELATIVE
 * filing has that member as subject. Amount 0. Where the staff member works does not matter.
 * <p>
 * Walks the staff rows (few) and the enrollments covering each, never all enrollments.
 */
public final class StaffIsBeneficiary implements Rule {

    @Override
    public String code() {
        return "D02";
    }

    @Override
    public String name() {
        return "STAFF_IS_BENEFICIARY";
    }

    @Override
    public String nameZh() {
        return "工作人员本人享受";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public Set<String> requires() {
        return Set.of("staff", "filings");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Staff staff = ctx.staff();
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();
        for (int s = 0; s < staff.size(); s++) {
            int person = persons.indexOf(staff.key(s));
            if (person < 0 || !ctx.inOfficeDuringWindow(s) || ctx.filings().hasRelativeFiling(staff.key(s))) {
                continue;
            }
            for (int i = persons.enrollmentsFrom(person); i < persons.enrollmentsTo(person); i++) {
                int e = persons.enrollmentAt(i);
                if (!ctx.inScope(e)) {
                    continue;
                }
                int to = staff.activeTo(s);
                StaffFacts.Window window = StaffFacts.Window.of(ctx, e);
                String explanation = "保障对象" + ctx.maskedName(person) + "本人是" + StaffFacts.postZh(ctx, s)
                        + "，" + Months.zh(ctx.windowFrom()) + "至" + Months.zh(ctx.period()) + "期间"
                        + (to == Days.NONE ? "在任" : "在任（" + Days.zh(to) + "离任）") + "，享受"
                        + en.program(e).labelZh() + "，未作近亲属备案";
                var clue = out.clue()
                        .subject(en.id(e), persons.idNo(person))
                        .enrollment(e)
                        .person(person)
                        .explanation(explanation)
                        .evidence(Evidence.object()
                                .put("staff", StaffFacts.staff(ctx, s))
                                .put("in_office_during_window", true)
                                .month("window_from", ctx.windowFrom())
                                .month("window_to", ctx.period())
                                .put("relative_filing", false)
                                .put("program", en.program(e).name())
                                .date("approved_date", en.approvedDate(e))
                                .put("made_payments_in_window", window.evidence()));
                window.periods(ctx, clue).add();
            }
        }
    }
}
