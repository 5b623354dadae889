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
import sunshine.checks.CheckEngine;
import sunshine.checks.CheckFixture;
import sunshine.checks.CheckParameters;
import sunshine.checks.Clue;
import sunshine.checks.Severity;
import sunshine.checks.engine.Days;
import sunshine.checks.engine.Months;

/** C05 LATE_PAYMENT on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class LatePaymentTest {

    static final String ZHANG = id("37152619500101001");
    static final String WANG = id("37152619400404004");
    static final String ZHAO = id("37152619600505005");

    @TempDir
    Path dir;

    private CheckFixture fixture() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",RURAL",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL")
                .rows("persons", ZHANG + ",张三丰,H1", WANG + ",王建国,H2", ZHAO + ",赵六,H3")
                .rows("enrollments",
                        "E1,DIBAO_RURAL,H1," + ZHANG + ",ACTIVE,2024-12-20,2025-01,,480.00,100.00",
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2020-03-01,2020-03,,980.50,",
                        "E3,TEMP_ASSIST,H3," + ZHAO + ",ACTIVE,2026-02-01,2026-02,2026-02,3000.00,")
                .rows("enrollment_members", "E1," + ZHANG, "E2," + WANG, "E3," + ZHAO)
                .rows("payments",
                        // on the 10th: on time
                        "P01,E1,2026-03,480.00,CARD,6228001,2026-03-10,,",
                        // the 11th: one day late
                        "P02,E1,2026-04,480.00,CARD,6228001,2026-04-11,,",
                        // the next month: late
                        "P03,E1,2026-05,480.00,CARD,6228001,2026-06-02,,",
                        // ahead of the month: not late
                        "P04,E1,2026-06,480.00,CARD,6228001,2026-05-28,,",
                        // failed late, re-issued on time: the late one is not made
                        "P05,E1,2026-07,480.00,CARD,6228001,2026-07-20,,",
                        "P06,E1,2026-07,480.00,CARD,6228001,2026-07-08,,",
                        // two late payments of one period: one clue
                        "P07,E2,2026-09,980.50,CASH,,2026-09-15,,",
                        "P08,E2,2026-09,980.50,CASH,,2026-09-25,,",
                        // late, but before W
                        "P09,E2,2025-10,980.50,CASH,,2025-10-25,,",
                        // temporary assistance has no monthly deadline
                        "P10,E3,2026-02,3000.00,CASH,,2026-02-25,,")
                .rows("bank_receipts", "P05,6228001,480.00,FAILED,2026-07-20");
    }

    @Test
    void paymentsAfterTheDeadlineDayFireOncePerEnrollmentAndPeriod() {
        List<Clue> clues = fixture().run(dir, "2026-10", new LatePayment()).clues();
        assertThat(clues).extracting(Clue::subject).containsExactly("E1/2026-04", "E1/2026-05", "E2/2026-09");

        Clue oneDay = clues.get(0);
        assertThat(oneDay.rule()).isEqualTo("C05");
        assertThat(oneDay.severity()).isEqualTo(Severity.LOW);
        assertThat(oneDay.variant()).isEmpty();
        assertThat(oneDay.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(oneDay.owed()).isNull();
        assertThat(oneDay.enrollmentId()).isEqualTo("E1");
        assertThat(oneDay.householdId()).isEqualTo("H1");
        assertThat(oneDay.idNo()).isEqualTo(ZHANG);
        assertThat(oneDay.cardNo()).isEqualTo("6228001");
        assertThat(oneDay.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(oneDay.periodFrom()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(oneDay.periodTo()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(oneDay.explanation()).isEqualTo("2026年4月低保金于2026年4月11日发放，超过2026年4月10日的发放期限1天");
        assertThat(oneDay.evidence()).isEqualTo("{\"period\":\"2026-04\",\"deadline\":\"2026-04-10\","
                + "\"program\":\"DIBAO_RURAL\",\"payments\":[{\"payment_id\":\"P02\",\"paid_date\":\"2026-04-11\","
                + "\"amount\":480.00,\"late\":true,\"days_late\":1}],"
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12,\"C05.deadline_day\":\"10\"}}");

        assertThat(clues.get(1).explanation()).isEqualTo("2026年5月低保金于2026年6月2日发放，超过2026年5月10日的发放期限23天");

        Clue twice = clues.get(2);
        assertThat(twice.cardNo()).isNull();
        assertThat(twice.explanation()).isEqualTo("2026年9月特困供养金2笔晚发，最晚于2026年9月25日，超过2026年9月10日的发放期限15天");
        assertThat(twice.evidence()).contains("\"payment_id\":\"P07\"", "\"payment_id\":\"P08\"");
    }

    @Test
    void onTimeAheadFailedTemporaryAndOutsideTheWindowDoNotFire() {
        List<Clue> clues = fixture().run(dir, "2026-10", new LatePayment()).clues();
        assertThat(clues).extracting(Clue::subject)
                .doesNotContain("E1/2026-03", "E1/2026-06", "E1/2026-07", "E2/2025-10", "E3/2026-02");
    }

    @Test
    void theDeadlineDayIsAParameter() {
        LatePayment rule = new LatePayment();
        CheckParameters fifteenth = CheckEngine.of(List.of(rule)).defaultParameters().with("C05.deadline_day", "15");
        List<Clue> clues = fixture().run(dir, "2026-10", fifteenth, rule).clues();
        // P02 (11th) is on time now; P07 on the 15th is too, P08 on the 25th is not
        assertThat(clues).extracting(Clue::subject).containsExactly("E1/2026-05", "E2/2026-09");
        assertThat(clues.get(1).explanation()).isEqualTo("2026年9月特困供养金于2026年9月25日发放，超过2026年9月15日的发放期限10天");
    }

    @Test
    void aDeadlineBeyondAShortMonthIsItsLastDay() {
        assertThat(Days.iso(LatePayment.deadline(Months.of(2026, 2), 31))).isEqualTo("2026-02-28");
        assertThat(Days.iso(LatePayment.deadline(Months.of(2026, 3), 31))).isEqualTo("2026-03-31");
        assertThat(Days.iso(LatePayment.deadline(Months.of(2026, 3), 10))).isEqualTo("2026-03-10");
    }
}
