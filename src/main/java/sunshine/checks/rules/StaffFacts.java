package sunshine.checks.rules;

import sunshine.checks.data.Payments;
import sunshine.checks.data.Staff;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.ClueBuilder;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.RegionCodes;
import sunshine.checks.engine.Texts;

/**
 * What the staff-integrity rules (D01-D04) say about a staff member and an enrollment, written once: the staff
 * member as evidence and as a caseworker reads it, relations and levels in Chinese, and the periods and money of an
 * enrollment's made payments in W (the months a D clue is about).
 */
final class StaffFacts {

    private StaffFacts() {
    }

    /** The staff member's row as evidence: id_no, role, level, region_code, active_from, active_to. */
    static Evidence staff(CheckContext ctx, int s) {
        Staff staff = ctx.staff();
        return Evidence.object()
                .put("id_no", staff.idNo(s))
                .put("role", staff.role(s))
                .put("level", staff.level(s))
                .put("region_code", RegionCodes.text(staff.region(s)))
                .date("active_from", staff.activeFrom(s))
                .date("active_to", staff.activeTo(s));
    }

    /** "村居干部李*四（东关村）": role, masked name and where the staff member works. */
    static String staffZh(CheckContext ctx, int s) {
        return roleZh(ctx, s) + Texts.maskName(ctx.staff().name(s)) + "（" + regionZh(ctx, s) + "）";
    }

    /** "村居干部李*四（东关村，村级）": as {@link #staffZh} with the staff member's level. */
    static String staffWithLevelZh(CheckContext ctx, int s) {
        return roleZh(ctx, s) + Texts.maskName(ctx.staff().name(s)) + "（" + regionZh(ctx, s) + "，"
                + levelZh(ctx.staff().level(s)) + "）";
    }

    private static String regionZh(CheckContext ctx, int s) {
        long code = ctx.staff().region(s);
        String region = ctx.regions().nameOf(code);
        return region != null ? region : RegionCodes.text(code);
    }

    /** "村居干部": the staff member's role in Chinese. */
    static String roleZh(CheckContext ctx, int s) {
        return ctx.staff().table().enums("role").type().labelOf(ctx.staff().role(s));
    }

    /** "村级": a staff level or a filing level (VILLAGE, TOWN, COUNTY, CITY) in Chinese. */
    static String levelZh(String level) {
        return switch (level) {
            case "VILLAGE" -> "村级";
            case "TOWN" -> "乡镇级";
            case "COUNTY" -> "县级";
            case "CITY" -> "市级";
            default -> level;
        };
    }

    /** "村居干部（东关村）": the post, without the name (when the staff member is the person the clue names). */
    static String postZh(CheckContext ctx, int s) {
        return roleZh(ctx, s) + "（" + regionZh(ctx, s) + "）";
    }

    /** "父母": the relation of a staff_relatives row in Chinese. */
    static String relationZh(CheckContext ctx, int relativeRow) {
        return ctx.staff().relativesTable().enums("relation").type().labelOf(ctx.staff().relation(relativeRow));
    }

    /**
     * The enrollment's made payments in W: their number, total (cents) and first and last period. The months a D
     * clue is about are those periods; when there are none, P alone (the enrollment is then in scope by being ACTIVE
     * at P).
     */
    record Window(int count, long totalCents, int first, int last) {

        static Window of(CheckContext ctx, int e) {
            Payments pay = ctx.payments();
            int[] made = ctx.madePaymentsInWindow(e);
            long total = 0;
            for (int p : made) {
                total += pay.amount(p);
            }
            return made.length == 0 ? new Window(0, 0, Months.NONE, Months.NONE)
                    : new Window(made.length, total, pay.period(made[0]), pay.period(made[made.length - 1]));
        }

        /** Sets period_from/to: the first and last period paid in W, else P. */
        ClueBuilder periods(CheckContext ctx, ClueBuilder clue) {
            return count == 0 ? clue.periods(ctx.period(), ctx.period()) : clue.periods(first, last);
        }

        Evidence evidence() {
            return Evidence.object()
                    .put("count", count)
                    .money("total", totalCents)
                    .month("first_period", first)
                    .month("last_period", last);
        }
    }
}
