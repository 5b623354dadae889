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

/** B08 NOT_PAID_TO_CARD on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class NotPaidToCardTest {

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
                        // the spouse is the payee
                        "E1,DIBAO_URBAN,H1," + LI + ",ACTIVE,2019-01-01,2019-01,,1260.00,",
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2019-01-01,2019-01,,980.50,",
                        "E3,TEMP_ASSIST,H3," + ZHAO + ",ACTIVE,2026-02-01,2026-02,2026-02,3000.00,")
                .rows("enrollment_members", "E1," + ZHANG, "E1," + LI, "E2," + WANG, "E3," + ZHAO)
                .rows("payments",
                        "CASH1,E1,2026-03,1260.00,CASH,,2026-03-08,2026年3月城市低保金,",
                        "OTHER1,E2,2026-04,980.50,OTHER,,2026-04-08,2026年4月特困供养金,",
                        "CARD1,E1,2026-04,1260.00,CARD,6233000000000001,2026-04-08,2026年4月城市低保金,",
                        // temporary assistance may be paid in cash
                        "TEMP1,E3,2026-02,3000.00,CASH,,2026-02-08,临时救助金,",
                        // failed and never succeeded: not made
                        "FAILED1,E1,2026-05,1260.00,CASH,,2026-05-08,,",
                        // before W
                        "OLD1,E2,2025-10,980.50,CASH,,2025-10-08,,")
                .rows("bank_receipts", "FAILED1,6233000000000001,1260.00,FAILED,2026-05-09")
                .run(dir, "2026-10", new NotPaidToCard());
    }

    @Test
    void firesForMadePaymentsNotByCard() {
        List<Clue> clues = run().clues();
        assertThat(clues).extracting(Clue::subject).containsExactly("CASH1", "OTHER1");

        Clue cash = clues.get(0);
        assertThat(cash.rule()).isEqualTo("B08");
        assertThat(cash.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(cash.enrollmentId()).isEqualTo("E1");
        assertThat(cash.householdId()).isEqualTo("H1");
        assertThat(cash.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(cash.idNo()).as("the payee").isEqualTo(LI);
        assertThat(cash.cardNo()).isNull();
        assertThat(cash.periodFrom()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(cash.periodTo()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(cash.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(cash.owed()).isNull();
        assertThat(cash.explanation()).isEqualTo("2026年3月低保金1,260.00元以现金发放，未通过一卡通");
        assertThat(cash.evidence()).isEqualTo("{\"payment_id\":\"CASH1\",\"period\":\"2026-03\",\"amount\":1260.00,"
                + "\"channel\":\"CASH\",\"program\":\"DIBAO_URBAN\",\"paid_date\":\"2026-03-08\","
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12}}");

        Clue other = clues.get(1);
        assertThat(other.explanation()).isEqualTo("2026年4月特困供养金980.50元以其他方式发放，未通过一卡通");
        assertThat(other.householdId()).isEqualTo("H2");
    }

    @Test
    void cardPaymentsTemporaryAssistanceFailedPaymentsAndPaymentsBeforeWDoNotFire() {
        assertThat(run().clues()).extracting(Clue::subject).doesNotContain("CARD1", "TEMP1", "FAILED1", "OLD1");
    }
}
