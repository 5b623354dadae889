package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.CITY;
import static sunshine.checks.CheckFixture.COUNTY;
import static sunshine.checks.CheckFixture.TOWN;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckFixture;
import sunshine.checks.CheckResult;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/** D04 FILING_LEVEL_TOO_LOW on a tiny hand-written folder; P = 2026-10. */
class FilingLevelTooLowTest {

    static final String CADRE = id("37152619700101601");     // VILLAGE level
    static final String TOWNIE = id("37152619710101602");    // TOWN level
    static final String COUNTIAN = id("37152619720101603");  // COUNTY level
    static final String MAYOR = id("37150219730101604");     // CITY level
    static final String WIFE = id("37152619750101605");      // in persons
    static final String OUTSIDER = id("37152619760101606");  // not in persons
    static final String NOT_STAFF = id("37152619770101607");

    @TempDir
    Path dir;

    private CheckResult run() {
        return new CheckFixture()
                .rows("households", "H1," + VILLAGE_1 + "," + WIFE + ",RURAL")
                .rows("persons", WIFE + ",刘秀芳,H1")
                .table("staff", "id_no,name,role,region_code,level,active_from,active_to",
                        CADRE + ",刘国涛,VILLAGE_CADRE," + VILLAGE_1 + ",VILLAGE,2009-01-01,",
                        TOWNIE + ",姜立春,TOWN_OFFICIAL," + TOWN + ",TOWN,2006-07-01,",
                        COUNTIAN + ",邢磊,COUNTY_OFFICIAL," + COUNTY + ",COUNTY,2004-01-01,",
                        MAYOR + ",马市,COUNTY_OFFICIAL," + CITY + ",CITY,2004-01-01,2020-12-31")
                .table("filings", "filing_id,kind,subject_id_no,related_id_no,card_no,filed_date,filed_level",
                        "F01,RELATIVE," + WIFE + "," + CADRE + ",,2023-05-28,TOWN",
                        "F02,RELATIVE," + OUTSIDER + "," + TOWNIE + ",,2022-01-05,TOWN",
                        "F03,RELATIVE," + WIFE + "," + COUNTIAN + ",,2024-07-05,COUNTY",
                        "F04,RELATIVE," + WIFE + "," + COUNTIAN + ",,2024-07-06,TOWN",
                        "F05,RELATIVE," + WIFE + "," + MAYOR + ",,2019-03-01,CITY",
                        // at the right level
                        "F06,RELATIVE," + WIFE + "," + CADRE + ",,2023-06-01,COUNTY",
                        "F07,RELATIVE," + WIFE + "," + TOWNIE + ",,2023-06-01,CITY",
                        "F08,RELATIVE," + WIFE + "," + COUNTIAN + ",,2023-06-01,CITY",
                        // a custody filing is not checked; nor is a related person who is not staff
                        "F09,CUSTODY," + WIFE + "," + CADRE + ",6228000001,2023-06-01,TOWN",
                        "F10,RELATIVE," + WIFE + "," + NOT_STAFF + ",,2023-06-01,TOWN")
                .run(dir, "2026-10", new FilingLevelTooLow());
    }

    @Test
    void firesForFilingsNotAboveTheStaffMembersLevel() {
        List<Clue> clues = run().clues();
        assertThat(clues).extracting(Clue::subject).containsExactly("F01", "F02", "F03", "F04", "F05");

        Clue c = clues.get(0);
        assertThat(c.rule()).isEqualTo("D04");
        assertThat(c.severity()).isEqualTo(Severity.LOW);
        assertThat(c.variant()).isEmpty();
        assertThat(c.enrollmentId()).isNull();
        assertThat(c.householdId()).isEqualTo("H1");
        assertThat(c.idNo()).isEqualTo(WIFE);
        assertThat(c.cardNo()).isNull();
        assertThat(c.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(c.periodFrom()).isNull();
        assertThat(c.periodTo()).isNull();
        assertThat(c.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(c.owed()).isNull();
        assertThat(c.explanation()).isEqualTo("刘*芳是村居干部刘*涛（新华社区，村级）的近亲属，其近亲属备案F01于2023年5月28日"
                + "仅向乡镇级备案，应向县级或市级备案");
        assertThat(c.evidence()).isEqualTo("{\"filing_id\":\"F01\",\"kind\":\"RELATIVE\",\"subject_id_no\":\"" + WIFE
                + "\",\"related_id_no\":\"" + CADRE + "\",\"filed_date\":\"2023-05-28\",\"filed_level\":\"TOWN\","
                + "\"staff_level\":\"VILLAGE\",\"required_levels\":[\"COUNTY\",\"CITY\"],\"staff\":{\"id_no\":\""
                + CADRE + "\",\"role\":\"VILLAGE_CADRE\",\"level\":\"VILLAGE\",\"region_code\":\"" + VILLAGE_1
                + "\",\"active_from\":\"2009-01-01\",\"active_to\":null},"
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12}}");
    }

    @Test
    void aSubjectOutsideTheRegistryTakesTheStaffMembersRegion() {
        Clue c = clue("F02");
        assertThat(c.householdId()).isNull();
        assertThat(c.regionCode()).isEqualTo(TOWN);
        assertThat(c.idNo()).isEqualTo(OUTSIDER);
        assertThat(c.explanation()).startsWith("（身份证号尾号" + OUTSIDER.substring(14) + "）是乡镇干部姜*春（鱼邱湖街道，乡镇级）");
    }

    @Test
    void countyStaffNeedTheCityAndCityStaffHaveNoLevelAbove() {
        assertThat(clue("F03").explanation()).endsWith("仅向县级备案，应向市级备案");
        assertThat(clue("F04").explanation()).endsWith("仅向乡镇级备案，应向市级备案");
        assertThat(clue("F05").explanation()).endsWith("仅向市级备案，本系统无更高备案层级，须报上级民政部门备案");
        assertThat(clue("F05").evidence()).contains("\"required_levels\":[]");
    }

    @Test
    void filingsAtTheRightLevelCustodyFilingsAndNonStaffAreNotChecked() {
        assertThat(run().clues()).extracting(Clue::subject).doesNotContain("F06", "F07", "F08", "F09", "F10");
    }

    private Clue clue(String subject) {
        return run().clues().stream().filter(c -> c.subject().equals(subject)).findFirst().orElseThrow();
    }
}
