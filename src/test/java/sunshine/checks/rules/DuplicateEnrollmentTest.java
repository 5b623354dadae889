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

/** A08 DUPLICATE_ENROLLMENT on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class DuplicateEnrollmentTest {

    // H1: FATHER covered by the household's DIBAO_RURAL (with SON) and by TEKUN of his own (approved later)
    static final String FATHER = id("37152619400101001");
    static final String SON = id("37152619700101002");
    // H3 / H4: WIFE covered by her parents' DIBAO_URBAN and by her husband's (approved later)
    static final String MOTHER = id("37152619450303003");
    static final String WIFE = id("37152619750303004");
    static final String HUSBAND = id("37152619730404005");
    // H5: two care subsidies approved the same day
    static final String X = id("37152619600505006");
    // H6: DIBAO until 2026-03, TEKUN from 2026-04; also the disability living subsidy (another family)
    static final String OLD = id("37152619350606007");

    @TempDir
    Path dir;

    private List<Clue> run() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + FATHER + ",RURAL",
                        "H3," + VILLAGE_1 + "," + MOTHER + ",URBAN",
                        "H4," + VILLAGE_2 + "," + HUSBAND + ",URBAN",
                        "H5," + VILLAGE_2 + "," + X + ",RURAL",
                        "H6," + VILLAGE_2 + "," + OLD + ",RURAL")
                .rows("persons", FATHER + ",冯大,H1", SON + ",冯二,H1", MOTHER + ",葛母,H3", WIFE + ",葛女,H4",
                        HUSBAND + ",石夫,H4", X + ",钱某,H5", OLD + ",老周,H6")
                .rows("enrollments",
                        "E1,DIBAO_RURAL,H1," + FATHER + ",ACTIVE,2020-01-10,2020-02,,400.00,510.00",
                        "E2,TEKUN,H1," + FATHER + ",ACTIVE,2024-01-01,2024-02,,920.00,",
                        "E3,DIBAO_URBAN,H3," + MOTHER + ",ACTIVE,2019-01-10,2019-02,,600.00,590.00",
                        "E4,DIBAO_URBAN,H4," + HUSBAND + ",ACTIVE,2025-05-01,2025-06,,1200.00,290.00",
                        "E5,DISABILITY_CARE,H5," + X + ",ACTIVE,2026-08-15,2026-09,,125.00,",
                        "E6,DISABILITY_CARE,H5," + X + ",ACTIVE,2026-08-15,2026-09,,125.00,",
                        "E7,DIBAO_RURAL,H6," + OLD + ",TERMINATED,2015-01-10,2015-02,2026-03,300.00,410.00",
                        "E8,TEKUN,H6," + OLD + ",ACTIVE,2026-03-20,2026-04,,920.00,",
                        "E9,DISABILITY_LIVING,H6," + OLD + ",ACTIVE,2015-01-10,2015-02,,105.00,")
                .rows("enrollment_members", "E1," + FATHER, "E1," + SON, "E2," + FATHER, "E3," + MOTHER,
                        "E3," + WIFE, "E4," + HUSBAND, "E4," + WIFE, "E5," + X, "E6," + X, "E7," + OLD, "E8," + OLD,
                        "E9," + OLD)
                .monthlyPayments("E1", "2025-10", "2026-10", "400.00")
                .monthlyPayments("E2", "2025-10", "2026-10", "920.00")
                .monthlyPayments("E3", "2025-11", "2026-10", "600.00")
                .monthlyPayments("E4", "2026-01", "2026-10", "1200.00")
                .monthlyPayments("E5", "2026-09", "2026-10", "125.00")
                .monthlyPayments("E6", "2026-09", "2026-10", "125.00")
                .monthlyPayments("E7", "2025-11", "2026-03", "300.00")
                .monthlyPayments("E8", "2026-04", "2026-10", "920.00")
                .monthlyPayments("E9", "2025-11", "2026-10", "105.00")
                // E2's payment for 2026-03 failed: that month the father was paid once
                .rows("bank_receipts", "E2-2026-03,6228,920.00,FAILED,2026-03-06")
                .run(dir, "2026-10", new DuplicateEnrollment())
                .clues();
    }

    @Test
    void firesForMonthsPaidByTwoEnrollmentsOfOneFamily() {
        List<Clue> clues = run();
        assertThat(clues).extracting(Clue::subject).containsExactly(FATHER, X, WIFE);

        Clue father = clues.get(0);
        assertThat(father.rule()).isEqualTo("A08");
        assertThat(father.severity()).isEqualTo(Severity.HIGH);
        assertThat(father.variant()).isEmpty();
        // the enrollment approved last: TEKUN
        assertThat(father.enrollmentId()).isEqualTo("E2");
        assertThat(father.householdId()).isEqualTo("H1");
        assertThat(father.idNo()).isEqualTo(FATHER);
        assertThat(father.cardNo()).isNull();
        assertThat(father.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(father.periodFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(father.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        // shares 200.00 (400 / 2) and 920.00: 200.00 a month for 11 months (2026-03 failed)
        assertThat(father.amountAtRisk()).isEqualByComparingTo("2200.00");
        assertThat(father.owed()).isNull();
        assertThat(father.explanation()).isEqualTo("冯*同时被E1（农村低保）、E2（特困人员救助供养）保障，11个月重复领取"
                + "（2025年11月至2026年10月），重复部分按其份额计2,200.00元");
        assertThat(father.evidence())
                .startsWith("{\"enrollments\":[{\"enrollment_id\":\"E1\",\"program\":\"DIBAO_RURAL\","
                        + "\"household_id\":\"H1\",\"approved_date\":\"2020-01-10\",\"covered\":2},"
                        + "{\"enrollment_id\":\"E2\",\"program\":\"TEKUN\"")
                .contains("{\"family\":\"SUBSISTENCE\",\"period\":\"2025-11\",\"enrollments\":[{\"enrollment_id\":"
                        + "\"E1\",\"program\":\"DIBAO_RURAL\",\"paid\":400.00,\"share\":200.00},{\"enrollment_id\":"
                        + "\"E2\",\"program\":\"TEKUN\",\"paid\":920.00,\"share\":920.00}],\"duplicate\":200.00}")
                .doesNotContain("\"period\":\"2026-03\"", "2025-10");
    }

    @Test
    void theEnrollmentApprovedLastNamesTheHousehold() {
        Clue wife = run().get(2);
        // shares 300.00 and 600.00 for 2026-01..10
        assertThat(wife.amountAtRisk()).isEqualByComparingTo("3000.00");
        assertThat(wife.enrollmentId()).isEqualTo("E4");
        assertThat(wife.householdId()).isEqualTo("H4");
        assertThat(wife.regionCode()).isEqualTo(VILLAGE_2);
        assertThat(wife.periodFrom()).isEqualTo(YearMonth.of(2026, 1));
    }

    @Test
    void onApprovalTiesTheLargestEnrollmentIdAndOtherFamiliesCountToo() {
        Clue care = run().get(1);
        assertThat(care.enrollmentId()).isEqualTo("E6");
        assertThat(care.amountAtRisk()).isEqualByComparingTo("250.00");
        assertThat(care.periodFrom()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(care.evidence()).contains("\"family\":\"DISABILITY_CARE\"");
    }

    @Test
    void aChangeOfProgramWithoutOverlapAndProgramsOfAnotherFamilyDoNotFire() {
        assertThat(run()).extracting(Clue::idNo).doesNotContain(OLD, SON, MOTHER, HUSBAND);
    }
}
