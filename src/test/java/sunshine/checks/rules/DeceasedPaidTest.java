package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.VILLAGE_1;
import static sunshine.checks.CheckFixture.VILLAGE_2;
import static sunshine.checks.CheckFixture.id;

import java.math.BigDecimal;
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

/** A01 DECEASED_PAID on tiny hand-written folders; P = 2026-10, W = 2025-11..2026-10. */
class DeceasedPaidTest {

    // household H1 (DIBAO_URBAN, three covered members, one more person not covered)
    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");
    static final String SON = id("37152619800303003");
    static final String UNCOVERED = id("37152619300707007");
    // household H2 (TEKUN, one person)
    static final String WANG = id("37152619400404004");
    static final String WANG_15 = "371526400404004";
    // household H3 (DIBAO_RURAL, one person): dies in the month of the last payment
    static final String ZHAO = id("37152619600505005");
    // household H4 (ORPHAN): the only payment after the death failed
    static final String ORPHAN = id("37152620150606006");
    // nobody in the registry
    static final String STRANGER = id("11010519491231002");

    @TempDir
    Path dir;

    private CheckFixture base() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",URBAN",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL",
                        "H4," + VILLAGE_1 + "," + ORPHAN + ",URBAN")
                .rows("persons",
                        ZHANG + ",张三丰,H1", LI + ",李秀英,H1", SON + ",张小明,H1", UNCOVERED + ",张老四,H1",
                        WANG + ",王建国,H2", ZHAO + ",赵六,H3", ORPHAN + ",孙小妹,H4")
                .rows("enrollments",
                        "E1,DIBAO_URBAN,H1," + ZHANG + ",ACTIVE,2024-12-20,2025-01,,1000.00,200.00",
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2020-03-01,2020-03,,980.50,",
                        "E3,DIBAO_RURAL,H3," + ZHAO + ",ACTIVE,2023-01-10,2023-02,,650.00,100.00",
                        "E4,ORPHAN,H4," + ORPHAN + ",ACTIVE,2025-12-01,2026-01,,1500.00,")
                .rows("enrollment_members",
                        "E1," + ZHANG, "E1," + LI, "E1," + SON,
                        "E2," + WANG, "E3," + ZHAO, "E4," + ORPHAN)
                .monthlyPayments("E1", "2025-10", "2026-10", "1000.00")
                .monthlyPayments("E2", "2025-09", "2026-10", "980.50")
                .monthlyPayments("E3", "2025-11", "2026-10", "650.00")
                .monthlyPayments("E4", "2026-01", "2026-07", "1500.00")
                .rows("bank_receipts",
                        // E2 2026-02 failed and never succeeded: not made; 2026-03 failed, then succeeded: made
                        "E2-2026-02,6228,980.50,FAILED,2026-02-06",
                        "E2-2026-03,6228,980.50,FAILED,2026-03-06",
                        "E2-2026-03,6228,980.50,SUCCESS,2026-03-09",
                        "E2-2026-04,6228,980.50,SUCCESS,2026-04-06",
                        // E4's only payment after the death failed
                        "E4-2026-07,6229,1500.00,失败,2026-07-06")
                .table("deaths", "身份证号,姓名,死亡日期,来源",
                        ZHANG + ",张三丰,2026-03-14,公安",
                        // two records: the earliest date counts; the old 15-digit number is the same person
                        WANG + ",王建国,2025-09-02,POLICE",
                        WANG_15 + ",王建国,2025年8月20日,殡葬",
                        ZHAO + ",赵六,2026-10-05,HEALTH",
                        ORPHAN + ",孙小妹,2026-06-10,POLICE",
                        UNCOVERED + ",张老四,2025-01-01,POLICE",
                        STRANGER + ",路人甲,2025-01-01,POLICE")
                .format("deaths", "GB18030");
    }

    @Test
    void firesForPaymentsAfterTheMonthOfDeathWithTheMembersShare() {
        CheckResult result = base().run(dir, "2026-10", new DeceasedPaid());

        assertThat(result.clues()).extracting(Clue::subject)
                .containsExactly("E1/" + ZHANG, "E2/" + WANG);

        Clue household = result.clues().get(0);
        assertThat(household.rule()).isEqualTo("A01");
        assertThat(household.severity()).isEqualTo(Severity.HIGH);
        assertThat(household.variant()).isEmpty();
        assertThat(household.enrollmentId()).isEqualTo("E1");
        assertThat(household.householdId()).isEqualTo("H1");
        assertThat(household.idNo()).isEqualTo(ZHANG);
        assertThat(household.cardNo()).isNull();
        assertThat(household.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(household.periodFrom()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(household.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        // 7 payments (2026-04..10) of 1000.00 / 3 = 333.3333333333 each: 2333.3333333331 -> 2333.33
        assertThat(household.amountAtRisk()).isEqualByComparingTo("2333.33");
        assertThat(household.amountAtRisk().scale()).isEqualTo(2);
        assertThat(household.owed()).isNull();
        assertThat(household.explanation())
                .isEqualTo("张*丰 2026年3月死亡，此后仍发放7个月低保金，按其份额（户内保障3人）计2,333.33元");
        assertThat(household.evidence())
                .startsWith("{\"death_date\":\"2026-03-14\",\"death_records\":[{\"death_date\":\"2026-03-14\","
                        + "\"source\":\"POLICE\"}],\"program\":\"DIBAO_URBAN\",\"covered\":3,"
                        + "\"share_rule\":\"amount / covered\",\"payments\":[{\"payment_id\":\"E1-2026-04\","
                        + "\"period\":\"2026-04\",\"amount\":1000.00,\"share\":333.3333333333},")
                .endsWith(",\"parameters\":{\"period\":\"2026-10\",\"lookback\":12}}");

        Clue individual = result.clues().get(1);
        // earliest record 2025-08-20 (the 15-digit one); W starts 2025-11, so 12 periods, minus the failed 2026-02
        assertThat(individual.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(individual.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(individual.amountAtRisk()).isEqualByComparingTo(new BigDecimal("980.50").multiply(
                BigDecimal.valueOf(11)));
        assertThat(individual.explanation()).isEqualTo("王*国 2025年8月死亡，此后仍发放11个月特困供养金，共计10,785.50元");
        assertThat(individual.evidence())
                .contains("\"death_date\":\"2025-08-20\"")
                .contains("{\"death_date\":\"2025-09-02\",\"source\":\"POLICE\"}")
                .contains("{\"death_date\":\"2025-08-20\",\"source\":\"CREMATION\"}")
                .contains("\"share_rule\":\"whole amount\"")
                .doesNotContain("E2-2026-02")
                .contains("E2-2026-03")
                .doesNotContain("E2-2025-10");
    }

    @Test
    void deathInTheMonthOfTheLastPaymentDoesNotFire() {
        CheckResult result = base().run(dir, "2026-10", new DeceasedPaid());
        assertThat(result.clues()).extracting(Clue::enrollmentId).doesNotContain("E3");
    }

    @Test
    void aFailedPaymentWithoutSuccessIsNotMadeAndDoesNotFire() {
        CheckResult result = base().run(dir, "2026-10", new DeceasedPaid());
        assertThat(result.clues()).extracting(Clue::enrollmentId).doesNotContain("E4");
    }

    @Test
    void aPersonWhoIsNotACoveredMemberOrNotInTheRegistryDoesNotFire() {
        CheckResult result = base().run(dir, "2026-10", new DeceasedPaid());
        assertThat(result.clues()).extracting(Clue::idNo).doesNotContain(UNCOVERED, STRANGER);
    }

    @Test
    void onlyPaymentsInTheWindowCount() {
        // P = 2026-05, lookback 3: W = 2026-03..2026-05
        DeceasedPaid rule = new DeceasedPaid();
        CheckParameters three = CheckEngine.of(List.of(rule)).defaultParameters().with("lookback", "3");
        CheckResult result = base().run(dir, "2026-05", three, rule);
        assertThat(result.windowFrom()).isEqualTo(YearMonth.of(2026, 3));

        Clue zhang = result.clues().get(0);
        assertThat(zhang.subject()).isEqualTo("E1/" + ZHANG);
        // died 2026-03: 2026-04 and 2026-05 count, 2 x 333.3333333333
        assertThat(zhang.periodFrom()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(zhang.periodTo()).isEqualTo(YearMonth.of(2026, 5));
        assertThat(zhang.amountAtRisk()).isEqualByComparingTo("666.67");
        assertThat(zhang.evidence()).endsWith("\"parameters\":{\"period\":\"2026-05\",\"lookback\":3}}");

        Clue wang = result.clues().get(1);
        // died 2025-08: only 2026-03 (failed, then succeeded), 2026-04 and 2026-05 are in W
        assertThat(wang.periodFrom()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(wang.amountAtRisk()).isEqualByComparingTo("2941.50");
        assertThat(result.clues()).hasSize(2);
    }

    @Test
    void sharesAreRoundedToTenDecimalsBeforeTheyAreSummed() {
        // six covered members, 100.01 a month: each share 16.6683333333 (100.01 / 6 rounded to 10 decimals);
        // three of them sum to 50.0049999999, which is 50.00 (exact division would give 50.005 -> 50.01)
        String[] six = {id("37152619700101011"), id("37152619700101021"), id("37152619700101031"),
                id("37152619700101041"), id("37152619700101051"), id("37152619700101061")};
        CheckFixture f = new CheckFixture()
                .rows("households", "H9," + VILLAGE_2 + "," + six[0] + ",RURAL")
                .rows("enrollments", "E9,DIBAO_RURAL,H9," + six[0] + ",ACTIVE,2026-01-05,2026-01,,100.01,")
                .monthlyPayments("E9", "2026-06", "2026-10", "100.01")
                .table("deaths", "id_no,death_date,source", six[3] + ",2026-07-01,POLICE");
        for (String s : six) {
            f.rows("persons", s + ",钱多多,H9").rows("enrollment_members", "E9," + s);
        }
        List<Clue> clues = f.run(dir, "2026-10", new DeceasedPaid()).clues();
        assertThat(clues).hasSize(1);
        assertThat(clues.get(0).amountAtRisk()).isEqualByComparingTo("50.00");
        assertThat(clues.get(0).periodFrom()).isEqualTo(YearMonth.of(2026, 8));
        assertThat(clues.get(0).evidence()).contains("\"share\":16.6683333333");
    }

    @Test
    void withoutDeathsNothingFiresAndTheDatasetIsRecordedAsAbsent() {
        CheckResult result = base().remove("deaths").run(dir, "2026-10", new DeceasedPaid());
        assertThat(result.clues()).isEmpty();
        assertThat(result.absent()).containsExactly("deaths");
    }
}
