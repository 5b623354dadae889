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
import sunshine.checks.CheckResult;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/** C01 AMOUNT_MISMATCH on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class AmountMismatchTest {

    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");
    static final String WANG = id("37152619400404004");
    static final String ZHAO = id("37152619600505005");

    @TempDir
    Path dir;

    private CheckResult run() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",URBAN",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL")
                .rows("persons", ZHANG + ",张三丰,H1", LI + ",李秀英,H1", WANG + ",王建国,H2", ZHAO + ",赵六,H3")
                .rows("enrollments",
                        // re-approved on 2026-06-18 at 1260.00 (it was 1200.00 before)
                        "E1,DIBAO_URBAN,H1," + ZHANG + ",ACTIVE,2026-06-18,2025-01,,1260.00,300.00",
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2020-03-01,2020-03,,980.50,",
                        "E3,TEMP_ASSIST,H3," + ZHAO + ",ACTIVE,2026-02-01,2026-02,2026-02,3000.00,")
                .rows("enrollment_members", "E1," + ZHANG, "E1," + LI, "E2," + WANG, "E3," + ZHAO)
                .rows("payments",
                        // before month(approved_date): the old amount, not compared
                        "P1,E1,2026-05,1200.00,CASH,,2026-05-08,,",
                        // the month of approval at the old amount: under by 60.00 (in cash: the card number the
                        // row names is not where the money went)
                        "P2,E1,2026-06,1200.00,CASH,6228480001,2026-06-08,,",
                        "P3,E1,2026-07,1260.00,CASH,,2026-07-08,,",
                        // over by 40.00 (whole amount, never a share)
                        "P4,E1,2026-08,1300.00,CARD,6228480001,2026-08-08,,",
                        // over, but failed and never succeeded: not made
                        "P5,E1,2026-09,1500.00,CASH,,2026-09-08,,",
                        // over, failed then succeeded: made
                        "P6,E1,2026-10,1260.01,CASH,,2026-10-08,,",
                        // over, but before W
                        "P7,E2,2025-10,2000.00,CASH,,2025-10-08,,",
                        "P8,E2,2025-11,980.50,CASH,,2025-11-08,,",
                        // temporary assistance is not compared with monthly_amount
                        "P9,E3,2026-02,2000.00,CASH,,2026-02-08,,")
                .rows("bank_receipts",
                        "P4,6228480001,1300.00,SUCCESS,2026-08-09",
                        "P5,6228480001,1500.00,FAILED,2026-09-09",
                        "P6,6228480001,1260.01,FAILED,2026-10-09",
                        "P6,6228480001,1260.01,SUCCESS,2026-10-10")
                .run(dir, "2026-10", new AmountMismatch());
    }

    @Test
    void firesOverAndUnderToTheCent() {
        List<Clue> clues = run().clues();
        assertThat(clues).extracting(Clue::subject).containsExactly("P2", "P4", "P6");

        Clue under = clues.get(0);
        assertThat(under.rule()).isEqualTo("C01");
        assertThat(under.variant()).isEqualTo("UNDER");
        assertThat(under.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(under.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(under.owed()).isEqualByComparingTo("60.00");
        assertThat(under.owed().scale()).isEqualTo(2);
        assertThat(under.enrollmentId()).isEqualTo("E1");
        assertThat(under.householdId()).isEqualTo("H1");
        assertThat(under.idNo()).isEqualTo(ZHANG);
        assertThat(under.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(under.cardNo()).as("a cash payment went to no card").isNull();
        assertThat(under.periodFrom()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(under.periodTo()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(under.explanation()).isEqualTo("2026年6月低保金实发1,200.00元，核定月发放金额1,260.00元，少发60.00元");
        assertThat(under.evidence()).isEqualTo("{\"payment_id\":\"P2\",\"period\":\"2026-06\",\"amount\":1200.00,"
                + "\"monthly_amount\":1260.00,\"difference\":-60.00,\"program\":\"DIBAO_URBAN\","
                + "\"approved_date\":\"2026-06-18\",\"paid_date\":\"2026-06-08\",\"channel\":\"CASH\","
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12}}");

        Clue over = clues.get(1);
        assertThat(over.variant()).isEqualTo("OVER");
        assertThat(over.severity()).isEqualTo(Severity.HIGH);
        assertThat(over.amountAtRisk()).isEqualByComparingTo("40.00");
        assertThat(over.owed()).isNull();
        assertThat(over.cardNo()).isEqualTo("6228480001");
        assertThat(over.explanation()).isEqualTo("2026年8月低保金实发1,300.00元，核定月发放金额1,260.00元，多发40.00元");

        assertThat(clues.get(2).amountAtRisk()).isEqualByComparingTo("0.01");
    }

    @Test
    void paymentsBeforeTheApprovalMonthAreNotCompared() {
        assertThat(run().clues()).extracting(Clue::subject).doesNotContain("P1");
    }

    @Test
    void aFailedPaymentWithoutSuccessIsNotMade() {
        assertThat(run().clues()).extracting(Clue::subject).doesNotContain("P5");
    }

    @Test
    void temporaryAssistanceAndPaymentsOutsideTheWindowAreNotCompared() {
        assertThat(run().clues()).extracting(Clue::subject).doesNotContain("P7", "P9");
    }
}
