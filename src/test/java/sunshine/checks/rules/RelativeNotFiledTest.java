package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.COUNTY;
import static sunshine.checks.CheckFixture.TOWN;
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

/** D01 RELATIVE_NOT_FILED on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class RelativeNotFiledTest {

    /** Another town of the county and its village: a village cadre there covers nothing in town 100. */
    static final String TOWN_101 = "371526101000";
    static final String VILLAGE_101 = "371526101001";

    // staff
    static final String CADRE = id("37152619700101101");      // village cadre of VILLAGE_1 since 2005
    static final String OFFICIAL = id("37152619710202102");   // town official of TOWN since 2006
    static final String FAR = id("37152619720303103");        // village cadre of VILLAGE_101
    static final String GONE = id("37152619730404104");       // village cadre of VILLAGE_1, 2002..2015-12-31
    static final String LATE = id("37152619740505105");       // village cadre of VILLAGE_1 from 2020
    // beneficiaries
    static final String HEAD1 = id("37152619500101201");
    static final String MOTHER = id("37152619450101202");
    static final String FATHER = id("37152619440101203");
    static final String SISTER = id("37152619750101204");
    static final String COUSIN = id("37152619760101205");
    static final String NEPHEW = id("37152619900101206");
    static final String AUNT = id("37152619480101207");
    static final String UNCLE = id("37152619470101208");
    static final String OLD = id("37152619400101209");
    static final String STRANGER = id("11010519491231002");

    @TempDir
    Path dir;

    private CheckResult run() {
        return new CheckFixture()
                .rows("regions", TOWN_101 + ",清平镇,TOWN," + COUNTY + ",30000",
                        VILLAGE_101 + ",清平村,VILLAGE," + TOWN_101 + ",1000")
                .rows("households",
                        "H1," + VILLAGE_1 + "," + HEAD1 + ",RURAL",
                        "H2," + VILLAGE_2 + "," + SISTER + ",URBAN",
                        "H3," + VILLAGE_1 + "," + COUSIN + ",RURAL",
                        "H4," + VILLAGE_1 + "," + NEPHEW + ",RURAL",
                        "H5," + VILLAGE_1 + "," + AUNT + ",RURAL",
                        "H6," + VILLAGE_1 + "," + UNCLE + ",RURAL",
                        "H7," + VILLAGE_1 + "," + OLD + ",RURAL")
                .rows("persons", HEAD1 + ",吴大贵,H1", MOTHER + ",吴母亲,H1", FATHER + ",吴父亲,H1",
                        SISTER + ",范玲,H2", COUSIN + ",高表哥,H3", NEPHEW + ",高侄儿,H4", AUNT + ",高姨妈,H5",
                        UNCLE + ",高舅舅,H6", OLD + ",高老人,H7")
                .rows("enrollments",
                        "E1,DIBAO_RURAL,H1," + HEAD1 + ",ACTIVE,2023-01-12,2023-02,,720.00,100.00",
                        // ACTIVE at P, nothing paid in W: in scope, the clue is about P
                        "E2,DIBAO_URBAN,H2," + SISTER + ",ACTIVE,2017-11-15,2017-12,,540.00,",
                        "E3,DIBAO_RURAL,H3," + COUSIN + ",ACTIVE,2022-03-01,2022-03,,360.00,",
                        "E4,DIBAO_RURAL,H4," + NEPHEW + ",ACTIVE,2021-06-01,2021-07,,360.00,",
                        // approved the day GONE left office (in office that day) and after (not)
                        "E5,TEKUN,H5," + AUNT + ",ACTIVE,2015-12-31,2016-01,,900.00,",
                        "E6,TEKUN,H6," + UNCLE + ",ACTIVE,2016-01-01,2016-01,,900.00,",
                        // ended long ago, nothing paid in W: not in scope
                        "E7,DIBAO_RURAL,H7," + OLD + ",TERMINATED,2010-01-01,2010-02,2024-12,300.00,")
                .rows("enrollment_members", "E1," + HEAD1, "E1," + MOTHER, "E1," + FATHER, "E2," + SISTER,
                        "E3," + COUSIN, "E4," + NEPHEW, "E5," + AUNT, "E6," + UNCLE, "E7," + OLD)
                .monthlyPayments("E1", "2025-09", "2026-10", "240.00")
                .monthlyPayments("E3", "2026-01", "2026-10", "360.00")
                .monthlyPayments("E4", "2026-01", "2026-10", "360.00")
                .monthlyPayments("E5", "2026-01", "2026-10", "900.00")
                .monthlyPayments("E6", "2026-01", "2026-10", "900.00")
                .monthlyPayments("E7", "2024-01", "2024-12", "300.00")
                .table("staff", "id_no,name,role,region_code,level,active_from,active_to",
                        CADRE + ",高涛,VILLAGE_CADRE," + VILLAGE_1 + ",VILLAGE,2005-03-01,",
                        OFFICIAL + ",姜立春,TOWN_OFFICIAL," + TOWN + ",TOWN,2006-07-01,",
                        FAR + ",孙远,VILLAGE_CADRE," + VILLAGE_101 + ",VILLAGE,2001-01-01,",
                        GONE + ",钱旧,VILLAGE_CADRE," + VILLAGE_1 + ",VILLAGE,2002-01-01,2015-12-31",
                        LATE + ",赵新,VILLAGE_CADRE," + VILLAGE_1 + ",VILLAGE,2020-01-01,")
                .table("staff_relatives", "staff_id_no,relative_id_no,relation",
                        CADRE + "," + FATHER + ",PARENT",
                        CADRE + "," + MOTHER + ",PARENT",
                        CADRE + "," + COUSIN + ",SIBLING",
                        CADRE + "," + NEPHEW + ",CHILD",
                        CADRE + "," + SISTER + ",SIBLING",
                        CADRE + "," + OLD + ",GRANDPARENT",
                        CADRE + "," + STRANGER + ",SPOUSE",
                        OFFICIAL + "," + SISTER + ",SIBLING",
                        FAR + "," + HEAD1 + ",SIBLING",
                        GONE + "," + AUNT + ",CHILD",
                        GONE + "," + UNCLE + ",CHILD",
                        LATE + "," + UNCLE + ",SPOUSE")
                .table("filings", "filing_id,kind,subject_id_no,related_id_no,card_no,filed_date,filed_level",
                        // COUSIN's relationship to CADRE is filed
                        "F1,RELATIVE," + COUSIN + "," + CADRE + ",,2022-02-01,COUNTY",
                        // NEPHEW's filing names another staff member: it does not cover CADRE
                        "F2,RELATIVE," + NEPHEW + "," + OFFICIAL + ",,2021-05-01,COUNTY",
                        // a CUSTODY filing is not a RELATIVE filing
                        "F3,CUSTODY," + MOTHER + "," + CADRE + ",6228000001,2023-01-01,TOWN")
                .run(dir, "2026-10", new RelativeNotFiled());
    }

    @Test
    void firesForUnfiledRelativesOfCoveringStaffInOfficeOnTheApprovalDate() {
        List<Clue> clues = run().clues();
        assertThat(clues).extracting(Clue::subject).containsExactly(
                "E1/" + CADRE, "E2/" + OFFICIAL, "E4/" + CADRE, "E5/" + GONE);

        Clue c = clues.get(0);
        assertThat(c.rule()).isEqualTo("D01");
        assertThat(c.severity()).isEqualTo(Severity.HIGH);
        assertThat(c.variant()).isEmpty();
        assertThat(c.enrollmentId()).isEqualTo("E1");
        assertThat(c.householdId()).isEqualTo("H1");
        // two of CADRE's relatives are covered: one clue, id_no the first in member order
        assertThat(c.idNo()).isEqualTo(MOTHER);
        assertThat(c.cardNo()).isNull();
        assertThat(c.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(c.amountAtRisk().scale()).isEqualTo(2);
        assertThat(c.owed()).isNull();
        assertThat(c.explanation()).isEqualTo("保障对象吴*亲（父母）、吴*亲（父母）是村居干部高*（新华社区）的近亲属，"
                + "该工作人员管辖该户且在待遇审批日2023年1月12日在任，享受农村低保未按规定备案");
        assertThat(c.evidence()).isEqualTo("{\"staff\":{\"id_no\":\"" + CADRE + "\",\"role\":\"VILLAGE_CADRE\","
                + "\"level\":\"VILLAGE\",\"region_code\":\"" + VILLAGE_1 + "\",\"active_from\":\"2005-03-01\","
                + "\"active_to\":null},\"relatives\":[{\"id_no\":\"" + MOTHER + "\",\"relation\":\"PARENT\","
                + "\"relative_filing\":false},{\"id_no\":\"" + FATHER + "\",\"relation\":\"PARENT\","
                + "\"relative_filing\":false}],\"program\":\"DIBAO_RURAL\",\"approved_date\":\"2023-01-12\","
                + "\"household_region\":\"" + VILLAGE_1 + "\",\"staff_covers_household\":true,"
                + "\"in_office_on_approved_date\":true,\"made_payments_in_window\":{\"count\":12,\"total\":2880.00,"
                + "\"first_period\":\"2025-11\",\"last_period\":\"2026-10\"},"
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12}}");
    }

    @Test
    void aTownOfficialCoversTheVillagesOfTheTown() {
        Clue c = clue("E2/" + OFFICIAL);
        assertThat(c.idNo()).isEqualTo(SISTER);
        assertThat(c.regionCode()).isEqualTo(VILLAGE_2);
        // nothing paid in W: the enrollment is in scope by being ACTIVE at P, the clue is about P
        assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.explanation()).startsWith("保障对象范*（兄弟姐妹）是乡镇干部姜*春（鱼邱湖街道）的近亲属");
    }

    @Test
    void aVillageCadreDoesNotCoverAnotherVillageNorAnotherTown() {
        assertThat(run().clues()).extracting(Clue::subject).doesNotContain("E2/" + CADRE, "E1/" + FAR);
    }

    @Test
    void aFilingForThisMemberAndThisStaffMemberClearsIt() {
        assertThat(run().clues()).extracting(Clue::enrollmentId).doesNotContain("E3");
        // F2 names NEPHEW and OFFICIAL, not CADRE; F3 is a CUSTODY filing
        assertThat(clue("E4/" + CADRE).idNo()).isEqualTo(NEPHEW);
        assertThat(clue("E1/" + CADRE).idNo()).isEqualTo(MOTHER);
    }

    @Test
    void theStaffMemberMustBeInOfficeOnTheApprovalDate() {
        // E5 approved on GONE's last day; E6 the day after; LATE joined years after E6's approval
        assertThat(clue("E5/" + GONE).idNo()).isEqualTo(AUNT);
        assertThat(run().clues()).extracting(Clue::subject).doesNotContain("E6/" + GONE, "E6/" + LATE);
    }

    @Test
    void enrollmentsOutOfScopeAndRelativesOutsideTheRegistryDoNotFire() {
        assertThat(run().clues()).extracting(Clue::enrollmentId).doesNotContain("E7");
        assertThat(run().clues()).extracting(Clue::idNo).doesNotContain(STRANGER, OLD);
    }

    private Clue clue(String subject) {
        return run().clues().stream().filter(c -> c.subject().equals(subject)).findFirst().orElseThrow();
    }
}
