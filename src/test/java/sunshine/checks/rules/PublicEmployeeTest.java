package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.VILLAGE_2;
import static sunshine.checks.CheckFixture.id;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckFixture;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/** A05 PUBLIC_EMPLOYEE on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class PublicEmployeeTest {

    // H1 DIBAO_URBAN (3): LI teaches at a public school since 2021
    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");
    static final String SON = id("37152619800303003");
    // H2 TEKUN: a civil servant until 2026-02-25, then at a state enterprise from 2026-06 (and a post inside it)
    static final String WANG = id("37152619400404004");
    // H3 DIBAO_RURAL: left before W; hired after P
    static final String ZHAO = id("37152619600505005");
    // H5 DIBAO_RURAL: employed until the first day of W, paid only from 2026-01
    static final String QIAN = id("37152619710707007");
    // H7 ORPHAN: not means-tested
    static final String SUN = id("37152620000606006");

    @TempDir
    Path dir;

    private List<Clue> run() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",URBAN",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL",
                        "H5," + VILLAGE_2 + "," + QIAN + ",RURAL",
                        "H7," + VILLAGE_1 + "," + SUN + ",URBAN")
                .rows("persons",
                        ZHANG + ",张三丰,H1", LI + ",李秀英,H1", SON + ",张小明,H1", WANG + ",王建国,H2",
                        ZHAO + ",赵六,H3", QIAN + ",钱八,H5", SUN + ",孙小七,H7")
                .rows("enrollments",
                        "E1,DIBAO_URBAN,H1," + ZHANG + ",ACTIVE,2024-12-20,2025-01,,1000.00,200.00",
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2020-03-01,2020-03,,980.50,",
                        "E3,DIBAO_RURAL,H3," + ZHAO + ",ACTIVE,2023-01-10,2023-02,,650.00,100.00",
                        "E5,DIBAO_RURAL,H5," + QIAN + ",ACTIVE,2025-12-10,2026-01,,650.00,100.00",
                        "E7,ORPHAN,H7," + SUN + ",ACTIVE,2021-01-10,2021-02,,1500.00,")
                .rows("enrollment_members",
                        "E1," + ZHANG, "E1," + LI, "E1," + SON, "E2," + WANG, "E3," + ZHAO, "E5," + QIAN,
                        "E7," + SUN)
                .monthlyPayments("E1", "2025-10", "2026-10", "1000.00")
                .monthlyPayments("E2", "2025-09", "2026-10", "980.50")
                .monthlyPayments("E3", "2025-11", "2026-10", "650.00")
                .monthlyPayments("E5", "2026-01", "2026-10", "650.00")
                .monthlyPayments("E7", "2025-11", "2026-10", "1500.00")
                .rows("bank_receipts", "E2-2026-02,6228,980.50,FAILED,2026-02-06")
                .table("public_employees", "id_no,name,employer,category,employed_from,employed_to",
                        LI + ",李秀英,高唐县第一中学,PUBLIC_INSTITUTION,2021-09-26,",
                        WANG + ",王建国,高唐县自然资源局,公务员,2000-01-01,2026-02-25",
                        WANG + ",王建国,山东高速集团有限公司,SOE,2026-06-01,",
                        WANG + ",王建国,高唐县供电公司,SOE,2026-08-01,2026-09-30",
                        ZHAO + ",赵六,高唐县人民医院,PUBLIC_INSTITUTION,2001-09-01,2025-10-31",
                        ZHAO + ",赵六,高唐县财政局,CIVIL_SERVANT,2026-11-01,",
                        QIAN + ",钱八,高唐县实验小学,PUBLIC_INSTITUTION,2010-09-01,2025-11-01",
                        SUN + ",孙小七,高唐县实验小学,PUBLIC_INSTITUTION,2024-09-01,")
                .run(dir, "2026-10", new PublicEmployee())
                .clues();
    }

    @Test
    void firesForPaymentsInsideTheEmployment() {
        List<Clue> clues = run();
        assertThat(clues).extracting(Clue::subject).containsExactly("E1/" + LI, "E2/" + WANG, "E5/" + QIAN);

        Clue teacher = clues.get(0);
        assertThat(teacher.rule()).isEqualTo("A05");
        assertThat(teacher.severity()).isEqualTo(Severity.HIGH);
        assertThat(teacher.variant()).isEmpty();
        assertThat(teacher.enrollmentId()).isEqualTo("E1");
        assertThat(teacher.householdId()).isEqualTo("H1");
        assertThat(teacher.idNo()).isEqualTo(LI);
        assertThat(teacher.cardNo()).isNull();
        assertThat(teacher.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(teacher.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(teacher.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        // 12 x 333.3333333333 = 3999.9999999996
        assertThat(teacher.amountAtRisk()).isEqualByComparingTo("4000.00");
        assertThat(teacher.owed()).isNull();
        assertThat(teacher.explanation()).isEqualTo("李*英为高唐县第一中学（事业单位）财政供养人员（2021年9月26日起），"
                + "仍享受城市低保；任职期间发放低保金12个月，按其份额（户内保障3人）计4,000.00元");
        assertThat(teacher.evidence()).startsWith("{\"employments\":[{\"employer\":\"高唐县第一中学\","
                + "\"category\":\"PUBLIC_INSTITUTION\",\"employed_from\":\"2021-09-26\",\"employed_to\":null}],"
                + "\"program\":\"DIBAO_URBAN\",\"covered\":3");
    }

    @Test
    void severalEmploymentsCountEachPaymentOnce() {
        Clue wang = run().get(1);
        // civil servant to 2026-02 (2025-11, 2025-12, 2026-01; 2026-02 failed), state enterprise from 2026-06
        // (2026-06..10, the post of 2026-08..09 inside it counted once): 8 x 980.50
        assertThat(wang.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(wang.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(wang.amountAtRisk()).isEqualByComparingTo("7844.00");
        assertThat(wang.evidence()).contains("高唐县自然资源局", "山东高速集团有限公司", "高唐县供电公司")
                .doesNotContain("E2-2026-03", "E2-2026-04", "E2-2026-05", "E2-2026-02");
        assertThat(wang.explanation()).isEqualTo("王*国为高唐县自然资源局（公务员）财政供养人员（2000年1月1日至2026年2月25日），"
                + "窗口期内共3段任职，仍享受特困人员救助供养；任职期间发放特困供养金8个月，共计7,844.00元");
    }

    @Test
    void anEmploymentEndingOnTheFirstDayOfTheWindowOverlapsItEvenWithoutPayments() {
        Clue qian = run().get(2);
        assertThat(qian.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(qian.periodFrom()).isNull();
        assertThat(qian.explanation()).endsWith("任职期间无发放（窗口期内）");
    }

    @Test
    void employmentsOutsideTheWindowAndNonMeansTestedProgramsDoNotFire() {
        assertThat(run()).extracting(Clue::idNo).doesNotContain(ZHAO, SUN, ZHANG, SON);
    }
}
