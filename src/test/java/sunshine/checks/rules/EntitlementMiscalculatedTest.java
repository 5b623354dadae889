package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.COUNTY;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.VILLAGE_2;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckEngine;
import sunshine.checks.CheckFixture;
import sunshine.checks.CheckParameters;
import sunshine.checks.CheckResult;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/** C02 ENTITLEMENT_MISCALCULATED on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class EntitlementMiscalculatedTest {

    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");
    static final String WANG = id("37152619400404004");
    static final String ZHAO = id("37152619600505005");
    static final String SUN = id("37152620150606006");
    static final String QIAN = id("37152619700707007");
    static final String ZHOU = id("37152619710808008");
    static final String WU = id("37152619720909009");
    static final String ZHENG = id("37152619731010010");

    @TempDir
    Path dir;

    private CheckFixture fixture() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",URBAN",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL",
                        "H4," + VILLAGE_1 + "," + SUN + ",URBAN",
                        "H5," + VILLAGE_1 + "," + QIAN + ",URBAN",
                        "H6," + VILLAGE_2 + "," + ZHOU + ",RURAL",
                        "H7," + VILLAGE_1 + "," + WU + ",URBAN",
                        "H8," + VILLAGE_2 + "," + ZHENG + ",RURAL")
                .rows("persons", ZHANG + ",张三丰,H1", LI + ",李秀英,H1", WANG + ",王建国,H2", ZHAO + ",赵六,H3",
                        SUN + ",孙小妹,H4", QIAN + ",钱多多,H5", ZHOU + ",周七,H6", WU + ",吴八,H7",
                        ZHENG + ",郑九,H8")
                .rows("enrollments",
                        // re-approved 2026-03-10; (standard - 300) x 2: 1000.00 until 2026-06, 1200.00 from 2026-07
                        "E1,DIBAO_URBAN,H1," + ZHANG + ",ACTIVE,2026-03-10,2024-01,,1300.00,300.00",
                        // 0.50 above the standard: under the tolerance
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2020-03-01,2020-03,,1000.50,",
                        // exactly the tolerance below the standard
                        "E3,TEKUN,H3," + ZHAO + ",ACTIVE,2026-08-01,2026-08,,999.00,",
                        // as the standard
                        "E4,ORPHAN,H4," + SUN + ",ACTIVE,2025-01-01,2025-01,,1500.00,",
                        // no standard for the care subsidy: unknown, nothing to compare with
                        "E5,DISABILITY_CARE,H5," + QIAN + ",ACTIVE,2025-01-01,2025-01,,80.00,",
                        // terminated long ago, nothing paid in W: not in scope
                        "E6,DIBAO_RURAL,H6," + ZHOU + ",TERMINATED,2020-01-01,2020-01,2024-12,700.00,",
                        // income above the standard: the top-up is 0, never negative
                        "E7,DIBAO_URBAN,H7," + WU + ",ACTIVE,2026-10-01,2026-10,,50.00,1000.00",
                        // temporary assistance has no entitlement to calculate
                        "E8,TEMP_ASSIST,H8," + ZHENG + ",ACTIVE,2026-05-01,2026-05,2026-05,3000.00,")
                .rows("enrollment_members", "E1," + ZHANG, "E1," + LI, "E2," + WANG, "E3," + ZHAO, "E4," + SUN,
                        "E5," + QIAN, "E6," + ZHOU, "E7," + WU, "E8," + ZHENG)
                .monthlyPayments("E1", "2025-11", "2026-10", "1300.00")
                .monthlyPayments("E2", "2025-11", "2026-10", "1000.50")
                .monthlyPayments("E3", "2026-08", "2026-10", "999.00")
                .monthlyPayments("E4", "2025-11", "2026-10", "1500.00")
                .monthlyPayments("E5", "2025-11", "2026-10", "80.00")
                .monthlyPayments("E6", "2020-01", "2024-12", "700.00")
                .monthlyPayments("E7", "2026-10", "2026-10", "50.00")
                .monthlyPayments("E8", "2026-05", "2026-05", "3000.00")
                // E1's 2026-05 payment failed and was never re-issued: not made
                .rows("bank_receipts", "E1-2026-05,6228,1300.00,FAILED,2026-05-06")
                .table("standards", "region_code,program,urban_rural,effective_month,monthly_standard",
                        COUNTY + ",DIBAO_URBAN,,2025-01,800.00",
                        COUNTY + ",DIBAO_URBAN,URBAN,2026-07,900.00",
                        COUNTY + ",DIBAO_RURAL,,2020-01,600.00",
                        COUNTY + ",TEKUN,,2020-01,1000.00",
                        COUNTY + ",ORPHAN,,2020-01,1500.00",
                        COUNTY + ",TEMP_ASSIST,,2020-01,100.00");
    }

    private CheckResult run(CheckFixture f) {
        return f.run(dir, "2026-10", new EntitlementMiscalculated());
    }

    @Test
    void overCalculatedDibaoFiresWithTheExcessOfEveryPaymentAgainstItsMonthsStandard() {
        Clue c = run(fixture()).clues().get(0);
        assertThat(c.rule()).isEqualTo("C02");
        assertThat(c.subject()).isEqualTo("E1");
        assertThat(c.variant()).isEqualTo("OVER");
        assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
        // 2026-03, 04, 06 against 1000.00: 3 x 300.00; 2026-07..10 against 1200.00: 4 x 100.00;
        // 2025-11..2026-02 are before the approval month, 2026-05 failed
        assertThat(c.amountAtRisk()).isEqualByComparingTo("1300.00");
        assertThat(c.amountAtRisk().scale()).isEqualTo(2);
        assertThat(c.owed()).isNull();
        assertThat(c.enrollmentId()).isEqualTo("E1");
        assertThat(c.householdId()).isEqualTo("H1");
        assertThat(c.idNo()).isEqualTo(ZHANG);
        assertThat(c.cardNo()).isNull();
        assertThat(c.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.explanation()).isEqualTo("城市低保核定月发放金额1,300.00元，按2026年10月保障标准900.00元、"
                + "月人均收入300.00元、保障2人计算应为1,200.00元，多核定100.00元；窗口内多发合计1,300.00元");
        assertThat(c.evidence())
                .startsWith("{\"program\":\"DIBAO_URBAN\",\"covered\":2,\"per_capita_income\":300.00,"
                        + "\"standard\":900.00,\"expected\":1200.00,\"monthly_amount\":1300.00,\"difference\":100.00,"
                        + "\"formula\":\"max(0, standard - per_capita_income) * covered\","
                        + "\"approved_date\":\"2026-03-10\",\"payments\":[{\"payment_id\":\"E1-2026-03\","
                        + "\"period\":\"2026-03\",\"amount\":1300.00,\"expected\":1000.00},")
                .contains("{\"payment_id\":\"E1-2026-07\",\"period\":\"2026-07\",\"amount\":1300.00,"
                        + "\"expected\":1200.00}")
                .doesNotContain("E1-2026-05", "E1-2026-02")
                .endsWith("\"parameters\":{\"period\":\"2026-10\",\"lookback\":12,\"C02.tolerance\":\"1.00\"}}");
    }

    @Test
    void underCalculatedAtTheToleranceFiresWithTheMoneyOwed() {
        Clue c = byEnrollment(run(fixture()).clues(), "E3");
        assertThat(c.variant()).isEqualTo("UNDER");
        assertThat(c.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(c.owed()).isEqualByComparingTo("3.00");
        assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2026, 8));
        assertThat(c.explanation()).isEqualTo("特困人员救助供养核定月发放金额999.00元，按2026年10月保障标准1,000.00元"
                + "计算应为1,000.00元，少核定1.00元；窗口内少发合计3.00元");
        assertThat(c.evidence()).contains("\"per_capita_income\":null", "\"formula\":\"standard * covered\"");
    }

    @Test
    void theTopUpIsNeverNegative() {
        Clue c = byEnrollment(run(fixture()).clues(), "E7");
        assertThat(c.variant()).isEqualTo("OVER");
        assertThat(c.amountAtRisk()).isEqualByComparingTo("50.00");
        assertThat(c.evidence()).contains("\"expected\":0.00");
    }

    @Test
    void nearMissesDoNotFire() {
        // E2 under the tolerance, E4 as the standard, E5 no standard, E6 out of scope, E8 temporary assistance
        assertThat(run(fixture()).clues()).extracting(Clue::subject).containsExactly("E1", "E3", "E7");
    }

    @Test
    void theToleranceIsAParameter() {
        EntitlementMiscalculated rule = new EntitlementMiscalculated();
        CheckParameters half = CheckEngine.of(List.of(rule)).defaultParameters().with("C02.tolerance", "0.50");
        List<Clue> clues = fixture().run(dir, "2026-10", half, rule).clues();
        Clue c = byEnrollment(clues, "E2");
        assertThat(c.variant()).isEqualTo("OVER");
        // 12 payments 0.50 over
        assertThat(c.amountAtRisk()).isEqualByComparingTo("6.00");
        assertThat(c.evidence()).contains("\"C02.tolerance\":\"0.50\"");
    }

    @Test
    void anEnrollmentApprovedAtPWithoutPaymentsYetIsAboutP() {
        CheckFixture f = fixture().rows("enrollments", "E9,ORPHAN,H4," + SUN + ",ACTIVE,2026-10-20,2026-10,,1200.00,")
                .rows("enrollment_members", "E9," + SUN);
        Clue c = byEnrollment(run(f).clues(), "E9");
        assertThat(c.variant()).isEqualTo("UNDER");
        assertThat(c.owed()).isEqualByComparingTo("0.00");
        assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 10));
    }

    static Clue byEnrollment(List<Clue> clues, String enrollmentId) {
        return clues.stream().filter(c -> enrollmentId.equals(c.enrollmentId())).findFirst().orElseThrow();
    }
}
