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
import sunshine.checks.CheckResult;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/** A02 BUSINESS_OWNER on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class BusinessOwnerTest {

    // H1 DIBAO_URBAN, three covered members: LI is the legal representative of a company
    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");
    static final String SON = id("37152619800303003");
    // H2 TEKUN: runs a shop (individual business) for years
    static final String WANG = id("37152619400404004");
    // H3 DIBAO_RURAL: near misses only
    static final String ZHAO = id("37152619600505005");
    // H4 DISABILITY_CARE: not means-tested
    static final String SUN = id("37152619700606006");
    // H5 DIBAO_RURAL: a company of exactly 100,000 established on the last day of P
    static final String QIAN = id("37152619710707007");
    // H6 DIBAO_RURAL, ACTIVE, last paid 2026-08: company established 2026-09
    static final String ZHOU = id("37152619720808008");
    // H7 DIBAO_URBAN terminated in 2024, nothing paid in W: not in scope
    static final String WU = id("37152619730909009");

    @TempDir
    Path dir;

    private CheckFixture fixture() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",URBAN",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL",
                        "H4," + VILLAGE_1 + "," + SUN + ",URBAN",
                        "H5," + VILLAGE_2 + "," + QIAN + ",RURAL",
                        "H6," + VILLAGE_2 + "," + ZHOU + ",RURAL",
                        "H7," + VILLAGE_1 + "," + WU + ",URBAN")
                .rows("persons",
                        ZHANG + ",张三丰,H1", LI + ",李秀英,H1", SON + ",张小明,H1", WANG + ",王建国,H2",
                        ZHAO + ",赵六,H3", SUN + ",孙七,H4", QIAN + ",钱八,H5", ZHOU + ",周九,H6", WU + ",吴十,H7")
                .rows("enrollments",
                        "E1,DIBAO_URBAN,H1," + ZHANG + ",ACTIVE,2024-12-20,2025-01,,1000.00,200.00",
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2020-03-01,2020-03,,980.50,",
                        "E3,DIBAO_RURAL,H3," + ZHAO + ",ACTIVE,2023-01-10,2023-02,,650.00,100.00",
                        "E4,DISABILITY_CARE,H4," + SUN + ",ACTIVE,2021-01-10,2021-02,,125.00,",
                        "E5,DIBAO_RURAL,H5," + QIAN + ",ACTIVE,2022-01-10,2022-02,,650.00,100.00",
                        "E6,DIBAO_RURAL,H6," + ZHOU + ",ACTIVE,2022-01-10,2022-02,,650.00,100.00",
                        "E7,DIBAO_URBAN,H7," + WU + ",TERMINATED,2018-01-10,2018-02,2024-12,500.00,300.00")
                .rows("enrollment_members",
                        "E1," + ZHANG, "E1," + LI, "E1," + SON, "E2," + WANG, "E3," + ZHAO, "E4," + SUN,
                        "E5," + QIAN, "E6," + ZHOU, "E7," + WU)
                .monthlyPayments("E1", "2025-10", "2026-10", "1000.00")
                .monthlyPayments("E2", "2025-09", "2026-10", "980.50")
                .monthlyPayments("E3", "2025-11", "2026-10", "650.00")
                .monthlyPayments("E4", "2025-11", "2026-10", "125.00")
                .monthlyPayments("E5", "2025-11", "2026-10", "650.00")
                .monthlyPayments("E6", "2025-11", "2026-08", "650.00")
                .monthlyPayments("E7", "2024-01", "2024-12", "500.00")
                // E2's payment for 2026-02 failed and was never made good: not made
                .rows("bank_receipts", "E2-2026-02,6228,980.50,FAILED,2026-02-06")
                .table("businesses",
                        "id_no,role,entity_name,credit_code,entity_type,status,registered_capital,established_date",
                        LI + ",LEGAL_REP,高唐县李氏商贸有限公司,91371526MA3C000001,ENTERPRISE,ACTIVE,500000.00,"
                                + "2026-03-14",
                        LI + ",经营者,李秀英便利店,,个体工商户,存续,,2026-05-01",
                        WANG + ",OWNER,王建国农资店,,INDIVIDUAL,ACTIVE,,2019-01-01",
                        // below the capital threshold, revoked, cancelled, established after P
                        ZHAO + ",LEGAL_REP,赵氏小作坊有限公司,,ENTERPRISE,ACTIVE,99999.99,2020-01-01",
                        ZHAO + ",SHAREHOLDER,赵氏实业有限公司,,ENTERPRISE,REVOKED,1000000.00,2020-01-01",
                        ZHAO + ",OWNER,赵六小卖部,,INDIVIDUAL,CANCELLED,,2020-01-01",
                        ZHAO + ",SHAREHOLDER,赵氏新材料有限公司,,ENTERPRISE,ACTIVE,,2026-11-02",
                        SUN + ",OWNER,孙七修车铺,,INDIVIDUAL,ACTIVE,,2020-01-01",
                        QIAN + ",LEGAL_REP,钱氏科技有限公司,,ENTERPRISE,ACTIVE,100000.00,2026-10-31",
                        ZHOU + ",SHAREHOLDER,周氏物流有限公司,,ENTERPRISE,ACTIVE,,2026-09-10",
                        WU + ",LEGAL_REP,吴氏商贸有限公司,,ENTERPRISE,ACTIVE,800000.00,2019-01-01");
    }

    private CheckResult run(CheckParameters parameters) {
        BusinessOwner rule = new BusinessOwner();
        return fixture().run(dir, "2026-10", parameters == null
                ? CheckEngine.of(List.of(rule)).defaultParameters() : parameters, rule);
    }

    private static CheckParameters defaults() {
        return CheckEngine.of(List.of(new BusinessOwner())).defaultParameters();
    }

    @Test
    void firesForEveryMeansTestedEnrollmentWhoseMemberOwnsAQualifyingEntity() {
        List<Clue> clues = run(null).clues();
        assertThat(clues).extracting(Clue::subject)
                .containsExactly("E1/" + LI, "E2/" + WANG, "E5/" + QIAN, "E6/" + ZHOU);

        Clue company = clues.get(0);
        assertThat(company.rule()).isEqualTo("A02");
        assertThat(company.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(company.variant()).isEmpty();
        assertThat(company.enrollmentId()).isEqualTo("E1");
        assertThat(company.householdId()).isEqualTo("H1");
        assertThat(company.idNo()).isEqualTo(LI);
        assertThat(company.cardNo()).isNull();
        assertThat(company.regionCode()).isEqualTo(VILLAGE_1);
        // the earliest qualifying entity, established 2026-03-14: 2026-03..10, 8 x 1000.00 / 3
        assertThat(company.periodFrom()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(company.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(company.amountAtRisk()).isEqualByComparingTo("2666.67");
        assertThat(company.owed()).isNull();
        assertThat(company.explanation()).isEqualTo("李*英系高唐县李氏商贸有限公司（企业，注册资本500,000.00元，"
                + "2026年3月14日成立）法定代表人（共2个市场主体），仍享受城市低保；2026年3月起发放低保金8个月，"
                + "按其份额（户内保障3人）计2,666.67元");
        assertThat(company.evidence())
                .startsWith("{\"established_date\":\"2026-03-14\",\"entities\":[{\"entity_name\":\"高唐县李氏商贸有限公司\","
                        + "\"credit_code\":\"91371526MA3C000001\",\"role\":\"LEGAL_REP\",\"entity_type\":\"ENTERPRISE\","
                        + "\"status\":\"ACTIVE\",\"registered_capital\":500000.00,\"established_date\":\"2026-03-14\"},"
                        + "{\"entity_name\":\"李秀英便利店\"")
                .contains("\"covered\":3", "\"share_rule\":\"amount / covered\"",
                        "{\"payment_id\":\"E1-2026-03\",\"period\":\"2026-03\",\"amount\":1000.00,"
                                + "\"share\":333.3333333333}")
                .doesNotContain("E1-2026-02")
                .endsWith("\"parameters\":{\"period\":\"2026-10\",\"lookback\":12,"
                        + "\"A02.enterprise_capital\":\"100000.00\",\"A02.include_individual\":\"true\"}}");

        Clue shop = clues.get(1);
        // a shop since 2019: every made payment of W, the whole amount (individual program), 2026-02 failed
        assertThat(shop.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(shop.amountAtRisk()).isEqualByComparingTo("10785.50");
        assertThat(shop.explanation()).isEqualTo("王*国系王建国农资店（个体工商户，2019年1月1日成立）经营者，"
                + "仍享受特困人员救助供养；窗口期内发放特困供养金11个月，共计10,785.50元");
        assertThat(shop.evidence()).contains("\"registered_capital\":null", "\"share_rule\":\"whole amount\"");
    }

    @Test
    void capitalExactlyAtTheThresholdAndEstablishedOnTheLastDayOfThePeriodCounts() {
        Clue clue = run(null).clues().stream().filter(c -> c.idNo().equals(QIAN)).findFirst().orElseThrow();
        assertThat(clue.periodFrom()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(clue.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(clue.amountAtRisk()).isEqualByComparingTo("650.00");
    }

    @Test
    void firesWithAmountZeroWhenNothingWasPaidAfterTheEntityWasEstablished() {
        Clue clue = run(null).clues().stream().filter(c -> c.idNo().equals(ZHOU)).findFirst().orElseThrow();
        assertThat(clue.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(clue.periodFrom()).isNull();
        assertThat(clue.periodTo()).isNull();
        assertThat(clue.explanation()).endsWith("2026年9月起无发放（窗口期内）");
    }

    @Test
    void nearMissesDoNotFire() {
        // small, revoked, cancelled, established after P (ZHAO); not means-tested (SUN); not in scope (WU);
        // members without entities (ZHANG, SON)
        assertThat(run(null).clues()).extracting(Clue::idNo).doesNotContain(ZHAO, SUN, WU, ZHANG, SON);
    }

    @Test
    void theParametersDecideWhichEntitiesCount() {
        // a higher capital threshold leaves LI's shop (from 2026-05) as her earliest qualifying entity
        CheckResult higher = run(defaults().with("A02.enterprise_capital", "600000"));
        Clue li = higher.clues().get(0);
        assertThat(li.subject()).isEqualTo("E1/" + LI);
        assertThat(li.periodFrom()).isEqualTo(YearMonth.of(2026, 5));
        // 6 x 333.3333333333 = 1999.9999999998
        assertThat(li.amountAtRisk()).isEqualByComparingTo("2000.00");
        assertThat(higher.clues()).extracting(Clue::idNo).doesNotContain(QIAN);

        // without individual businesses the shops do not count
        CheckResult companies = run(defaults().with("A02.include_individual", "false"));
        assertThat(companies.clues()).extracting(Clue::subject)
                .containsExactly("E1/" + LI, "E5/" + QIAN, "E6/" + ZHOU);
        assertThat(companies.clues().get(0).evidence()).doesNotContain("李秀英便利店");
    }

    @Test
    void withoutBusinessesNothingFires() {
        CheckResult result = fixture().remove("businesses").run(dir, "2026-10", new BusinessOwner());
        assertThat(result.clues()).isEmpty();
        assertThat(result.absent()).containsExactly("businesses");
    }
}
