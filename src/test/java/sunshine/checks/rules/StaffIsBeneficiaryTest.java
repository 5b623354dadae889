package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.OTHER_VILLAGE;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.VILLAGE_2;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckFixture;
import sunshine.checks.CheckResult;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/** D02 STAFF_IS_BENEFICIARY on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class StaffIsBeneficiaryTest {

    static final String CADRE = id("37152619700101301");    // serving village cadre, covered by E1 and E2
    static final String WIFE = id("37152619720101302");
    static final String RETIRED = id("37152619500101303");  // left office 2025-10-31, the day before W
    static final String LEFT = id("37152619510101304");     // left office 2025-11-01, the first day of W
    static final String FUTURE = id("37152619800101305");   // takes office 2026-11-01, after P
    static final String FILED = id("37152619810101306");    // serving, filed as a beneficiary
    static final String FAR = id("37152619820101307");      // serving in another county: still fires
    static final String OLD = id("37152619830101308");      // serving, covered only by an enrollment out of scope
    static final String OUTSIDER = id("37152619840101309"); // staff, not in persons

    @TempDir
    Path dir;

    private CheckResult run() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + CADRE + ",RURAL",
                        "H2," + VILLAGE_2 + "," + RETIRED + ",RURAL",
                        "H3," + VILLAGE_2 + "," + LEFT + ",RURAL",
                        "H4," + VILLAGE_2 + "," + FUTURE + ",RURAL",
                        "H5," + VILLAGE_1 + "," + FILED + ",URBAN",
                        "H6," + OTHER_VILLAGE + "," + FAR + ",URBAN",
                        "H7," + VILLAGE_1 + "," + OLD + ",RURAL")
                .rows("persons", CADRE + ",陈玉淑,H1", WIFE + ",陈妻,H1", RETIRED + ",李退休,H2",
                        LEFT + ",李离任,H3", FUTURE + ",李将任,H4", FILED + ",王备案,H5", FAR + ",赵远方,H6",
                        OLD + ",钱旧事,H7")
                .rows("enrollments",
                        "E1,DIBAO_RURAL,H1," + CADRE + ",ACTIVE,2020-04-09,2020-05,,480.00,50.00",
                        "E2,DISABILITY_CARE,H1," + CADRE + ",ACTIVE,2021-01-01,2021-01,,100.00,",
                        "E3,DIBAO_RURAL,H2," + RETIRED + ",ACTIVE,2020-01-01,2020-01,,240.00,",
                        "E4,DIBAO_RURAL,H3," + LEFT + ",ACTIVE,2020-01-01,2020-01,,240.00,",
                        "E5,DIBAO_RURAL,H4," + FUTURE + ",ACTIVE,2020-01-01,2020-01,,240.00,",
                        "E6,DIBAO_URBAN,H5," + FILED + ",ACTIVE,2020-01-01,2020-01,,240.00,",
                        "E7,TEKUN,H6," + FAR + ",ACTIVE,2020-01-01,2020-01,,900.00,",
                        "E8,DIBAO_RURAL,H7," + OLD + ",TERMINATED,2010-01-01,2010-01,2025-06,240.00,")
                .rows("enrollment_members", "E1," + CADRE, "E1," + WIFE, "E2," + CADRE, "E3," + RETIRED,
                        "E4," + LEFT, "E5," + FUTURE, "E6," + FILED, "E7," + FAR, "E8," + OLD)
                .monthlyPayments("E1", "2026-03", "2026-09", "480.00")
                .monthlyPayments("E3", "2025-11", "2026-10", "240.00")
                .monthlyPayments("E4", "2025-11", "2026-10", "240.00")
                .monthlyPayments("E5", "2025-11", "2026-10", "240.00")
                .monthlyPayments("E6", "2025-11", "2026-10", "240.00")
                .monthlyPayments("E7", "2025-11", "2026-10", "900.00")
                .monthlyPayments("E8", "2025-01", "2025-06", "240.00")
                .table("staff", "id_no,name,role,region_code,level,active_from,active_to",
                        CADRE + ",陈玉淑,VILLAGE_CADRE," + VILLAGE_1 + ",VILLAGE,2016-01-01,",
                        RETIRED + ",李退休,VILLAGE_CADRE," + VILLAGE_2 + ",VILLAGE,1998-01-01,2025-10-31",
                        LEFT + ",李离任,VILLAGE_CADRE," + VILLAGE_2 + ",VILLAGE,1998-01-01,2025-11-01",
                        FUTURE + ",李将任,VILLAGE_CADRE," + VILLAGE_2 + ",VILLAGE,2026-11-01,",
                        FILED + ",王备案,CASEWORKER," + CheckFixture.TOWN + ",TOWN,2015-01-01,",
                        FAR + ",赵远方,CASEWORKER," + CheckFixture.OTHER_TOWN + ",TOWN,,",
                        OLD + ",钱旧事,VILLAGE_CADRE," + VILLAGE_1 + ",VILLAGE,,",
                        OUTSIDER + ",孙外人,COUNTY_OFFICIAL," + CheckFixture.COUNTY + ",COUNTY,,")
                .table("filings", "filing_id,kind,subject_id_no,related_id_no,card_no,filed_date,filed_level",
                        "F1,RELATIVE," + FILED + "," + FILED + ",,2019-12-01,COUNTY",
                        // a custody filing for the cadre's card is no relative filing
                        "F2,CUSTODY," + CADRE + "," + WIFE + ",6228000001,2020-01-01,TOWN")
                .run(dir, "2026-10", new StaffIsBeneficiary());
    }

    @Test
    void firesForServingStaffWhoAreCoveredMembers() {
        List<Clue> clues = run().clues();
        assertThat(clues).extracting(Clue::subject).containsExactly(
                "E1/" + CADRE, "E2/" + CADRE, "E4/" + LEFT, "E7/" + FAR);

        Clue c = clues.get(0);
        assertThat(c.rule()).isEqualTo("D02");
        assertThat(c.severity()).isEqualTo(Severity.HIGH);
        assertThat(c.variant()).isEmpty();
        assertThat(c.enrollmentId()).isEqualTo("E1");
        assertThat(c.householdId()).isEqualTo("H1");
        assertThat(c.idNo()).isEqualTo(CADRE);
        assertThat(c.cardNo()).isNull();
        assertThat(c.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(c.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(c.owed()).isNull();
        assertThat(c.explanation()).isEqualTo("保障对象陈*淑本人是村居干部（新华社区），2025年11月至2026年10月期间在任，"
                + "享受农村低保，未作近亲属备案");
        assertThat(c.evidence()).isEqualTo("{\"staff\":{\"id_no\":\"" + CADRE + "\",\"role\":\"VILLAGE_CADRE\","
                + "\"level\":\"VILLAGE\",\"region_code\":\"" + VILLAGE_1 + "\",\"active_from\":\"2016-01-01\","
                + "\"active_to\":null},\"in_office_during_window\":true,\"window_from\":\"2025-11\","
                + "\"window_to\":\"2026-10\",\"relative_filing\":false,\"program\":\"DIBAO_RURAL\","
                + "\"approved_date\":\"2020-04-09\",\"made_payments_in_window\":{\"count\":7,\"total\":3360.00,"
                + "\"first_period\":\"2026-03\",\"last_period\":\"2026-09\"},"
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12}}");

        // nothing paid in W on E2: the clue is about P
        assertThat(clues.get(1).periodFrom()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(clues.get(1).periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(clues.get(2).explanation()).contains("在任（2025年11月1日离任）");
    }

    @Test
    void staffOutOfOfficeDuringTheWholeWindowDoNotFire() {
        assertThat(run().clues()).extracting(Clue::idNo).doesNotContain(RETIRED, FUTURE);
    }

    @Test
    void aRelativeFilingWithTheMemberAsSubjectClearsIt() {
        assertThat(run().clues()).extracting(Clue::idNo).doesNotContain(FILED);
    }

    @Test
    void enrollmentsOutOfScopeAndCoveredMembersWhoAreNotStaffDoNotFire() {
        assertThat(run().clues()).extracting(Clue::idNo).doesNotContain(OLD, WIFE, OUTSIDER);
    }
}
