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
import sunshine.checks.engine.Months;
import sunshine.checks.engine.RegionCodes;
import sunshine.checks.engine.Rule;

/**
 * A10 RESIDENCY_ENDED 户籍注销迁出 (docs/rules-interpretation.md, A10). Subject {@code enrollment_id/id_no}; every
 * program.
 * <p>
 * A qualifying event of a covered member of an enrollment in scope: CANCELLED; or MOVED_OUT with {@code to_region}
 * empty or in another county than the enrollment's household. d is the earliest qualifying event date. The clue
 * fires when the enrollment has at least one made payment in W for a period after month(d); amount at risk: the
 * member's share of them.
 */
public final class ResidencyEnded implements Rule {

    @Override
    public String code() {
        return "A10";
    }

    @Override
    public String name() {
        return "RESIDENCY_ENDED";
    }

    @Override
    public String nameZh() {
        return "户籍注销迁出";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public Set<String> uses() {
        return Set.of("residency_events");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Table t = ctx.facts("residency_events");
        EnumColumn event = t.enums("event");
        IntColumn date = t.dates("event_date");
        LongColumn toRegion = t.regions("to_region");
        byte cancelled = event.index("CANCELLED");
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();

        int r = 0;
        while (r < t.size()) {
            int person = t.person(r);
            int end = FactRows.end(t, r);
            for (int k = persons.enrollmentsFrom(person); k < persons.enrollmentsTo(person); k++) {
                int e = persons.enrollmentAt(k);
                if (!ctx.inScope(e)) {
                    continue;
                }
                int first = ctx.residencyEndRow(person, ctx.county(ctx.region(en.household(e))));
                if (first < 0) {
                    continue;
                }
                int earliest = date.get(first);
                int eventMonth = Months.ofDay(earliest);
                WindowPayments paid = WindowPayments.of(ctx, e, m -> m > eventMonth);
                if (paid.isEmpty()) {
                    continue;
                }
                List<Evidence> events = new ArrayList<>();
                for (int i = r; i < end; i++) {
                    events.add(Evidence.object().put("event", event.code(i)).date("event_date", date.get(i))
                            .put("to_region", toRegion.text(i)));
                }
                String what;
                if (event.raw(first) == cancelled) {
                    what = "户籍已注销";
                } else if (toRegion.isNull(first)) {
                    what = "户籍已迁出（迁往地不详）";
                } else {
                    String name = ctx.regions().nameOf(RegionCodes.countyCode(toRegion.get(first)));
                    what = "户籍已迁往" + (name != null ? name : "外县（" + toRegion.text(first) + "）");
                }
                String explanation = ctx.maskedName(person) + "于" + Days.zh(earliest) + what + "；"
                        + paid.shareText(ctx, e, "此后仍");
                paid.addShareClue(ctx, out, e, person, explanation, Evidence.object()
                        .date("event_date", earliest)
                        .put("event", event.code(first))
                        .objects("residency_events", events));
            }
            r = end;
        }
    }
}
