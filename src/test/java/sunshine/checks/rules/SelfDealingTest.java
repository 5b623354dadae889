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

/** D03 SELF_DEALING on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class SelfDealingTest {

    // staff
    static final String APPROVER = id("37152619700101401");   // county official; her brother BROTHER is covered by E1
    static final String WORKER = id("37152619710101402");     // town caseworker, covered by E2 (investigated it)
    static final String CLEAN = id("37152619720101403");      // county official whose relatives receive nothing here
    static final String OTHER = id("37152619730101404");      // county official, relative of E8's member
    // beneficiaries
    static final String BROTHER = id("37152619600101501");
    static final String BROTHER_WIFE = id("37152619620101502");
    static final String WORKER_SON = id("37152620000101503");
    static final String NOT_STAFF = id("37152619650101504");  // approved her own enrollment E3, not staff
    static final String H4 = id("37152619550101505");         // covered by E4: approver's spouse and investigator
    static final String H5 = id("37152619560101506");
    static final String H7 = id("37152619570101507");
    static final String H8 = id("37152619580101508");
    static final String H9 = id("37152619590101509");
    static final String NOBODY = id("37152619400101510");     // approves E6, neither member nor staff

    @TempDir
    Path dir;

    private CheckResult run() {
        return new CheckFixture()
                .table("enrollments", "enrollment_id,program,household_id,payee_id_no,status,approved_date,"
                        + "start_month,end_month,monthly_amount,per_capita_income,approver_id_no,investigator_id_no",
                        "E1,DIBAO_RURAL,H1," + BROTHER + ",ACTIVE,2025-01-02,2025-01,,500.00,," + APPROVER + ",",
                        "E2,DIBAO_URBAN,H2," + WORKER + ",ACTIVE,2018-01-30,2018-02,,360.00,," + CLEAN + ","
                                + WORKER,
                        "E3,TEKUN,H3," + NOT_STAFF + ",ACTIVE,2019-01-01,2019-01,,900.00,," + NOT_STAFF + ",",
                        "E4,TEKUN,H4," + H4 + ",ACTIVE,2019-01-01,2019-01,,900.00,," + APPROVER + "," + H4,
                        // CLEAN approves, none of his relatives is covered
                        "E5,TEKUN,H5," + H5 + ",ACTIVE,2019-01-01,2019-01,,900.00,," + CLEAN + "," + CLEAN,
                        "E6,TEKUN,H5," + H5 + ",SUSPENDED,2019-01-01,2019-01,,900.00,," + NOBODY + ",",
                        // APPROVER's relative, but ended long ago and paid nothing in W
                        "E7,TEKUN,H7," + H7 + ",TERMINATED,2010-01-01,2010-01,2024-12,900.00,," + APPROVER + ",",
                        // OTHER's relative is covered, but OTHER neither approved nor investigated
                        "E8,TEKUN,H8," + H8 + ",ACTIVE,2019-01-01,2019-01,,900.00,," + CLEAN + ",",
                        // ACTIVE, nothing paid in W: amount 0, the clue is about P
                        "E9,ORPHAN,H9," + H9 + ",ACTIVE,2026-09-20,2026-10,,1200.00,," + APPROVER + ",")
                .rows("households",
                        "H1," + VILLAGE_1 + "," + BROTHER + ",RURAL",
                        "H2," + VILLAGE_2 + "," + WORKER + ",URBAN",
                        "H3," + VILLAGE_1 + "," + NOT_STAFF + ",RURAL",
                        "H4," + VILLAGE_1 + "," + H4 + ",RURAL",
                        "H5," + VILLAGE_1 + "," + H5 + ",RURAL",
                        "H7," + VILLAGE_1 + "," + H7 + ",RURAL",
                        "H8," + VILLAGE_1 + "," + H8 + ",RURAL",
                        "H9," + VILLAGE_1 + "," + H9 + ",RURAL")
                .rows("persons", BROTHER + ",陈大桂,H1", BROTHER_WIFE + ",陈嫂,H1", WORKER + ",崔树林,H2",
                        WORKER_SON + ",崔小林,H2", NOT_STAFF + ",孙自批,H3", H4 + ",周两冲,H4", H5 + ",吴清白,H5",
                        H7 + ",郑旧案,H7", H8 + ",冯旁人,H8", H9 + ",钱孤儿,H9")
                .rows("enrollment_members", "E1," + BROTHER, "E1," + BROTHER_WIFE, "E2," + WORKER,
                        "E2," + WORKER_SON, "E3," + NOT_STAFF, "E4," + H4, "E5," + H5, "E6," + H5, "E7," + H7,
                        "E8," + H8, "E9," + H9)
                .monthlyPayments("E1", "2025-09", "2026-10", "500.00")
                .monthlyPayments("E2", "2025-11", "2026-10", "360.00")
                .monthlyPayments("E3", "2026-10", "2026-10", "900.00")
                .monthlyPayments("E4", "2026-09", "2026-10", "900.00")
                .monthlyPayments("E5", "2025-11", "2026-10", "900.00")
                .monthlyPayments("E6", "2025-11", "2026-01", "900.00")
                .monthlyPayments("E7", "2024-01", "2024-12", "900.00")
                .monthlyPayments("E8", "2025-11", "2026-10", "900.00")
                // E1's 2026-02 payment failed and never succeeded: not made, not at risk
                .rows("bank_receipts", "E1-2026-02,6228000001,500.00,FAILED,2026-02-06")
                .table("staff", "id_no,name,role,region_code,level,active_from,active_to",
                        APPROVER + ",杨秀翠,COUNTY_OFFICIAL," + COUNTY + ",COUNTY,2005-01-01,",
                        WORKER + ",崔树林,CASEWORKER," + TOWN + ",TOWN,2015-01-01,",
                        CLEAN + ",王清,COUNTY_OFFICIAL," + COUNTY + ",COUNTY,2005-01-01,",
                        OTHER + ",冯他,COUNTY_OFFICIAL," + COUNTY + ",COUNTY,2005-01-01,")
                .table("staff_relatives", "staff_id_no,relative_id_no,relation",
                        APPROVER + "," + BROTHER + ",SIBLING",
                        APPROVER + "," + H4 + ",SPOUSE",
                        APPROVER + "," + H7 + ",CHILD",
                        APPROVER + "," + H9 + ",GRANDCHILD",
                        CLEAN + "," + NOBODY + ",PARENT",
                        OTHER + "," + H8 + ",PARENT")
                .run(dir, "2026-10", new SelfDealing());
    }

    @Test
    void firesWhenTheApproverOrInvestigatorIsAMemberOrAStaffRelativeOfOne() {
        List<Clue> clues = run().clues();
        assertThat(clues).extracting(Clue::subject).containsExactly("E1", "E2", "E3", "E4", "E9");

        Clue c = clues.get(0);
        assertThat(c.rule()).isEqualTo("D03");
        assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(c.variant()).isEmpty();
        assertThat(c.enrollmentId()).isEqualTo("E1");
        assertThat(c.householdId()).isEqualTo("H1");
        assertThat(c.idNo()).as("the payee").isEqualTo(BROTHER);
        assertThat(c.cardNo()).isNull();
        assertThat(c.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        // 12 periods in W minus the failed 2026-02: 11 x 500.00, whole amounts (not shares)
        assertThat(c.amountAtRisk()).isEqualByComparingTo("5500.00");
        assertThat(c.amountAtRisk().scale()).isEqualTo(2);
        assertThat(c.owed()).isNull();
        assertThat(c.explanation()).isEqualTo("保障对象陈*桂是审批人县级干部杨*翠（高唐县）的兄弟姐妹，审批调查存在利益冲突，"
                + "2025年11月至2026年10月共发放低保金5,500.00元");
        assertThat(c.evidence()).isEqualTo("{\"conflicts\":[{\"role\":\"APPROVER\",\"id_no\":\"" + APPROVER + "\","
                + "\"is_staff\":true,\"conflict\":\"RELATIVE_OF_COVERED_MEMBER\",\"relative_id_no\":\"" + BROTHER
                + "\",\"relation\":\"SIBLING\",\"staff\":{\"id_no\":\"" + APPROVER + "\",\"role\":\"COUNTY_OFFICIAL\","
                + "\"level\":\"COUNTY\",\"region_code\":\"" + COUNTY + "\",\"active_from\":\"2005-01-01\","
                + "\"active_to\":null}}],\"program\":\"DIBAO_RURAL\",\"approved_date\":\"2025-01-02\","
                + "\"approver_id_no\":\"" + APPROVER + "\",\"investigator_id_no\":null,"
                + "\"made_payments_in_window\":{\"count\":11,\"total\":5500.00,\"first_period\":\"2025-11\","
                + "\"last_period\":\"2026-10\"},\"parameters\":{\"period\":\"2026-10\",\"lookback\":12}}");
    }

    @Test
    void theInvestigatorIsACoveredMember() {
        Clue c = clue("E2");
        assertThat(c.idNo()).isEqualTo(WORKER);
        assertThat(c.amountAtRisk()).isEqualByComparingTo("4320.00");
        assertThat(c.explanation()).startsWith("调查人经办人员崔*林（鱼邱湖街道）本人是该待遇的保障对象，");
        assertThat(c.evidence()).contains("\"role\":\"INVESTIGATOR\",\"id_no\":\"" + WORKER + "\",\"is_staff\":true,"
                + "\"conflict\":\"COVERED_MEMBER\"");
    }

    @Test
    void aCoveredMemberWhoApprovedNeedNotBeStaff() {
        Clue c = clue("E3");
        assertThat(c.amountAtRisk()).isEqualByComparingTo("900.00");
        assertThat(c.explanation()).startsWith("审批人孙*批本人是该待遇的保障对象，");
        assertThat(c.evidence()).contains("\"is_staff\":false,\"conflict\":\"COVERED_MEMBER\"");
    }

    @Test
    void severalConflictsMakeOneClue() {
        Clue c = clue("E4");
        assertThat(c.amountAtRisk()).isEqualByComparingTo("1800.00");
        assertThat(c.explanation()).isEqualTo("保障对象周*冲是审批人县级干部杨*翠（高唐县）的配偶；"
                + "调查人周*冲本人是该待遇的保障对象，审批调查存在利益冲突，"
                + "2026年9月至2026年10月共发放特困供养金1,800.00元");
        assertThat(c.evidence()).contains("\"role\":\"APPROVER\"").contains("\"role\":\"INVESTIGATOR\"");
    }

    @Test
    void nothingPaidInTheWindowIsZeroAtRiskForPeriodP() {
        Clue c = clue("E9");
        assertThat(c.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.explanation()).endsWith("2025年11月至2026年10月未发放");
    }

    @Test
    void noConflictOutOfScopeOrWithAnotherStaffMemberDoesNotFire() {
        assertThat(run().clues()).extracting(Clue::enrollmentId).doesNotContain("E5", "E6", "E7", "E8");
    }

    private Clue clue(String subject) {
        return run().clues().stream().filter(c -> c.subject().equals(subject)).findFirst().orElseThrow();
    }
}
