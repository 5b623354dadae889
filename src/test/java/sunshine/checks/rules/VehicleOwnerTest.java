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

/** A03 VEHICLE_OWNER on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class VehicleOwnerTest {

    // H1 DIBAO_URBAN, three covered members: SON bought a car in 2026-06; LI has exempt vehicles only
    static final String ZHANG = id("37152619500101001");
    static final String LI = id("37152619520202002");
    static final String SON = id("37152619800303003");
    // H2 TEKUN: a truck of unknown price for years
    static final String WANG = id("37152619400404004");
    // H3 DIBAO_RURAL: near misses only
    static final String ZHAO = id("37152619600505005");
    // H4 ORPHAN: not means-tested
    static final String SUN = id("37152620100606006");
    // H5 DIBAO_RURAL: a car of exactly 50,000 registered on the last day of P
    static final String QIAN = id("37152619710707007");
    // a grown-up son in H3 who is not covered
    static final String WORKER = id("37152619900808008");

    @TempDir
    Path dir;

    private CheckFixture fixture() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + ZHANG + ",URBAN",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + ZHAO + ",RURAL",
                        "H4," + VILLAGE_1 + "," + SUN + ",URBAN",
                        "H5," + VILLAGE_2 + "," + QIAN + ",RURAL")
                .rows("persons",
                        ZHANG + ",张三丰,H1", LI + ",李秀英,H1", SON + ",张小明,H1", WANG + ",王建国,H2",
                        ZHAO + ",赵六,H3", WORKER + ",赵小六,H3", SUN + ",孙小七,H4", QIAN + ",钱八,H5")
                .rows("enrollments",
                        "E1,DIBAO_URBAN,H1," + ZHANG + ",ACTIVE,2024-12-20,2025-01,,1000.00,200.00",
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2020-03-01,2020-03,,980.50,",
                        "E3,DIBAO_RURAL,H3," + ZHAO + ",ACTIVE,2023-01-10,2023-02,,650.00,100.00",
                        "E4,ORPHAN,H4," + SUN + ",ACTIVE,2021-01-10,2021-02,,1500.00,",
                        "E5,DIBAO_RURAL,H5," + QIAN + ",ACTIVE,2022-01-10,2022-02,,650.00,100.00")
                .rows("enrollment_members",
                        "E1," + ZHANG, "E1," + LI, "E1," + SON, "E2," + WANG, "E3," + ZHAO, "E4," + SUN,
                        "E5," + QIAN)
                .monthlyPayments("E1", "2025-10", "2026-10", "1000.00")
                .monthlyPayments("E2", "2025-09", "2026-10", "980.50")
                .monthlyPayments("E3", "2025-11", "2026-10", "650.00")
                .monthlyPayments("E4", "2025-11", "2026-10", "1500.00")
                .monthlyPayments("E5", "2025-11", "2026-10", "650.00")
                .rows("bank_receipts", "E2-2026-02,6228,980.50,FAILED,2026-02-06")
                .table("vehicles", "id_no,plate_no,vehicle_type,usage,registered_date,purchase_price,status",
                        SON + ",鲁P12345,CAR,PRIVATE,2026-06-29,128000.00,ACTIVE",
                        LI + ",鲁P20001,MOTORCYCLE,PRIVATE,2019-01-01,,ACTIVE",
                        LI + ",鲁P20002,三轮汽车,非营运,2020-01-01,60000.00,正常",
                        WANG + ",鲁P30001,TRUCK,OPERATING,2015-03-01,,ACTIVE",
                        // cheap, scrapped, registered after P, exempt types whatever the price
                        ZHAO + ",鲁P40001,CAR,PRIVATE,2020-01-01,49999.99,ACTIVE",
                        ZHAO + ",鲁P40002,CAR,PRIVATE,2018-01-01,150000.00,SCRAPPED",
                        ZHAO + ",鲁P40003,CAR,PRIVATE,2026-11-02,90000.00,ACTIVE",
                        ZHAO + ",鲁P40004,AGRICULTURAL,PRIVATE,2020-01-01,65000.00,ACTIVE",
                        ZHAO + ",鲁P40005,LOW_SPEED,PRIVATE,2020-01-01,,ACTIVE",
                        ZHAO + ",鲁P40006,MOBILITY,PRIVATE,2020-01-01,,ACTIVE",
                        // a household member who is not covered
                        WORKER + ",鲁P40007,CAR,PRIVATE,2021-01-01,120000.00,ACTIVE",
                        SUN + ",鲁P50001,CAR,PRIVATE,2020-01-01,200000.00,ACTIVE",
                        QIAN + ",鲁P60001,BUS,PRIVATE,2026-10-31,50000.00,ACTIVE");
    }

    private static CheckParameters defaults() {
        return CheckEngine.of(List.of(new VehicleOwner())).defaultParameters();
    }

    private CheckResult run(CheckParameters parameters) {
        return fixture().run(dir, "2026-10", parameters, new VehicleOwner());
    }

    @Test
    void firesForACoveredMembersQualifyingVehicle() {
        List<Clue> clues = run(defaults()).clues();
        assertThat(clues).extracting(Clue::subject).containsExactly("E1/" + SON, "E2/" + WANG, "E5/" + QIAN);

        Clue car = clues.get(0);
        assertThat(car.rule()).isEqualTo("A03");
        assertThat(car.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(car.enrollmentId()).isEqualTo("E1");
        assertThat(car.householdId()).isEqualTo("H1");
        assertThat(car.idNo()).isEqualTo(SON);
        assertThat(car.cardNo()).isNull();
        assertThat(car.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(car.periodFrom()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(car.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        // 5 x 333.3333333333 = 1666.6666666665
        assertThat(car.amountAtRisk()).isEqualByComparingTo("1666.67");
        assertThat(car.owed()).isNull();
        assertThat(car.explanation()).isEqualTo("张*明名下有小型汽车鲁P12345（2026年6月29日登记，购置价格128,000.00元），"
                + "仍享受城市低保；2026年6月起发放低保金5个月，按其份额（户内保障3人）计1,666.67元");
        assertThat(car.evidence())
                .startsWith("{\"registered_date\":\"2026-06-29\",\"vehicles\":[{\"plate_no\":\"鲁P12345\","
                        + "\"vehicle_type\":\"CAR\",\"usage\":\"PRIVATE\",\"registered_date\":\"2026-06-29\","
                        + "\"purchase_price\":128000.00,\"status\":\"ACTIVE\"}],\"program\":\"DIBAO_URBAN\"")
                .contains("\"A03.exempt_types\":\"AGRICULTURAL,LOW_SPEED,MOBILITY,MOTORCYCLE,TRICYCLE\"",
                        "\"A03.vehicle_price\":\"50000.00\"");

        Clue truck = clues.get(1);
        assertThat(truck.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(truck.amountAtRisk()).isEqualByComparingTo("10785.50");
        assertThat(truck.explanation()).startsWith("王*国名下有货车鲁P30001（2015年3月1日登记，购置价格不详），");

        Clue bus = clues.get(2);
        assertThat(bus.periodFrom()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(bus.amountAtRisk()).isEqualByComparingTo("650.00");
    }

    @Test
    void exemptCheapScrappedLaterUncoveredAndNotMeansTestedDoNotFire() {
        assertThat(run(defaults()).clues()).extracting(Clue::idNo).doesNotContain(LI, ZHAO, WORKER, SUN, ZHANG);
    }

    @Test
    void theExemptTypesAndThePriceAreParameters() {
        // only motorcycles exempt: LI's 60,000 tricycle of 2020 counts (her motorcycle still does not), and so do
        // ZHAO's farm, low-speed and mobility vehicles
        CheckResult tricycles = run(defaults().with("A03.exempt_types", "MOTORCYCLE"));
        assertThat(tricycles.clues()).extracting(Clue::idNo).containsExactly(LI, SON, WANG, ZHAO, QIAN);
        Clue li = tricycles.clues().get(0);
        assertThat(li.evidence()).startsWith("{\"registered_date\":\"2020-01-01\"").contains("鲁P20002")
                .doesNotContain("鲁P20001").contains("\"A03.exempt_types\":\"MOTORCYCLE\"");
        // every month of W: 12 x 333.3333333333
        assertThat(li.amountAtRisk()).isEqualByComparingTo("4000.00");

        // a higher price threshold: the 128,000 car still counts, the 50,000 bus does not
        CheckResult dearer = run(defaults().with("A03.vehicle_price", "50000.01"));
        assertThat(dearer.clues()).extracting(Clue::idNo).containsExactly(SON, WANG);
    }
}
