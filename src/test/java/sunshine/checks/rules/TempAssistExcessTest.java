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

/** C09 TEMP_ASSIST_EXCESS on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class TempAssistExcessTest {

    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");
    static final String WANG = id("37152619400404004");
    static final String ZHAO = id("37152619600505005");
    static final String SUN = id("37152620150606006");
    static final String QIAN = id("37152619700707007");

    @TempDir
    Path dir;

    private CheckFixture fixture() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",RURAL",
                        "H2," + VILLAGE_2 + "," + WANG + ",URBAN",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL",
                        "H4," + VILLAGE_1 + "," + SUN + ",RURAL",
                        "H5," + VILLAGE_1 + "," + QIAN + ",RURAL")
                .rows("persons", ZHANG + ",张三丰,H1", LI + ",李秀英,H1", WANG + ",王建国,H2", ZHAO + ",赵六,H3",
                        SUN + ",孙小妹,H4", QIAN + ",钱多多,H5")
                .rows("enrollments",
                        // H1: three grants of 500.00, two enrollments with different payees
                        "T11,TEMP_ASSIST,H1," + ZHANG + ",ACTIVE,2026-01-05,2026-01,2026-01,500.00,",
                        "T12,TEMP_ASSIST,H1," + LI + ",ACTIVE,2026-05-05,2026-05,2026-07,500.00,",
                        // H2: two grants, 12,000.00
                        "T21,TEMP_ASSIST,H2," + WANG + ",ACTIVE,2026-02-05,2026-02,2026-02,6000.00,",
                        "T22,TEMP_ASSIST,H2," + WANG + ",ACTIVE,2026-04-05,2026-04,2026-04,6000.00,",
                        // H3: two grants, exactly 10,000.00: at the limits
                        "T31,TEMP_ASSIST,H3," + ZHAO + ",ACTIVE,2026-02-05,2026-02,2026-02,5000.00,",
                        "T32,TEMP_ASSIST,H3," + ZHAO + ",ACTIVE,2026-04-05,2026-04,2026-04,5000.00,",
                        // H4: three grants, but one failed and one before W
                        "T41,TEMP_ASSIST,H4," + SUN + ",ACTIVE,2025-10-05,2025-10,2025-10,800.00,",
                        "T42,TEMP_ASSIST,H4," + SUN + ",ACTIVE,2026-03-05,2026-03,2026-03,800.00,",
                        "T43,TEMP_ASSIST,H4," + SUN + ",ACTIVE,2026-06-05,2026-06,2026-06,800.00,",
                        // H5: many monthly payments of another program
                        "D51,DIBAO_RURAL,H5," + QIAN + ",ACTIVE,2024-01-05,2024-01,,480.00,")
                .rows("enrollment_members", "T11," + ZHANG, "T11," + LI, "T12," + ZHANG, "T12," + LI,
                        "T21," + WANG, "T22," + WANG, "T31," + ZHAO, "T32," + ZHAO, "T41," + SUN, "T42," + SUN,
                        "T43," + SUN, "D51," + QIAN)
                .rows("payments",
                        "P1,T11,2026-01,500.00,CASH,,2026-01-08,,",
                        "P2,T12,2026-05,500.00,CASH,,2026-05-08,,",
                        "P3,T12,2026-07,500.00,CASH,,2026-07-08,,",
                        "P4,T21,2026-02,6000.00,CASH,,2026-02-08,,",
                        "P5,T22,2026-04,6000.00,CARD,6228002,2026-04-08,,",
                        "P6,T31,2026-02,5000.00,CASH,,2026-02-08,,",
                        "P7,T32,2026-04,5000.00,CASH,,2026-04-08,,",
                        "P8,T41,2025-10,800.00,CASH,,2025-10-08,,",
                        "P9,T42,2026-03,800.00,CARD,6228004,2026-03-08,,",
                        "PA,T43,2026-06,800.00,CARD,6228004,2026-06-08,,")
                .rows("bank_receipts", "PA,6228004,800.00,FAILED,2026-06-09")
                .monthlyPayments("D51", "2025-11", "2026-10", "480.00");
    }

    @Test
    void tooManyGrantsOrTooMuchMoneyFire() {
        List<Clue> clues = fixture().run(dir, "2026-10", new TempAssistExcess()).clues();
        assertThat(clues).extracting(Clue::subject).containsExactly("H1", "H2");

        Clue many = clues.get(0);
        assertThat(many.rule()).isEqualTo("C09");
        assertThat(many.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(many.variant()).isEmpty();
        assertThat(many.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(many.owed()).isNull();
        // the latest approved grant, and its payee
        assertThat(many.enrollmentId()).isEqualTo("T12");
        assertThat(many.idNo()).isEqualTo(LI);
        assertThat(many.householdId()).isEqualTo("H1");
        assertThat(many.cardNo()).isNull();
        assertThat(many.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(many.periodFrom()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(many.periodTo()).isEqualTo(YearMonth.of(2026, 7));
        assertThat(many.explanation()).isEqualTo("该户2025年11月至2026年10月领取临时救助3次，共1,500.00元，超过次数上限2次");
        assertThat(many.evidence()).isEqualTo("{\"count\":3,\"total\":1500.00,\"max_count\":2,\"max_total\":10000.00,"
                + "\"payments\":[{\"payment_id\":\"P1\",\"enrollment_id\":\"T11\",\"period\":\"2026-01\","
                + "\"amount\":500.00,\"paid_date\":\"2026-01-08\"},{\"payment_id\":\"P2\",\"enrollment_id\":\"T12\","
                + "\"period\":\"2026-05\",\"amount\":500.00,\"paid_date\":\"2026-05-08\"},{\"payment_id\":\"P3\","
                + "\"enrollment_id\":\"T12\",\"period\":\"2026-07\",\"amount\":500.00,\"paid_date\":\"2026-07-08\"}],"
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12,\"C09.max_count\":\"2\","
                + "\"C09.max_total\":\"10000.00\"}}");

        Clue much = clues.get(1);
        assertThat(much.amountAtRisk()).isEqualByComparingTo("2000.00");
        assertThat(much.enrollmentId()).isEqualTo("T22");
        assertThat(much.regionCode()).isEqualTo(VILLAGE_2);
        assertThat(much.explanation())
                .isEqualTo("该户2025年11月至2026年10月领取临时救助2次，共12,000.00元，超过金额上限10,000.00元2,000.00元");
    }

    @Test
    void theLimitsAreParameters() {
        TempAssistExcess rule = new TempAssistExcess();
        CheckParameters strict = CheckEngine.of(List.of(rule)).defaultParameters()
                .with("C09.max_count", "1").with("C09.max_total", "9999.99");
        List<Clue> clues = fixture().run(dir, "2026-10", strict, rule).clues();
        // H3 is now above both limits; H4 has one made grant in W (one is before W, one failed): not above one
        assertThat(clues).extracting(Clue::subject).containsExactly("H1", "H2", "H3");
        assertThat(clues.get(2).amountAtRisk()).isEqualByComparingTo("0.01");
        assertThat(clues.get(2).explanation()).isEqualTo("该户2025年11月至2026年10月领取临时救助2次，共10,000.00元，"
                + "超过次数上限1次，超过金额上限9,999.99元0.01元");
        assertThat(clues.get(2).evidence()).contains("\"C09.max_count\":\"1\"", "\"C09.max_total\":\"9999.99\"");
    }
}
