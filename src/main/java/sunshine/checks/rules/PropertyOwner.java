package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import sunshine.checks.ParameterSpec;
import sunshine.checks.Severity;
import sunshine.checks.data.DecimalColumn;
import sunshine.checks.data.Enrollments;
import sunshine.checks.data.EnumColumn;
import sunshine.checks.data.IntColumn;
import sunshine.checks.data.LongColumn;
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
 * A04 PROPERTY_OWNER 拥有多套房产 (docs/rules-interpretation.md, A04). Subject {@code enrollment_id}.
 * <p>
 * The covered members of a means-tested enrollment (in scope) together own more than {@code A04.max_residential}
 * RESIDENTIAL properties, or any COMMERCIAL, OFFICE or INDUSTRIAL one, registered by the end of P. Properties are
 * counted by distinct certificate_no (two members on one certificate own one property; a certificate's
 * registration is the earliest date any of its rows gives). D1 is the registration of the
 * ({@code max_residential}+1)-th residential certificate in date order, D2 the earliest commercial, office or
 * industrial registration; the condition holds from D = min(D1, D2). OTHER usage never counts. The clue fires even
 * when nothing was paid from month(D) on; amount at risk: the made payments in W (whole amounts) with period at or
 * after month(D).
 */
public final class PropertyOwner implements Rule {

    static final ParameterSpec MAX_RESIDENTIAL = ParameterSpec.integer("A04.max_residential", 1,
            "residential properties the covered members may own together", "保障对象合计可拥有的住宅套数");

    @Override
    public String code() {
        return "A04";
    }

    @Override
    public String name() {
        return "PROPERTY_OWNER";
    }

    @Override
    public String nameZh() {
        return "拥有多套房产";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(MAX_RESIDENTIAL);
    }

    @Override
    public Set<String> uses() {
        return Set.of("properties");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Table t = ctx.facts("properties");
        EnumColumn usage = t.enums("usage");
        IntColumn registered = t.dates("registered_date");
        TextColumn certificate = t.texts("certificate_no");
        DecimalColumn area = t.decimals("area_sqm");
        LongColumn located = t.regions("region_code");
        byte residential = usage.index("RESIDENTIAL");
        byte commercial = usage.index("COMMERCIAL");
        byte office = usage.index("OFFICE");
        byte industrial = usage.index("INDUSTRIAL");
        int maxResidential = Math.max(0, ctx.integer(MAX_RESIDENTIAL));
        int endOfP = ctx.endOfPeriod();
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();

        // the means-tested enrollments in scope with a covered member who has a counting property
        BitSet candidates = new BitSet(en.size());
        for (int r = 0; r < t.size(); r++) {
            byte u = usage.raw(r);
            if (registered.get(r) > endOfP || (u != residential && u != commercial && u != office && u != industrial)) {
                continue;
            }
            int person = t.person(r);
            for (int k = persons.enrollmentsFrom(person); k < persons.enrollmentsTo(person); k++) {
                int e = persons.enrollmentAt(k);
                if (en.program(e).isMeansTested() && ctx.inScope(e)) {
                    candidates.set(e);
                }
            }
        }

        int rows = t.size();
        int[] certs = new int[16];
        int[] dates = new int[16];
        for (int e = candidates.nextSetBit(0); e >= 0; e = candidates.nextSetBit(e + 1)) {
            // residential certificates with their earliest registration; the earliest non-residential property
            int n = 0;
            int d2 = Integer.MAX_VALUE;
            int nonResidential = 0;
            for (int i = en.membersFrom(e); i < en.membersTo(e); i++) {
                int member = en.memberAt(i);
                for (int r = t.from(member); r < rows && t.person(r) == member; r++) {
                    byte u = usage.raw(r);
                    int date = registered.get(r);
                    if (date > endOfP) {
                        continue;
                    }
                    if (u == commercial || u == office || u == industrial) {
                        nonResidential++;
                        d2 = Math.min(d2, date);
                    } else if (u == residential) {
                        int c = certificate.code(r);
                        int at = indexOf(certs, n, c);
                        if (at >= 0) {
                            dates[at] = Math.min(dates[at], date);
                        } else {
                            if (n == certs.length) {
                                certs = Arrays.copyOf(certs, n * 2);
                                dates = Arrays.copyOf(dates, n * 2);
                            }
                            certs[n] = c;
                            dates[n] = date;
                            n++;
                        }
                    }
                }
            }
            int d1 = Integer.MAX_VALUE;
            if (n > maxResidential) {
                int[] sorted = Arrays.copyOf(dates, n);
                Arrays.sort(sorted);
                d1 = sorted[maxResidential];
            }
            int d = Math.min(d1, d2);
            if (d == Integer.MAX_VALUE) {
                continue;
            }
            List<Evidence> properties = new ArrayList<>();
            for (int i = en.membersFrom(e); i < en.membersTo(e); i++) {
                int member = en.memberAt(i);
                for (int r = t.from(member); r < rows && t.person(r) == member; r++) {
                    byte u = usage.raw(r);
                    if (registered.get(r) <= endOfP
                            && (u == residential || u == commercial || u == office || u == industrial)) {
                        properties.add(Evidence.object()
                                .put("id_no", persons.idNo(member))
                                .put("certificate_no", certificate.get(r))
                                .put("usage", usage.code(r))
                                .put("area_sqm", area.get(r))
                                .put("region_code", located.text(r))
                                .date("registered_date", registered.get(r)));
                    }
                }
            }
            int fromMonth = Months.ofDay(d);
            WindowPayments paid = WindowPayments.wholeAmounts(ctx, e, m -> m >= fromMonth);
            StringBuilder what = new StringBuilder("保障对象名下有");
            if (n > 0) {
                what.append("住宅").append(n).append("套");
                if (n > maxResidential) {
                    what.append("（超过").append(maxResidential).append("套）");
                }
            }
            if (nonResidential > 0) {
                what.append(n > 0 ? "、" : "").append("商业/办公/工业用房").append(nonResidential).append("处");
            }
            String explanation = what + "，自" + Days.zh(d) + "起不符合" + en.program(e).labelZh() + "条件；"
                    + paid.totalText(ctx, e, WindowPayments.since(ctx, fromMonth));
            out.clue()
                    .subject(en.id(e))
                    .enrollment(e)
                    .idNo(en.payeeIdNo(e))
                    .periods(paid.first, paid.last)
                    .amountCents(paid.cents)
                    .explanation(explanation)
                    .evidence(Evidence.object()
                            .put("residential", n)
                            .put("non_residential", nonResidential)
                            .date("residential_over_limit_date", d1 == Integer.MAX_VALUE ? Days.NONE : d1)
                            .date("non_residential_date", d2 == Integer.MAX_VALUE ? Days.NONE : d2)
                            .date("condition_from", d)
                            .objects("properties", properties)
                            .put("program", en.program(e).name())
                            .objects("payments", paid.evidence))
                    .add();
        }
    }

    private static int indexOf(int[] values, int n, int value) {
        for (int i = 0; i < n; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
