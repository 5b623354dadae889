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

/** C04 PAID_OUTSIDE_ENROLLMENT on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class PaidOutsideEnrollmentTest {

    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");
    static final String WANG = id("37152619400404004");
    static final String ZHAO = id("37152619600505005");
    static final String SUN = id("37152620150606006");

    @TempDir
    Path dir;

    private List<Clue> run() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",RURAL",
                        "H2," + VILLAGE_2 + "," + WANG + ",URBAN",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL",
                        "H4," + VILLAGE_1 + "," + SUN + ",URBAN")
                .rows("persons", ZHANG + ",张三丰,H1", LI + ",李秀英,H1", WANG + ",王建国,H2", ZHAO + ",赵六,H3",
                        SUN + ",孙小妹,H4")
                .rows("enrollments",
                        // terminated after 2026-07, paid for two more months
                        "E1,DIBAO_RURAL,H1," + ZHANG + ",TERMINATED,2024-12-20,2025-01,2026-07,480.00,100.00",
                        // starts 2026-05, paid for 2026-04
                        "E2,DIBAO_URBAN,H2," + WANG + ",ACTIVE,2026-04-12,2026-05,,600.00,",
                        // temporary assistance for 2026-02 only, paid for 2026-03 too: every program counts
                        "E3,TEMP_ASSIST,H3," + ZHAO + ",ACTIVE,2026-02-01,2026-02,2026-02,3000.00,",
                        // suspended, paid inside its months: not this rule
                        "E4,ORPHAN,H4," + SUN + ",SUSPENDED,2025-01-01,2025-01,,1500.00,")
                .rows("enrollment_members", "E1," + ZHANG, "E1," + LI, "E2," + WANG, "E3," + ZHAO, "E4," + SUN)
                .monthlyPayments("E1", "2026-05", "2026-07", "480.00")
                .rows("payments",
                        "P1,E1,2026-08,480.00,CARD,6228001,2026-08-05,,",
                        "P2,E1,2026-09,480.00,CARD,6228001,2026-09-05,,",
                        // failed and never succeeded: not made
                        "P3,E1,2026-10,480.00,CARD,6228001,2026-10-05,,",
                        "P4,E2,2026-04,600.00,CASH,,2026-04-20,,",
                        "P5,E2,2026-05,600.00,CASH,,2026-05-08,,",
                        "P6,E3,2026-02,3000.00,CASH,,2026-02-05,,",
                        "P7,E3,2026-03,3000.00,CASH,,2026-03-05,,",
                        "P8,E4,2026-09,1500.00,CASH,,2026-09-05,,")
                .rows("bank_receipts", "P3,6228001,480.00,FAILED,2026-10-06")
                // paid outside the enrollment, but before W
                .rows("enrollments", "E5,DIBAO_RURAL,H3," + ZHAO + ",TERMINATED,2020-01-01,2020-01,2024-06,300.00,")
                .rows("enrollment_members", "E5," + ZHAO)
                .rows("payments", "P9,E5,2025-10,300.00,CASH,,2025-10-05,,")
                .run(dir, "2026-10", new PaidOutsideEnrollment()).clues();
    }

    @Test
    void paymentsAfterTheEndOrBeforeTheStartFireWithTheirWholeAmount() {
        List<Clue> clues = run();
        assertThat(clues).extracting(Clue::subject).containsExactly("P1", "P2", "P4", "P7");

        Clue after = clues.get(0);
        assertThat(after.rule()).isEqualTo("C04");
        assertThat(after.severity()).isEqualTo(Severity.HIGH);
        assertThat(after.variant()).isEmpty();
        assertThat(after.amountAtRisk()).isEqualByComparingTo("480.00");
        assertThat(after.owed()).isNull();
        assertThat(after.enrollmentId()).isEqualTo("E1");
        assertThat(after.householdId()).isEqualTo("H1");
        assertThat(after.idNo()).isEqualTo(ZHANG);
        assertThat(after.cardNo()).isEqualTo("6228001");
        assertThat(after.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(after.periodFrom()).isEqualTo(YearMonth.of(2026, 8));
        assertThat(after.periodTo()).isEqualTo(YearMonth.of(2026, 8));
        assertThat(after.explanation()).isEqualTo("2026年8月低保金480.00元发放于待遇终止月份2026年7月之后，不应发放");
        assertThat(after.evidence()).isEqualTo("{\"payment_id\":\"P1\",\"period\":\"2026-08\",\"amount\":480.00,"
                + "\"paid_date\":\"2026-08-05\",\"position\":\"AFTER_END\",\"start_month\":\"2025-01\","
                + "\"end_month\":\"2026-07\",\"status\":\"TERMINATED\",\"program\":\"DIBAO_RURAL\","
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12}}");

        Clue before = clues.get(2);
        assertThat(before.amountAtRisk()).isEqualByComparingTo("600.00");
        assertThat(before.cardNo()).isNull();
        assertThat(before.regionCode()).isEqualTo(VILLAGE_2);
        assertThat(before.explanation()).isEqualTo("2026年4月低保金600.00元发放于待遇起始月份2026年5月之前，不应发放");
        assertThat(before.evidence()).contains("\"position\":\"BEFORE_START\"", "\"end_month\":null");

        assertThat(clues.get(3).amountAtRisk()).isEqualByComparingTo("3000.00");
    }

    @Test
    void nearMissesDoNotFire() {
        // P3 failed, P5/P6/P8 inside the months (whatever the status), P9 before W
        assertThat(run()).extracting(Clue::subject).doesNotContain("P3", "P5", "P6", "P8", "P9", "E1-2026-07");
    }
}
