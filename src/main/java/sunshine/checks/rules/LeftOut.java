package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sunshine.checks.Severity;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.EnumColumn;
import sunshine.checks.data.IntColumn;
import sunshine.checks.data.LongColumn;
import sunshine.checks.data.Persons;
import sunshine.checks.data.Table;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Days;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Program;
import sunshine.checks.engine.Rule;

/**
 * A09 LEFT_OUT 应保未保 (docs/rules-interpretation.md, A09). Subject {@code id_no}; amount at risk 0.
 * <p>
 * A certificate counts when its status is ACTIVE and it was issued by the end of P. Variant CARE: a registry person
 * with a counting certificate of level 1 or 2 and no DISABILITY_CARE enrollment ACTIVE at P that covers them.
 * Variant LIVING: a person covered by a DIBAO enrollment ACTIVE at P, with a counting certificate of any level and no
 * DISABILITY_LIVING enrollment ACTIVE at P that covers them. Both: one clue, variant {@code CARE+LIVING}.
 * owed: the missing program's standard at P for the person's household (both standards when both apply; a standard
 * that is unknown adds nothing, and owed is empty when no missing program's standard is known). enrollment_id: the
 * DIBAO enrollment for LIVING (the smallest enrollment_id when several), empty for CARE; household_id and region:
 * the person's household. No period. Nobody is left out who died, or whose residence in the county ended
 * (CANCELLED, or MOVED_OUT to another county or an unknown place, as for A10), by the end of P.
 */
public final class LeftOut implements Rule {

    private static final String[] LEVEL_ZH = {"", "一级", "二级", "三级", "四级"};

    @Override
    public String code() {
        return "A09";
    }

    @Override
    public String name() {
        return "LEFT_OUT";
    }

    @Override
    public String nameZh() {
        return "应保未保";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public Set<String> requires() {
        return Set.of("standards");
    }

    @Override
    public Set<String> uses() {
        return Set.of("disability_certificates", "deaths", "residency_events");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Table t = ctx.facts("disability_certificates");
        LongColumn level = t.integers("level");
        EnumColumn kind = t.enums("kind");
        IntColumn issued = t.dates("issued_date");
        EnumColumn status = t.enums("status");
        byte active = status.index("ACTIVE");
        int endOfP = ctx.endOfPeriod();
        int p = ctx.period();
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();
        IntColumn residencyEnd = ctx.facts("residency_events").size() == 0 ? null
                : ctx.facts("residency_events").dates("event_date");

        int r = 0;
        while (r < t.size()) {
            int person = t.person(r);
            int end = FactRows.end(t, r);
            int minLevel = Integer.MAX_VALUE;
            int best = -1;
            for (int i = r; i < end; i++) {
                if (status.raw(i) == active && issued.get(i) <= endOfP && level.get(i) < minLevel) {
                    minLevel = (int) level.get(i);
                    best = i;
                }
            }
            int rows = r;
            r = end;
            if (best < 0) {
                continue;
            }
            // nobody is owed a subsidy after death, or by a county they no longer live in
            int left = ctx.residencyEndRow(person, ctx.county(ctx.region(persons.household(person))));
            if (ctx.deathDay(person) <= endOfP || (left >= 0 && residencyEnd.get(left) <= endOfP)) {
                continue;
            }
            boolean hasCare = false;
            boolean hasLiving = false;
            int dibao = -1;
            for (int k = persons.enrollmentsFrom(person); k < persons.enrollmentsTo(person); k++) {
                int e = persons.enrollmentAt(k);
                if (!ctx.isActiveAt(e, p)) {
                    continue;
                }
                Program program = en.program(e);
                if (program == Program.DISABILITY_CARE) {
                    hasCare = true;
                } else if (program == Program.DISABILITY_LIVING) {
                    hasLiving = true;
                } else if (program.isDibao() && (dibao < 0 || en.id(e).compareTo(en.id(dibao)) < 0)) {
                    dibao = e;
                }
            }
            boolean care = minLevel <= 2 && !hasCare;
            boolean living = dibao >= 0 && !hasLiving;
            if (!care && !living) {
                continue;
            }
            int household = persons.household(person);
            long careStandard = care ? ctx.standard(Program.DISABILITY_CARE, household, p) : Money.NONE;
            long livingStandard = living ? ctx.standard(Program.DISABILITY_LIVING, household, p) : Money.NONE;
            long owed = Money.NONE;
            if (careStandard != Money.NONE) {
                owed = careStandard;
            }
            if (livingStandard != Money.NONE) {
                owed = owed == Money.NONE ? livingStandard : owed + livingStandard;
            }

            List<Evidence> certificates = new ArrayList<>();
            for (int i = rows; i < end; i++) {
                certificates.add(Evidence.object().put("level", level.get(i)).put("kind", kind.code(i))
                        .date("issued_date", issued.get(i)).put("status", status.code(i))
                        .put("counts", status.raw(i) == active && issued.get(i) <= endOfP));
            }
            StringBuilder explanation = new StringBuilder(ctx.maskedName(person));
            if (living) {
                explanation.append("享受").append(en.program(dibao).labelZh()).append("，");
            }
            explanation.append("持有效").append(LEVEL_ZH[minLevel]).append("残疾人证（")
                    .append(Days.zh(issued.get(best))).append("发证），未享受");
            if (care) {
                explanation.append(Program.DISABILITY_CARE.labelZh()).append(standardText(careStandard));
            }
            if (living) {
                explanation.append(care ? "和" : "").append(Program.DISABILITY_LIVING.labelZh())
                        .append(standardText(livingStandard));
            }
            var clue = out.clue()
                    .subject(persons.idNo(person))
                    .variant(care && living ? "CARE+LIVING" : care ? "CARE" : "LIVING");
            if (living) {
                clue.enrollment(dibao);
            }
            clue.household(household)
                    .person(person)
                    .explanation(explanation.toString())
                    .evidence(Evidence.object()
                            .put("lowest_level", minLevel)
                            .objects("certificates", certificates)
                            .put("care_missing", care)
                            .put("living_missing", living)
                            .put("dibao_enrollment_id", living ? en.id(dibao) : null)
                            .money("care_standard", careStandard)
                            .money("living_standard", livingStandard));
            if (owed != Money.NONE) {
                clue.owedCents(owed);
            }
            clue.add();
        }
    }

    private static String standardText(long standard) {
        return standard == Money.NONE ? "（当地标准未设定）" : "（标准每月" + Money.formatCents(standard) + "元）";
    }
}
