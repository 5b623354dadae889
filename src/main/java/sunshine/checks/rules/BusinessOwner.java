package sunshine.checks.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sunshine.checks.ParameterSpec;
import sunshine.checks.Severity;
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
import sunshine.checks.engine.Money;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.Rule;

/**
 * A02 BUSINESS_OWNER 经营企业 (docs/rules-interpretation.md, A02). Subject {@code enrollment_id/id_no}.
 * <p>
 * A covered member of a means-tested enrollment (in scope) is LEGAL_REP, SHAREHOLDER or OWNER of an ACTIVE
 * market entity established by the end of P that is either an ENTERPRISE with registered capital unknown or at
 * least {@code A02.enterprise_capital}, or an INDIVIDUAL business when {@code A02.include_individual}. E is the
 * earliest established date of the member's qualifying entities. The clue fires even when nothing was paid from
 * month(E) on (amount 0); amount at risk: the member's share of the made payments in W with period at or after
 * month(E). period_from/to: the first and last of those periods (empty when there is none).
 */
public final class BusinessOwner implements Rule {

    static final ParameterSpec ENTERPRISE_CAPITAL = ParameterSpec.money("A02.enterprise_capital", "100000.00",
            "an enterprise counts when its registered capital is at least this (yuan) or unknown",
            "企业注册资本达到该金额（元）或不详的计入");
    static final ParameterSpec INCLUDE_INDIVIDUAL = ParameterSpec.bool("A02.include_individual", true,
            "whether individual businesses (个体工商户) count, whatever their capital", "是否计入个体工商户");

    @Override
    public String code() {
        return "A02";
    }

    @Override
    public String name() {
        return "BUSINESS_OWNER";
    }

    @Override
    public String nameZh() {
        return "经营企业";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ENTERPRISE_CAPITAL, INCLUDE_INDIVIDUAL);
    }

    @Override
    public Set<String> uses() {
        return Set.of("businesses");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Table t = ctx.facts("businesses");
        EnumColumn role = t.enums("role");
        EnumColumn type = t.enums("entity_type");
        EnumColumn status = t.enums("status");
        LongColumn capital = t.money("registered_capital");
        IntColumn established = t.dates("established_date");
        TextColumn entity = t.texts("entity_name");
        TextColumn credit = t.texts("credit_code");
        byte legalRep = role.index("LEGAL_REP");
        byte shareholder = role.index("SHAREHOLDER");
        byte owner = role.index("OWNER");
        byte enterprise = type.index("ENTERPRISE");
        byte individual = type.index("INDIVIDUAL");
        byte active = status.index("ACTIVE");
        long minCapital = ctx.moneyCents(ENTERPRISE_CAPITAL);
        boolean includeIndividual = ctx.bool(INCLUDE_INDIVIDUAL);
        int endOfP = ctx.endOfPeriod();
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();

        int r = 0;
        while (r < t.size()) {
            int person = t.person(r);
            int end = FactRows.end(t, r);
            int earliest = Integer.MAX_VALUE;
            int first = -1;
            List<Evidence> entities = null;
            for (int i = r; i < end; i++) {
                byte ro = role.raw(i);
                byte ty = type.raw(i);
                boolean qualifies = (ro == legalRep || ro == shareholder || ro == owner)
                        && status.raw(i) == active
                        && established.get(i) <= endOfP
                        && ((ty == enterprise && (capital.isNull(i) || capital.get(i) >= minCapital))
                        || (ty == individual && includeIndividual));
                if (!qualifies) {
                    continue;
                }
                if (entities == null) {
                    entities = new ArrayList<>();
                }
                if (established.get(i) < earliest) {
                    earliest = established.get(i);
                    first = i;
                }
                entities.add(Evidence.object()
                        .put("entity_name", entity.get(i))
                        .put("credit_code", credit.get(i))
                        .put("role", role.code(i))
                        .put("entity_type", type.code(i))
                        .put("status", status.code(i))
                        .money("registered_capital", capital.get(i))
                        .date("established_date", established.get(i)));
            }
            r = end;
            if (entities == null) {
                continue;
            }
            int fromMonth = Months.ofDay(earliest);
            for (int k = persons.enrollmentsFrom(person); k < persons.enrollmentsTo(person); k++) {
                int e = persons.enrollmentAt(k);
                if (!en.program(e).isMeansTested() || !ctx.inScope(e)) {
                    continue;
                }
                WindowPayments paid = WindowPayments.of(ctx, e, m -> m >= fromMonth);
                String capitalText = capital.isNull(first) ? "注册资本不详"
                        : "注册资本" + Money.formatCents(capital.get(first)) + "元";
                String explanation = ctx.maskedName(person) + "系" + entity.get(first) + "（"
                        + type.type().labelOf(type.code(first))
                        + (type.raw(first) == enterprise ? "，" + capitalText : "") + "，"
                        + Days.zh(earliest) + "成立）" + role.type().labelOf(role.code(first))
                        + (entities.size() > 1 ? "（共" + entities.size() + "个市场主体）" : "")
                        + "，仍享受" + en.program(e).labelZh() + "；"
                        + paid.shareText(ctx, e, WindowPayments.since(ctx, fromMonth));
                paid.addShareClue(ctx, out, e, person, explanation, Evidence.object()
                        .date("established_date", earliest)
                        .objects("entities", entities));
            }
        }
    }
}
