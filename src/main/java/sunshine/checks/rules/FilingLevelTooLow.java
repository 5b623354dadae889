package sunshine.checks.rules;

import java.util.Set;
import sunshine.checks.Severity;
import sunshine.checks.data.Filings;
import sunshine.checks.data.Persons;
import sunshine.checks.data.Staff;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Days;
import sunshine.checks.engine.Evidence;
import sunshine.checks.engine.Ids;
import sunshine.checks.engine.Rule;

/**
 * D04 FILING_LEVEL_TOO_LOW 备案层级不符 (docs/rules-interpretation.md, D04). Subject {@code filing_id}.
 * <p>
 * A RELATIVE filing whose related staff member (looked up in {@code staff} by related_id_no; not found: not checked)
 * was lodged at a level not above the staff member's: VILLAGE and TOWN staff need COUNTY or CITY, COUNTY staff need
 * CITY, and a CITY staff member's filing can never be lodged above (no level above CITY exists in the contract).
 * Amount 0; no period. id_no: the filing's subject; household and region: the subject's household when the subject
 * is a registry person, else the staff member's region (enrollment and household then empty).
 */
public final class FilingLevelTooLow implements Rule {

    @Override
    public String code() {
        return "D04";
    }

    @Override
    public String name() {
        return "FILING_LEVEL_TOO_LOW";
    }

    @Override
    public String nameZh() {
        return "备案层级不符";
    }

    @Override
    public Severity severity() {
        return Severity.LOW;
    }

    @Override
    public Set<String> requires() {
        return Set.of("staff", "filings");
    }

    /** The levels a RELATIVE filing of a staff member at this level must be lodged at (empty: none exists). */
    static Set<String> requiredLevels(String staffLevel) {
        return switch (staffLevel) {
            case "VILLAGE", "TOWN" -> Set.of("COUNTY", "CITY");
            case "COUNTY" -> Set.of("CITY");
            default -> Set.of();
        };
    }

    @Override
    public void run(CheckContext ctx, Clues out) {
        Filings filings = ctx.filings();
        Staff staff = ctx.staff();
        Persons persons = ctx.persons();
        for (int f = 0; f < filings.size(); f++) {
            if (!filings.isRelative(f)) {
                continue;
            }
            int s = staff.indexOf(filings.relatedKey(f));
            if (s < 0) {
                continue;
            }
            String level = staff.level(s);
            String filed = filings.filedLevel(f);
            Set<String> required = requiredLevels(level);
            if (required.contains(filed)) {
                continue;
            }
            long subjectKey = filings.subjectKey(f);
            int subject = persons.indexOf(subjectKey);
            String subjectZh = subject >= 0 ? ctx.maskedName(subject)
                    : "（身份证号尾号" + Ids.idNo(subjectKey).substring(14) + "）";
            String filedZh = StaffFacts.levelZh(filed);
            String need = required.isEmpty() ? "本系统无更高备案层级，须报上级民政部门备案"
                    : "应向" + String.join("或", required.stream().sorted((a, b) -> rank(a) - rank(b))
                            .map(l -> StaffFacts.levelZh(l)).toList()) + "备案";
            String explanation = subjectZh + "是" + StaffFacts.staffWithLevelZh(ctx, s) + "的近亲属，其近亲属备案"
                    + filings.id(f) + "于" + Days.zh(filings.filedDate(f)) + "仅向" + filedZh + "备案，" + need;
            var clue = out.clue()
                    .subject(filings.id(f))
                    .idNo(Ids.idNo(subjectKey))
                    .explanation(explanation)
                    .evidence(Evidence.object()
                            .put("filing_id", filings.id(f))
                            .put("kind", "RELATIVE")
                            .put("subject_id_no", Ids.idNo(subjectKey))
                            .put("related_id_no", staff.idNo(s))
                            .date("filed_date", filings.filedDate(f))
                            .put("filed_level", filed)
                            .put("staff_level", level)
                            .texts("required_levels", required.stream().sorted((a, b) -> rank(a) - rank(b))
                                    .toList())
                            .put("staff", StaffFacts.staff(ctx, s)));
            if (subject >= 0) {
                clue.household(persons.household(subject));
            } else {
                clue.region(staff.region(s));
            }
            clue.add();
        }
    }

    private static int rank(String level) {
        return switch (level) {
            case "VILLAGE" -> 0;
            case "TOWN" -> 1;
            case "COUNTY" -> 2;
            default -> 3;
        };
    }
}
