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
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/**
 * C06 MISSED_PAYMENT on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. In 2025-11 the county pays
 * no DIBAO_RURAL (only TEKUN, and the other county pays DIBAO_RURAL): nobody misses a DIBAO_RURAL payment then.
 */
class MissedPaymentTest {

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

    private List<Clue> run() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",RURAL",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL",
                        "H4," + VILLAGE_1 + "," + SUN + ",RURAL",
                        "H5," + VILLAGE_1 + "," + QIAN + ",RURAL",
                        "H6," + OTHER_VILLAGE + "," + ZHOU + ",RURAL",
                        "H7," + VILLAGE_2 + "," + WU + ",RURAL",
                        "H8," + VILLAGE_2 + "," + ZHENG + ",RURAL")
                .rows("persons", ZHANG + ",张三丰,H1", LI + ",李秀英,H1", WANG + ",王建国,H2", ZHAO + ",赵六,H3",
                        SUN + ",孙小妹,H4", QIAN + ",钱多多,H5", ZHOU + ",周七,H6", WU + ",吴八,H7",
                        ZHENG + ",郑九,H8")
                .rows("enrollments",
                        "E1,DIBAO_RURAL,H1," + ZHANG + ",ACTIVE,2024-12-20,2025-01,,480.00,100.00",
                        "E2,DIBAO_RURAL,H2," + WANG + ",ACTIVE,2024-12-20,2025-01,,300.00,",
                        "E3,TEKUN,H3," + ZHAO + ",ACTIVE,2020-03-01,2020-03,,980.50,",
                        // suspended after 2026-05: not paid since, rightly
                        "E4,DIBAO_RURAL,H4," + SUN + ",SUSPENDED,2024-12-20,2025-01,,300.00,",
                        // ends 2026-08: nothing due after
                        "E5,DIBAO_RURAL,H5," + QIAN + ",ACTIVE,2024-12-20,2025-01,2026-08,300.00,",
                        // the other county
                        "E6,DIBAO_RURAL,H6," + ZHOU + ",ACTIVE,2024-12-20,2025-01,,300.00,",
                        // starts 2026-07 but approved only on 2026-08-15: 2026-07 is not due, 2026-08 is
                        "E7,DIBAO_RURAL,H7," + WU + ",ACTIVE,2026-08-15,2026-07,,260.00,",
                        // temporary assistance is one-off
                        "E8,TEMP_ASSIST,H8," + ZHENG + ",ACTIVE,2026-02-01,2026-02,2026-03,1000.00,")
                .rows("enrollment_members", "E1," + ZHANG, "E1," + LI, "E2," + WANG, "E3," + ZHAO, "E4," + SUN,
                        "E5," + QIAN, "E6," + ZHOU, "E7," + WU, "E8," + ZHENG)
                .monthlyPayments("E1", "2025-12", "2026-02", "480.00")
                .monthlyPayments("E1", "2026-04", "2026-10", "480.00")
                .monthlyPayments("E2", "2025-12", "2026-10", "300.00")
                .monthlyPayments("E3", "2025-11", "2026-10", "980.50")
                .monthlyPayments("E4", "2025-12", "2026-05", "300.00")
                .monthlyPayments("E5", "2025-12", "2026-08", "300.00")
                .monthlyPayments("E6", "2025-11", "2026-10", "300.00")
                .monthlyPayments("E7", "2026-09", "2026-10", "260.00")
                .monthlyPayments("E8", "2026-02", "2026-02", "1000.00")
                // E1's payment for 2026-06 failed and was never re-issued
                .rows("bank_receipts", "E1-2026-06,6228001,480.00,FAILED,2026-06-06")
                .run(dir, "2026-10", new MissedPayment()).clues();
    }

    @Test
    void dueMonthsWithoutAMadePaymentFireWithTheMonthlyAmountOwed() {
        List<Clue> clues = run();
        assertThat(clues).extracting(Clue::subject).containsExactly("E1/2026-03", "E1/2026-06", "E7/2026-08");

        Clue missed = clues.get(0);
        assertThat(missed.rule()).isEqualTo("C06");
        assertThat(missed.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(missed.variant()).isEmpty();
        assertThat(missed.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(missed.owed()).isEqualByComparingTo("480.00");
        assertThat(missed.enrollmentId()).isEqualTo("E1");
        assertThat(missed.householdId()).isEqualTo("H1");
        assertThat(missed.idNo()).isEqualTo(ZHANG);
        assertThat(missed.cardNo()).isNull();
        assertThat(missed.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(missed.periodFrom()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(missed.periodTo()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(missed.explanation())
                .isEqualTo("2026年3月低保金未发放（待遇状态正常，本县当月已发放农村低保），应发480.00元");
        assertThat(missed.evidence()).isEqualTo("{\"period\":\"2026-03\",\"program\":\"DIBAO_RURAL\","
                + "\"status\":\"ACTIVE\",\"start_month\":\"2025-01\",\"end_month\":null,"
                + "\"approved_date\":\"2024-12-20\",\"monthly_amount\":480.00,\"county_paid_program\":true,"
                + "\"payments_not_made\":[],\"parameters\":{\"period\":\"2026-10\",\"lookback\":12}}");

        Clue failed = clues.get(1);
        assertThat(failed.explanation())
                .isEqualTo("2026年6月低保金发放失败且未重发（待遇状态正常，本县当月已发放农村低保），应发480.00元");
        assertThat(failed.evidence()).contains("{\"payment_id\":\"E1-2026-06\",\"amount\":480.00,"
                + "\"paid_date\":\"2026-06-05\",\"made\":false}");

        assertThat(clues.get(2).owed()).isEqualByComparingTo("260.00");
        assertThat(clues.get(2).regionCode()).isEqualTo(VILLAGE_2);
    }

    @Test
    void aMonthTheCountyPaidNoneOfTheProgramIsNotMissed() {
        // 2025-11: the county paid TEKUN, the other county paid DIBAO_RURAL
        assertThat(run()).extracting(Clue::subject).doesNotContain("E1/2025-11", "E2/2025-11", "E4/2025-11");
    }

    @Test
    void suspendedEndedNotYetApprovedAndTemporaryAssistanceDoNotFire() {
        assertThat(run()).extracting(Clue::subject)
                .doesNotContain("E4/2026-06", "E5/2026-09", "E5/2026-10", "E7/2026-07", "E8/2026-03");
    }
}
