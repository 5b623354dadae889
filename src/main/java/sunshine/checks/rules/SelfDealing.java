package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.Persons;
import sunshine.checks.data.Staff;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Ids;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Rule;

/**
 * D03 SELF_DEALING 审批调查人员利益冲突 (docs/rules-interpretation.md, D03). Subject {@code enrollment_id}.
 * <p>
 * For an enrollment in scope, its approver_id_no or investigator_id_no is a covered member, or is a staff member one
 * of whose relatives ({@code staff_relatives}) is a covered member. A filing does not help: filing a relationship
 * does not allow the relative to approve or investigate the case. Amount at risk: Σ the enrollment's made payments
 * in W (whole amounts). id_no: the enrollment's payee. Every conflict found is in the evidence.
 * <p>
 * Two linear passes: the covered members of each enrollment against its approver and investigator, and the
 * staff_relatives rows (few) against the approvers and investigators of the relatives' enrollments.
 */
public final class SelfDealing implements Rule {

    private static final int APPROVER = 0;
    private static final int INVESTIGATOR = 1;

    /** A conflict: enrollment, APPROVER/INVESTIGATOR, the covered member, the staff_relatives row (-1: self). */
    private record Conflict(int enrollment, int role, int member, int relativeRow, int staffRow) {
    }

    @Override
    public String code() {
        return "D03";
    }

    @Override
    public String name() {
        return "SELF_DEALING";
    }

    @Override
    public String nameZh() {
        return "审批调查人员利益冲突";
    }

    @Override
    public Severity severity() {
        return Severity.CRITICAL;
    }

    @Override
    public Set<String> requires() {
        return Set.of("staff", "staff_relatives");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Enrollments en = ctx.enrollments();
        Persons persons = ctx.persons();
        Staff staff = ctx.staff();
        List<Conflict> found = new ArrayList<>();
        // the approver or investigator is a covered member
        for (int e = 0; e < en.size(); e++) {
            long approver = en.approverKey(e);
            long investigator = en.investigatorKey(e);
            if (approver == Ids.NONE && investigator == Ids.NONE || !ctx.inScope(e)) {
                continue;
            }
            for (int i = en.membersFrom(e); i < en.membersTo(e); i++) {
                int m = en.memberAt(i);
                long key = persons.key(m);
                if (key == approver) {
                    found.add(new Conflict(e, APPROVER, m, -1, staff.indexOf(key)));
                }
                if (key == investigator) {
                    found.add(new Conflict(e, INVESTIGATOR, m, -1, staff.indexOf(key)));
                }
            }
        }
        // the approver or investigator is a staff member with a covered member among their relatives
        for (int s = 0; s < staff.size(); s++) {
            long staffKey = staff.key(s);
            for (int r : ctx.relativesOf(s)) {
                int person = persons.indexOf(staff.relativeKey(r));
                if (person < 0) {
                    continue;
                }
                for (int i = persons.enrollmentsFrom(person); i < persons.enrollmentsTo(person); i++) {
                    int e = persons.enrollmentAt(i);
                    if (!ctx.inScope(e)) {
                        continue;
                    }
                    if (en.approverKey(e) == staffKey) {
                        found.add(new Conflict(e, APPROVER, person, r, s));
                    }
                    if (en.investigatorKey(e) == staffKey) {
                        found.add(new Conflict(e, INVESTIGATOR, person, r, s));
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt(Conflict::enrollment).thenComparingInt(Conflict::role)
                .thenComparingInt(Conflict::relativeRow).thenComparingInt(Conflict::member));
        for (int from = 0; from < found.size(); ) {
            int e = found.get(from).enrollment();
            int to = from;
            while (to < found.size() && found.get(to).enrollment() == e) {
                to++;
            }
            emit(ctx, out, e, found.subList(from, to));
            from = to;
        }
    }

    private static void emit(CheckContext ctx, Clues out, int e, List<Conflict> conflicts) {
        Enrollments en = ctx.enrollments();
        Persons persons = ctx.persons();
        Staff staff = ctx.staff();
        List<Evidence> evidence = new ArrayList<>();
        StringBuilder what = new StringBuilder();
        for (Conflict c : conflicts) {
            String role = c.role() == APPROVER ? "审批人" : "调查人";
            if (!what.isEmpty()) {
                what.append("；");
            }
            Evidence fact = Evidence.object()
                    .put("role", c.role() == APPROVER ? "APPROVER" : "INVESTIGATOR")
                    .put("id_no", c.role() == APPROVER ? Ids.idNo(en.approverKey(e)) : Ids.idNo(en.investigatorKey(e)))
                    .put("is_staff", c.staffRow() >= 0);
            if (c.relativeRow() < 0) {
                String who = c.staffRow() >= 0 ? StaffFacts.staffZh(ctx, c.staffRow()) : ctx.maskedName(c.member());
                what.append(role).append(who).append("本人是该待遇的保障对象");
                fact.put("conflict", "COVERED_MEMBER");
            } else {
                what.append("保障对象").append(ctx.maskedName(c.member())).append("是").append(role)
                        .append(StaffFacts.staffZh(ctx, c.staffRow())).append("的")
                        .append(StaffFacts.relationZh(ctx, c.relativeRow()));
                fact.put("conflict", "RELATIVE_OF_COVERED_MEMBER")
                        .put("relative_id_no", persons.idNo(c.member()))
                        .put("relation", staff.relation(c.relativeRow()));
            }
            if (c.staffRow() >= 0) {
                fact.put("staff", StaffFacts.staff(ctx, c.staffRow()));
            }
            evidence.add(fact);
        }
        StaffFacts.Window window = StaffFacts.Window.of(ctx, e);
        String paid = window.count() == 0
                ? Months.zh(ctx.windowFrom()) + "至" + Months.zh(ctx.period()) + "未发放"
                : Months.zh(window.first()) + "至" + Months.zh(window.last()) + "共发放" + en.program(e).moneyZh()
                        + Money.formatCents(window.totalCents()) + "元";
        var clue = out.clue()
                .subject(en.id(e))
                .enrollment(e)
                .idNo(en.payeeIdNo(e))
                .amountCents(window.totalCents())
                .explanation(what + "，审批调查存在利益冲突，" + paid)
                .evidence(Evidence.object()
                        .objects("conflicts", evidence)
                        .put("program", en.program(e).name())
                        .date("approved_date", en.approvedDate(e))
                        .put("approver_id_no", Ids.idNo(en.approverKey(e)))
                        .put("investigator_id_no", Ids.idNo(en.investigatorKey(e)))
                        .put("made_payments_in_window", window.evidence()));
        window.periods(ctx, clue).add();
    }
}
