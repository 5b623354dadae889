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
 * A03 VEHICLE_OWNER 拥有车辆 (docs/rules-interpretation.md, A03). Subject {@code enrollment_id/id_no}.
 * <p>
 * A covered member of a means-tested enrollment (in scope) has an ACTIVE vehicle registered by the end of P whose
 * type is not in {@code A03.exempt_types} and whose purchase price is unknown or at least {@code A03.vehicle_price}.
 * R is the earliest registration date of the member's qualifying vehicles; the clue fires even when nothing was
 * paid from month(R) on (amount 0). Amount at risk: the member's share of the made payments in W with period at or
 * after month(R).
 */
public final class VehicleOwner implements Rule {

    static final ParameterSpec EXEMPT_TYPES = ParameterSpec.codes("A03.exempt_types", "vehicle_type",
            "MOTORCYCLE,TRICYCLE,LOW_SPEED,AGRICULTURAL,MOBILITY",
            "vehicle types that never count (motorcycles, farm and mobility vehicles ...)",
            "不计入的车辆类型（摩托车、三轮汽车、低速货车、农用车、残疾人专用车等）");
    static final ParameterSpec VEHICLE_PRICE = ParameterSpec.money("A03.vehicle_price", "50000.00",
            "a vehicle counts when its purchase price is at least this (yuan) or unknown",
            "购置价格达到该金额（元）或不详的车辆计入");

    @Override
    public String code() {
        return "A03";
    }

    @Override
    public String name() {
        return "VEHICLE_OWNER";
    }

    @Override
    public String nameZh() {
        return "拥有车辆";
    }

    @Override
    public Severity severity() {
        return Severity.MEDIUM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(EXEMPT_TYPES, VEHICLE_PRICE);
    }

    @Override
    public Set<String> uses() {
        return Set.of("vehicles");
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Table t = ctx.facts("vehicles");
        EnumColumn type = t.enums("vehicle_type");
        EnumColumn status = t.enums("status");
        EnumColumn usage = t.enums("usage");
        LongColumn price = t.money("purchase_price");
        IntColumn registered = t.dates("registered_date");
        TextColumn plate = t.texts("plate_no");
        boolean[] exempt = new boolean[type.type().values().size()];
        for (String code : ctx.codes(EXEMPT_TYPES)) {
            exempt[type.index(code)] = true;
        }
        byte active = status.index("ACTIVE");
        long minPrice = ctx.moneyCents(VEHICLE_PRICE);
        int endOfP = ctx.endOfPeriod();
        Persons persons = ctx.persons();
        Enrollments en = ctx.enrollments();

        int r = 0;
        while (r < t.size()) {
            int person = t.person(r);
            int end = FactRows.end(t, r);
            int earliest = Integer.MAX_VALUE;
            int first = -1;
            List<Evidence> vehicles = null;
            for (int i = r; i < end; i++) {
                boolean qualifies = status.raw(i) == active
                        && registered.get(i) <= endOfP
                        && !exempt[type.raw(i)]
                        && (price.isNull(i) || price.get(i) >= minPrice);
                if (!qualifies) {
                    continue;
                }
                if (vehicles == null) {
                    vehicles = new ArrayList<>();
                }
                if (registered.get(i) < earliest) {
                    earliest = registered.get(i);
                    first = i;
                }
                vehicles.add(Evidence.object()
                        .put("plate_no", plate.get(i))
                        .put("vehicle_type", type.code(i))
                        .put("usage", usage.code(i))
                        .date("registered_date", registered.get(i))
                        .money("purchase_price", price.get(i))
                        .put("status", status.code(i)));
            }
            r = end;
            if (vehicles == null) {
                continue;
            }
            int fromMonth = Months.ofDay(earliest);
            for (int k = persons.enrollmentsFrom(person); k < persons.enrollmentsTo(person); k++) {
                int e = persons.enrollmentAt(k);
                if (!en.program(e).isMeansTested() || !ctx.inScope(e)) {
                    continue;
                }
                WindowPayments paid = WindowPayments.of(ctx, e, m -> m >= fromMonth);
                String priceText = price.isNull(first) ? "购置价格不详"
                        : "购置价格" + Money.formatCents(price.get(first)) + "元";
                String explanation = ctx.maskedName(person) + "名下有" + type.type().labelOf(type.code(first))
                        + plate.get(first) + "（" + Days.zh(earliest) + "登记，" + priceText + "）"
                        + (vehicles.size() > 1 ? "等" + vehicles.size() + "辆车" : "")
                        + "，仍享受" + en.program(e).labelZh() + "；"
                        + paid.shareText(ctx, e, WindowPayments.since(ctx, fromMonth));
                paid.addShareClue(ctx, out, e, person, explanation, Evidence.object()
                        .date("registered_date", earliest)
                        .objects("vehicles", vehicles));
            }
        }
    }
}
