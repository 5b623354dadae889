package sunshine.checks.rules;

import sunshine.checks.data.Cards;
import sunshine.checks.data.Staff;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Ids;
import sunshine.checks.engine.Months;

/** Words and evidence shared by the subsidy-card rules (B01-B08): who a person is, a span of months, a card. */
final class CardTexts {

    private CardTexts() {
    }

    /** "2026年3月" or "2025年11月至2026年10月". */
    static String months(int from, int to) {
        return from == to ? Months.zh(from) : Months.zh(from) + "至" + Months.zh(to);
    }

    /** A person by ID as an explanation names them: the masked registry name, else "非登记人员" (not in persons). */
    static String person(CheckContext ctx, long idKey) {
        int p = ctx.persons().indexOf(idKey);
        return p >= 0 ? ctx.maskedName(p) : "非登记人员";
    }

    /** A staff member's name, masked as on a public notice (the staff record has a name even when persons has not). */
    static String staffName(CheckContext ctx, int s) {
        return sunshine.checks.engine.Texts.maskName(ctx.staff().name(s));
    }

    /** "村居干部" ...: a staff member's role as users name it. */
    static String staffRole(String role) {
        if (role == null) {
            return "工作人员";
        }
        return switch (role) {
            case "CASEWORKER" -> "经办人员";
            case "VILLAGE_CADRE" -> "村居干部";
            case "TOWN_OFFICIAL" -> "乡镇干部";
            case "COUNTY_OFFICIAL" -> "县级干部";
            default -> "工作人员";
        };
    }

    /** A registered card as evidence: number, bank, holder, opened date, status, purpose, custodian. */
    static Evidence card(CheckContext ctx, int c) {
        Cards cards = ctx.cards();
        Evidence e = Evidence.object().put("card_no", cards.number(c));
        if (!cards.isRegistered(c)) {
            return e.put("registered", false);
        }
        long custodian = cards.custodianKey(c);
        return e.put("bank", cards.bank(c))
                .put("holder_id_no", cards.holderIdNo(c))
                .date("opened_date", cards.openedDate(c))
                .put("status", cards.isActive(c) ? "ACTIVE" : "CLOSED")
                .put("purpose", cards.isSubsidy(c) ? "SUBSIDY" : "OTHER")
                .put("custodian_id_no", custodian == Ids.NONE ? null : Ids.idNo(custodian));
    }

    /** A staff member as evidence: ID, role, level, region, in office. */
    static Evidence staff(CheckContext ctx, int s) {
        Staff staff = ctx.staff();
        return Evidence.object()
                .put("id_no", staff.idNo(s))
                .put("role", staff.role(s))
                .put("level", staff.level(s))
                .put("region_code", sunshine.checks.engine.RegionCodes.text(staff.region(s)))
                .date("active_from", staff.activeFrom(s))
                .date("active_to", staff.activeTo(s));
    }
}
