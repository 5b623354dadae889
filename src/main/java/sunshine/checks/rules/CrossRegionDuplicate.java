package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.Arrays;
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
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Program;
import sunshine.checks.engine.RegionCodes;
import sunshine.checks.engine.Rule;

/**
 * A07 CROSS_REGION_DUPLICATE 跨地区重复享受 (docs/rules-interpretation.md, A07). Subject
 * {@code enrollment_id/id_no}.
 * <p>
 * A month m counts for a covered member of an enrollment in scope when m is in W, the member has {@code other_rolls}
 * rows for m of a program of the enrollment's family (DIBAO_URBAN, DIBAO_RURAL, TEKUN are one family) whose
 * region's county differs from the household's, and paid(e, m) > 0. other(m) = Σ those rows' amounts. Amount at
 * risk: Σ over counted months of min(share(m), other(m)), share(m) being the member's share of paid(e, m).
 */
public final class CrossRegionDuplicate implements Rule {

    @Override
    public String code() {
        return "A07";
    }

    @Override
    public String name() {
        return "CROSS_REGION_DUPLICATE";
    }

    @Override
    public String nameZh() {
        return "跨地区重复享受";
    }

    @Override
    public Severity severity() {
        return Severity.HIGH;
    }

    @Override
    public Set<String> uses() {
        return Set.of("other_rolls");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Table t = ctx.facts("other_rolls");
        EnumColumn program = t.enums("program");
        LongColumn region = t.regions("region_code");
        IntColumn period = t.months("period");
        LongColumn amount = t.money("amount");
        Program[] programOf = new Program[program.type().values().size()];
        for (int i = 0; i < programOf.length; i++) {
            programOf[i] = Program.of(program.type().values().get(i).code());
        }
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();
        int windowFrom = ctx.windowFrom();
        long[] other = new long[ctx.lookback()];
        boolean[] listed = new boolean[ctx.lookback()];

        int r = 0;
        while (r < t.size()) {
            int person = t.person(r);
            int end = FactRows.end(t, r);
            for (int k = persons.enrollmentsFrom(person); k < persons.enrollmentsTo(person); k++) {
                int e = persons.enrollmentAt(k);
                if (!ctx.inScope(e)) {
                    continue;
                }
                String family = en.program(e).family();
                int county = ctx.county(ctx.region(en.household(e)));
                Arrays.fill(other, 0);
                Arrays.fill(listed, false);
                boolean any = false;
                for (int i = r; i < end; i++) {
                    int m = period.get(i) - windowFrom;
                    if (m >= 0 && m < other.length && programOf[program.raw(i)].family().equals(family)
                            && RegionCodes.county(region.get(i)) != county) {
                        other[m] += amount.get(i);
                        listed[m] = true;
                        any = true;
                    }
                }
                if (!any) {
                    continue;
                }
                long[] paid = ctx.paidInWindow(e);
                long units = 0;
                int first = Months.NONE;
                int last = Months.NONE;
                int counted = 0;
                List<Evidence> monthly = new ArrayList<>();
                for (int m = 0; m < other.length; m++) {
                    if (!listed[m] || paid[m] <= 0) {
                        continue;
                    }
                    long share = ctx.share(e, paid[m]);
                    long min = Math.min(share, Money.units(other[m]));
                    units += min;
                    counted++;
                    first = first == Months.NONE ? windowFrom + m : first;
                    last = windowFrom + m;
                    monthly.add(Evidence.object().month("period", windowFrom + m).money("paid", paid[m])
                            .share("share", share).money("other_amount", other[m]).share("counted", min));
                }
                if (counted == 0) {
                    continue;
                }
                List<Evidence> rows = new ArrayList<>();
                List<String> places = new ArrayList<>();
                for (int i = r; i < end; i++) {
                    int m = period.get(i) - windowFrom;
                    if (m >= 0 && m < other.length && programOf[program.raw(i)].family().equals(family)
                            && RegionCodes.county(region.get(i)) != county && paid[m] > 0) {
                        String code = RegionCodes.text(region.get(i));
                        String name = ctx.regions().nameOf(RegionCodes.countyCode(region.get(i)));
                        String place = name != null ? name : "外县（" + code.substring(0, 6) + "）";
                        if (!places.contains(place)) {
                            places.add(place);
                        }
                        rows.add(Evidence.object().put("program", program.code(i)).put("region_code", code)
                                .month("period", period.get(i)).money("amount", amount.get(i)));
                    }
                }
                int covered = ctx.covered(e);
                boolean shared = en.program(e).isSharedByHousehold() && covered > 1;
                String explanation = ctx.maskedName(person) + "同时在" + String.join("、", places)
                        + "领取同类救助" + counted + "个月（" + Months.zh(first)
                        + (first == last ? "" : "至" + Months.zh(last)) + "），本地同期发放" + en.program(e).moneyZh()
                        + "，重复部分" + (shared ? "按其份额（户内保障" + covered + "人）" : "") + "计"
                        + Money.format(Money.yuanOfUnits(units)) + "元";
                out.clue()
                        .subject(en.id(e), persons.idNo(person))
                        .enrollment(e)
                        .person(person)
                        .periods(first, last)
                        .amountUnits(units)
                        .explanation(explanation)
                        .evidence(Evidence.object()
                                .put("program", en.program(e).name())
                                .put("family", family)
                                .put("covered", covered)
                                .put("share_rule", WindowPayments.shareRule(ctx, e))
                                .objects("months", monthly)
                                .objects("other_rolls", rows))
                        .add();
            }
            r = end;
        }
    }
}
