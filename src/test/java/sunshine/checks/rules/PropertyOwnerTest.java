package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.COUNTY;
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

/** A04 PROPERTY_OWNER on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class PropertyOwnerTest {

    // H1 DIBAO_URBAN (3): the couple's flat on one certificate since 2010, the son's flat of 2026-02-23
    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");
    static final String SON = id("37152619800303003");
    // H2 DIBAO_RURAL (2): one flat on two names and a garage
    static final String HE = id("37152619610101011");
    static final String HE_WIFE = id("37152619620101012");
    // H3 TEKUN: a shop
    static final String WANG = id("37152619400404004");
    // H5 DIBAO_RURAL: a second flat registered after P
    static final String QIAN = id("37152619710707007");
    // H6 DIBAO_RURAL: two flats (the second from 2026-09), an office from 2026-04
    static final String ZHOU = id("37152619720808008");
    // H7 ORPHAN: not means-tested
    static final String SUN = id("37152620100606006");

    @TempDir
    Path dir;

    private CheckFixture fixture() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",URBAN",
                        "H2," + VILLAGE_2 + "," + HE + ",RURAL",
                        "H3," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H5," + VILLAGE_2 + "," + QIAN + ",RURAL",
                        "H6," + VILLAGE_1 + "," + ZHOU + ",RURAL",
                        "H7," + VILLAGE_1 + "," + SUN + ",URBAN")
                .rows("persons",
                        ZHANG + ",张三丰,H1", LI + ",李秀英,H1", SON + ",张小明,H1", HE + ",何一,H2",
                        HE_WIFE + ",何二,H2", WANG + ",王建国,H3", QIAN + ",钱八,H5", ZHOU + ",周九,H6",
                        SUN + ",孙小七,H7")
                .rows("enrollments",
                        "E1,DIBAO_URBAN,H1," + ZHANG + ",ACTIVE,2024-12-20,2025-01,,1000.00,200.00",
                        "E2,DIBAO_RURAL,H2," + HE + ",ACTIVE,2023-01-10,2023-02,,400.00,200.00",
                        "E3,TEKUN,H3," + WANG + ",ACTIVE,2020-03-01,2020-03,,980.50,",
                        "E5,DIBAO_RURAL,H5," + QIAN + ",ACTIVE,2022-01-10,2022-02,,650.00,100.00",
                        "E6,DIBAO_RURAL,H6," + ZHOU + ",ACTIVE,2022-01-10,2022-02,,650.00,100.00",
                        "E7,ORPHAN,H7," + SUN + ",ACTIVE,2021-01-10,2021-02,,1500.00,")
                .rows("enrollment_members",
                        "E1," + ZHANG, "E1," + LI, "E1," + SON, "E2," + HE, "E2," + HE_WIFE, "E3," + WANG,
                        "E5," + QIAN, "E6," + ZHOU, "E7," + SUN)
                .monthlyPayments("E1", "2025-10", "2026-10", "1000.00")
                .monthlyPayments("E2", "2025-11", "2026-10", "400.00")
                .monthlyPayments("E3", "2025-09", "2026-10", "980.50")
                .monthlyPayments("E5", "2025-11", "2026-10", "650.00")
                .monthlyPayments("E6", "2025-11", "2026-10", "650.00")
                .monthlyPayments("E7", "2025-11", "2026-10", "1500.00")
                .rows("bank_receipts", "E3-2026-02,6228,980.50,FAILED,2026-02-06")
                .table("properties", "id_no,certificate_no,usage,area_sqm,region_code,registered_date",
                        ZHANG + ",鲁(2010)高唐县不动产权第0000001号,RESIDENTIAL,78.50," + VILLAGE_1 + ",2010-05-01",
                        LI + ",鲁(2010)高唐县不动产权第0000001号,住宅,78.50," + VILLAGE_1 + ",2010-05-01",
                        SON + ",鲁(2026)高唐县不动产权第0000002号,RESIDENTIAL,95,," + "2026-02-23",
                        HE + ",鲁(2015)高唐县不动产权第0000003号,RESIDENTIAL,66," + VILLAGE_2 + ",2015-01-01",
                        HE_WIFE + ",鲁(2015)高唐县不动产权第0000003号,RESIDENTIAL,66," + VILLAGE_2 + ",2015-01-01",
                        HE + ",鲁(2020)高唐县不动产权第0000004号,OTHER,18," + VILLAGE_2 + ",2020-01-01",
                        WANG + ",鲁(2024)高唐县不动产权第0000005号,商业,40," + COUNTY + ",2024-08-03",
                        QIAN + ",鲁(2015)高唐县不动产权第0000006号,RESIDENTIAL,70,,2015-01-01",
                        QIAN + ",鲁(2026)高唐县不动产权第0000007号,RESIDENTIAL,80,,2026-11-05",
                        ZHOU + ",鲁(2015)高唐县不动产权第0000008号,RESIDENTIAL,70,,2015-01-01",
                        ZHOU + ",鲁(2026)高唐县不动产权第0000009号,RESIDENTIAL,80,,2026-09-15",
                        ZHOU + ",鲁(2026)高唐县不动产权第0000010号,OFFICE,120,,2026-04-10",
                        SUN + ",鲁(2019)高唐县不动产权第0000011号,INDUSTRIAL,500,,2019-01-01");
    }

    private static CheckParameters defaults() {
        return CheckEngine.of(List.of(new PropertyOwner())).defaultParameters();
    }

    @Test
    void firesFromTheDateTheConditionHeldWithTheWholePayments() {
        List<Clue> clues = fixture().run(dir, "2026-10", new PropertyOwner()).clues();
        assertThat(clues).extracting(Clue::subject).containsExactly("E1", "E3", "E6");

        Clue flats = clues.get(0);
        assertThat(flats.rule()).isEqualTo("A04");
        assertThat(flats.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(flats.enrollmentId()).isEqualTo("E1");
        assertThat(flats.householdId()).isEqualTo("H1");
        assertThat(flats.idNo()).as("the payee").isEqualTo(ZHANG);
        assertThat(flats.cardNo()).isNull();
        assertThat(flats.regionCode()).isEqualTo(VILLAGE_1);
        // the joint certificate is one flat; the second flat from 2026-02-23: 2026-02..10, 9 x 1000.00
        assertThat(flats.periodFrom()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(flats.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(flats.amountAtRisk()).isEqualByComparingTo("9000.00");
        assertThat(flats.owed()).isNull();
        assertThat(flats.explanation()).isEqualTo("保障对象名下有住宅2套（超过1套），自2026年2月23日起不符合城市低保条件；"
                + "2026年2月起发放低保金9个月，共计9,000.00元");
        assertThat(flats.evidence())
                .startsWith("{\"residential\":2,\"non_residential\":0,\"residential_over_limit_date\":\"2026-02-23\","
                        + "\"non_residential_date\":null,\"condition_from\":\"2026-02-23\",\"properties\":[{\"id_no\":\""
                        + ZHANG + "\",\"certificate_no\":\"鲁(2010)高唐县不动产权第0000001号\",\"usage\":\"RESIDENTIAL\","
                        + "\"area_sqm\":78.5,\"region_code\":\"" + VILLAGE_1 + "\",\"registered_date\":\"2010-05-01\"}")
                .contains("{\"payment_id\":\"E1-2026-02\",\"period\":\"2026-02\",\"amount\":1000.00}")
                .doesNotContain("E1-2026-01", "\"share\"")
                .endsWith("\"A04.max_residential\":\"1\"}}");

        Clue shop = clues.get(1);
        // a shop since 2024: every made payment of W (2026-02 failed)
        assertThat(shop.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(shop.amountAtRisk()).isEqualByComparingTo("10785.50");
        assertThat(shop.explanation()).isEqualTo("保障对象名下有商业/办公/工业用房1处，自2024年8月3日起不符合"
                + "特困人员救助供养条件；窗口期内发放特困供养金11个月，共计10,785.50元");

        Clue office = clues.get(2);
        // the office (2026-04-10) comes before the second flat (2026-09-15): 2026-04..10, 7 x 650.00
        assertThat(office.periodFrom()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(office.amountAtRisk()).isEqualByComparingTo("4550.00");
        assertThat(office.evidence()).contains("\"residential\":2,\"non_residential\":1,"
                + "\"residential_over_limit_date\":\"2026-09-15\",\"non_residential_date\":\"2026-04-10\","
                + "\"condition_from\":\"2026-04-10\"");
    }

    @Test
    void oneJointFlatAGarageAFlatRegisteredAfterPAndNonMeansTestedDoNotFire() {
        List<Clue> clues = fixture().run(dir, "2026-10", new PropertyOwner()).clues();
        assertThat(clues).extracting(Clue::enrollmentId).doesNotContain("E2", "E5", "E7");
    }

    @Test
    void moreResidentialPropertiesMayBeAllowed() {
        PropertyOwner rule = new PropertyOwner();
        CheckResult result = fixture().run(dir, "2026-10", defaults().with("A04.max_residential", "2"), rule);
        assertThat(result.clues()).extracting(Clue::subject).containsExactly("E3", "E6");
        assertThat(result.clues().get(1).evidence()).contains("\"residential_over_limit_date\":null");
    }
}
