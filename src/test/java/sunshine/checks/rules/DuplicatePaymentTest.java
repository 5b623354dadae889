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

/** C03 DUPLICATE_PAYMENT on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class DuplicatePaymentTest {

    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");
    static final String WANG = id("37152619400404004");
    static final String ZHAO = id("37152619600505005");

    @TempDir
    Path dir;

    private List<Clue> run() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",RURAL",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL")
                .rows("persons", ZHANG + ",张三丰,H1", LI + ",李秀英,H1", WANG + ",王建国,H2", ZHAO + ",赵六,H3")
                .rows("enrollments",
                        "E1,DIBAO_RURAL,H1," + ZHANG + ",ACTIVE,2024-12-20,2025-01,,720.00,100.00",
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2020-03-01,2020-03,,980.50,",
                        "E3,TEMP_ASSIST,H3," + ZHAO + ",ACTIVE,2026-02-01,2026-02,2026-02,3000.00,")
                .rows("enrollment_members", "E1," + ZHANG, "E1," + LI, "E2," + WANG, "E3," + ZHAO)
                .rows("payments",
                        // before W: not this check's business
                        "P01,E1,2025-10,720.00,CASH,,2025-10-05,,",
                        "P02,E1,2025-10,720.00,CASH,,2025-10-06,,",
                        "P03,E1,2025-11,720.00,CASH,,2025-11-05,,",
                        // twice: 720.00 and 700.00, 700.00 too much
                        "P04,E1,2026-05,720.00,CARD,6228001,2026-05-05,,B1",
                        "P05,E1,2026-05,700.00,CASH,,2026-05-09,,B2",
                        // three times: 1,000.00 too much
                        "P06,E1,2026-06,500.00,CASH,,2026-06-05,,",
                        "P07,E1,2026-06,600.00,CASH,,2026-06-06,,",
                        "P08,E1,2026-06,500.00,CASH,,2026-06-07,,",
                        // failed, then re-issued: one made payment
                        "P09,E1,2026-07,720.00,CARD,6228001,2026-07-03,,B3",
                        "P10,E1,2026-07,720.00,CARD,6228001,2026-07-09,,B3-R1",
                        "P11,E2,2026-10,980.50,CARD,6228002,2026-10-05,,B4",
                        "P12,E2,2026-10,980.50,CARD,6228002,2026-10-06,,B4",
                        // temporary assistance may be granted twice in one month
                        "P13,E3,2026-02,1500.00,CASH,,2026-02-05,,",
                        "P14,E3,2026-02,1500.00,CASH,,2026-02-20,,")
                .rows("bank_receipts",
                        "P09,6228001,720.00,FAILED,2026-07-04",
                        "P10,6228001,720.00,SUCCESS,2026-07-09")
                .run(dir, "2026-10", new DuplicatePayment()).clues();
    }

    @Test
    void firesPerEnrollmentAndPeriodWithTheSumLessTheLargest() {
        List<Clue> clues = run();
        assertThat(clues).extracting(Clue::subject).containsExactly("E1/2026-05", "E1/2026-06", "E2/2026-10");

        Clue twice = clues.get(0);
        assertThat(twice.rule()).isEqualTo("C03");
        assertThat(twice.severity()).isEqualTo(Severity.HIGH);
        assertThat(twice.variant()).isEmpty();
        assertThat(twice.amountAtRisk()).isEqualByComparingTo("700.00");
        assertThat(twice.owed()).isNull();
        assertThat(twice.enrollmentId()).isEqualTo("E1");
        assertThat(twice.householdId()).isEqualTo("H1");
        assertThat(twice.idNo()).isEqualTo(ZHANG);
        assertThat(twice.cardNo()).isNull();
        assertThat(twice.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(twice.periodFrom()).isEqualTo(YearMonth.of(2026, 5));
        assertThat(twice.periodTo()).isEqualTo(YearMonth.of(2026, 5));
        assertThat(twice.explanation()).isEqualTo("2026年5月低保金重复发放2笔，共1,420.00元，多发700.00元");
        assertThat(twice.evidence()).isEqualTo("{\"period\":\"2026-05\",\"program\":\"DIBAO_RURAL\","
                + "\"monthly_amount\":720.00,\"total\":1420.00,\"largest\":720.00,\"payments\":["
                + "{\"payment_id\":\"P04\",\"amount\":720.00,\"paid_date\":\"2026-05-05\",\"channel\":\"CARD\","
                + "\"card_no\":\"6228001\",\"batch_id\":\"B1\"},"
                + "{\"payment_id\":\"P05\",\"amount\":700.00,\"paid_date\":\"2026-05-09\",\"channel\":\"CASH\","
                + "\"card_no\":null,\"batch_id\":\"B2\"}],"
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12}}");

        assertThat(clues.get(1).amountAtRisk()).isEqualByComparingTo("1000.00");
        assertThat(clues.get(1).explanation()).isEqualTo("2026年6月低保金重复发放3笔，共1,600.00元，多发1,000.00元");
        assertThat(clues.get(2).amountAtRisk()).isEqualByComparingTo("980.50");
        assertThat(clues.get(2).regionCode()).isEqualTo(VILLAGE_2);
    }

    @Test
    void aFailedPaymentReissuedIsNoDuplicate() {
        assertThat(run()).extracting(Clue::subject).doesNotContain("E1/2026-07");
    }

    @Test
    void temporaryAssistanceAndPeriodsBeforeTheWindowDoNotFire() {
        assertThat(run()).extracting(Clue::subject).doesNotContain("E3/2026-02", "E1/2025-10");
    }
}
