package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sunshine.checks.CheckFixture.COUNTY;
import static sunshine.checks.CheckFixture.OTHER_VILLAGE;
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
import sunshine.checks.CheckInputException;
import sunshine.checks.CheckResult;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/** A06 INCOME_UNDECLARED on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class IncomeUndeclaredTest {

    // H1 DIBAO_RURAL (2), pci 510: the son earns a wage base of 3,000 from 2026-06
    static final String A = id("37152619600101001");
    static final String B = id("37152619900101002");
    // H2 DIBAO_RURAL (2), pci 310: a pension of 920 a month (2026-02 not paid), unemployment money once
    static final String C = id("37152619500202003");
    static final String D = id("37152619550202004");
    // H3 DIBAO_RURAL (1), pci 150: a pension of exactly pci + tolerance
    static final String E = id("37152619450303005");
    // H4 TEKUN: not DIBAO
    static final String F = id("37152619400404006");
    // H5 DIBAO_URBAN (1) in the other county, where no standard is set; no pci declared
    static final String G = id("37150219500505007");
    // H6 DIBAO_RURAL (1), pci empty: a wage in 2026-05, a small pension in 2026-08 (the latest month with data)
    static final String H = id("37152619800606008");

    @TempDir
    Path dir;

    private CheckFixture fixture() {
        CheckFixture f = new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + A + ",RURAL",
                        "H2," + VILLAGE_2 + "," + C + ",RURAL",
                        "H3," + VILLAGE_2 + "," + E + ",RURAL",
                        "H4," + VILLAGE_1 + "," + F + ",RURAL",
                        "H5," + OTHER_VILLAGE + "," + G + ",URBAN",
                        "H6," + VILLAGE_1 + "," + H + ",RURAL")
                .rows("persons", A + ",甲一,H1", B + ",甲二,H1", C + ",乙一,H2", D + ",乙二,H2", E + ",丙一,H3",
                        F + ",丁一,H4", G + ",戊一,H5", H + ",己一,H6")
                .rows("enrollments",
                        "E1,DIBAO_RURAL,H1," + A + ",ACTIVE,2020-01-10,2020-02,,400.00,510.00",
                        "E2,DIBAO_RURAL,H2," + C + ",ACTIVE,2020-01-10,2020-02,,800.00,310.00",
                        "E3,DIBAO_RURAL,H3," + E + ",ACTIVE,2020-01-10,2020-02,,560.00,150.00",
                        "E4,TEKUN,H4," + F + ",ACTIVE,2020-01-10,2020-02,,920.00,",
                        "E5,DIBAO_URBAN,H5," + G + ",ACTIVE,2020-01-10,2020-02,,300.00,",
                        "E6,DIBAO_RURAL,H6," + H + ",ACTIVE,2020-01-10,2020-02,,500.00,")
                .rows("enrollment_members", "E1," + A, "E1," + B, "E2," + C, "E2," + D, "E3," + E, "E4," + F,
                        "E5," + G, "E6," + H)
                .monthlyPayments("E1", "2025-11", "2026-10", "400.00")
                .monthlyPayments("E2", "2025-11", "2026-10", "800.00")
                .monthlyPayments("E3", "2025-11", "2026-10", "560.00")
                .monthlyPayments("E4", "2025-11", "2026-10", "920.00")
                .monthlyPayments("E5", "2025-11", "2026-10", "300.00")
                .monthlyPayments("E6", "2025-11", "2026-10", "500.00")
                .rows("bank_receipts", "E2-2026-02,6228,800.00,FAILED,2026-02-06")
                .table("standards", "region_code,program,urban_rural,effective_month,monthly_standard",
                        COUNTY + ",DIBAO_RURAL,RURAL,2025-01,710.00",
                        COUNTY + ",DIBAO_URBAN,URBAN,2025-01,890.00")
                .table("social_insurance", "id_no,period,kind,monthly_amount");
        for (YearMonth m = YearMonth.of(2025, 11); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
            if (!m.isBefore(YearMonth.of(2026, 6))) {
                f.rows("social_insurance", B + "," + m + ",WAGE_BASE,3000.00");
            }
            f.rows("social_insurance", C + "," + m + ",养老金,920.00", E + "," + m + ",PENSION,250.00",
                    F + "," + m + ",PENSION,3000.00");
        }
        return f.rows("social_insurance",
                // before W: not read
                C + ",2025-10,PENSION,5000.00",
                D + ",2026-03,UNEMPLOYMENT,100.00",
                G + ",2026-09,PENSION,1000.00",
                H + ",2026-05,WAGE_BASE,2000.00",
                H + ",2026-08,PENSION,50.00");
    }

    private List<Clue> run() {
        return fixture().run(dir, "2026-10", new IncomeUndeclared()).clues();
    }

    @Test
    void ineligibleWhenTheLatestIncomeReachesTheStandard() {
        Clue wage = run().get(0);
        assertThat(wage.subject()).isEqualTo("E1");
        assertThat(wage.rule()).isEqualTo("A06");
        assertThat(wage.variant()).isEqualTo("INELIGIBLE");
        assertThat(wage.severity()).isEqualTo(Severity.HIGH);
        assertThat(wage.enrollmentId()).isEqualTo("E1");
        assertThat(wage.householdId()).isEqualTo("H1");
        assertThat(wage.idNo()).as("the payee").isEqualTo(A);
        assertThat(wage.cardNo()).isNull();
        assertThat(wage.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(wage.periodFrom()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(wage.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        // 2026-06..10: min(400.00, 3000.00 - 2 x 510.00) = 400.00 each month
        assertThat(wage.amountAtRisk()).isEqualByComparingTo("2000.00");
        assertThat(wage.owed()).isNull();
        assertThat(wage.explanation()).isEqualTo("户内保障2人，申报人均月收入510.00元；社保数据（缴费基数）显示5个月"
                + "人均月收入超过申报收入加容差100.00元，最高达1,500.00元，按差额计多发低保金2,000.00元；"
                + "2026年10月人均月收入1,500.00元已达到保障标准710.00元，不再符合低保条件");
        assertThat(wage.evidence())
                .startsWith("{\"program\":\"DIBAO_RURAL\",\"covered\":2,\"per_capita_income\":510.00,"
                        + "\"threshold\":1220.00,\"excess_months\":[{\"period\":\"2026-06\",\"detected\":3000.00,"
                        + "\"declared\":1020.00,\"paid\":400.00,\"counted\":400.00},")
                .contains("\"latest_month\":\"2026-10\",\"latest_detected\":3000.00,\"standard\":710.00",
                        "{\"id_no\":\"" + B + "\",\"period\":\"2026-06\",\"kind\":\"WAGE_BASE\","
                                + "\"monthly_amount\":3000.00}")
                .endsWith("\"A06.income_tolerance\":\"100.00\"}}");
    }

    @Test
    void understatedCountsOnlyMonthsWithAMadePaymentAndEveryKindOfIncome() {
        Clue pension = run().get(1);
        assertThat(pension.subject()).isEqualTo("E2");
        assertThat(pension.variant()).isEqualTo("UNDERSTATED");
        assertThat(pension.severity()).isEqualTo(Severity.MEDIUM);
        // 920 > (310 + 100) x 2 = 820 every month; 2026-02 was not paid (failed); 11 months of
        // min(800, 920 - 620) = 300, and 2026-03 with 100 of unemployment money: min(800, 1020 - 620) = 400
        assertThat(pension.amountAtRisk()).isEqualByComparingTo("3400.00");
        assertThat(pension.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(pension.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(pension.evidence()).doesNotContain("\"period\":\"2026-02\",\"detected\"")
                .contains("{\"period\":\"2026-03\",\"detected\":1020.00,\"declared\":620.00,\"paid\":800.00,"
                        + "\"counted\":400.00}")
                .doesNotContain("2025-10", "5000.00");
        assertThat(pension.explanation()).endsWith("按差额计多发低保金3,400.00元；收入未如实申报");
    }

    @Test
    void theVariantLooksAtTheLatestMonthWithDataAndAnUnknownStandardIsNoProofOfIneligibility() {
        List<Clue> clues = run();
        assertThat(clues).extracting(Clue::subject).containsExactly("E1", "E2", "E5", "E6");

        Clue unknownStandard = clues.get(2);
        assertThat(unknownStandard.variant()).isEqualTo("UNDERSTATED");
        // pci empty counts as 0: min(300.00, 1000.00)
        assertThat(unknownStandard.amountAtRisk()).isEqualByComparingTo("300.00");
        assertThat(unknownStandard.evidence()).contains("\"per_capita_income\":null", "\"standard\":null");

        Clue latest = clues.get(3);
        // 2026-05: 2000 > 100 -> min(500, 2000); 2026-08 (the latest month with data): 50 is not excess and is
        // below the standard, so the household is not found ineligible
        assertThat(latest.variant()).isEqualTo("UNDERSTATED");
        assertThat(latest.amountAtRisk()).isEqualByComparingTo("500.00");
        assertThat(latest.periodFrom()).isEqualTo(YearMonth.of(2026, 5));
        assertThat(latest.periodTo()).isEqualTo(YearMonth.of(2026, 5));
        assertThat(latest.evidence()).contains("\"latest_month\":\"2026-08\",\"latest_detected\":50.00");
    }

    @Test
    void incomeAtThePerCapitaIncomePlusTheToleranceAndOtherProgramsDoNotFire() {
        assertThat(run()).extracting(Clue::enrollmentId).doesNotContain("E3", "E4");
    }

    @Test
    void theToleranceIsAParameter() {
        IncomeUndeclared rule = new IncomeUndeclared();
        CheckResult result = fixture().run(dir, "2026-10",
                CheckEngine.of(List.of(rule)).defaultParameters().with("A06.income_tolerance", "99.99"), rule);
        assertThat(result.clues()).extracting(Clue::enrollmentId).contains("E3");
    }

    @Test
    void standardsAreRequired() {
        assertThatThrownBy(() -> fixture().remove("standards").run(dir, "2026-10", new IncomeUndeclared()))
                .isInstanceOf(CheckInputException.class).hasMessageContaining("standards");
    }
}
