package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.CheckFixture.OTHER_TOWN;
import static sunshine.checks.CheckFixture.OTHER_VILLAGE;
import static sunshine.checks.CheckFixture.TOWN;
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

/** A07 CROSS_REGION_DUPLICATE on a tiny hand-written folder; P = 2026-10, W = 2025-11..2026-10. */
class CrossRegionDuplicateTest {

    // H1 DIBAO_RURAL (2), 400.00 a month: B is also on 东昌府区's rural roll 2026-06..09 (and in this county's)
    static final String A = id("37152619600101001");
    static final String B = id("37152619620101002");
    // H2 TEKUN, 980.50: on other counties' urban and rural rolls (same family); 2026-10 not paid (failed)
    static final String WANG = id("37152619400404004");
    // H3 DIBAO_RURAL (1): on another county's roll of another family
    static final String C = id("37152619500303003");
    // H4 DISABILITY_LIVING: on another county's disability living roll (its own family)
    static final String D = id("37152619800505005");
    // H6 DIBAO_RURAL household in the other county: its roll entry is in this county
    static final String E = id("37150219700606006");

    @TempDir
    Path dir;

    private List<Clue> run() {
        return new CheckFixture()
                .rows("households",
                        "H1," + VILLAGE_1 + "," + A + ",RURAL",
                        "H2," + VILLAGE_2 + "," + WANG + ",RURAL",
                        "H3," + VILLAGE_2 + "," + C + ",RURAL",
                        "H4," + VILLAGE_1 + "," + D + ",RURAL",
                        "H6," + OTHER_VILLAGE + "," + E + ",RURAL")
                .rows("persons", A + ",甲一,H1", B + ",甲二,H1", WANG + ",王建国,H2", C + ",丙一,H3",
                        D + ",丁一,H4", E + ",戊一,H6")
                .rows("enrollments",
                        "E1,DIBAO_RURAL,H1," + A + ",ACTIVE,2020-01-10,2020-02,,400.00,510.00",
                        "E2,TEKUN,H2," + WANG + ",ACTIVE,2020-01-10,2020-02,,980.50,",
                        "E3,DIBAO_RURAL,H3," + C + ",ACTIVE,2020-01-10,2020-02,,300.00,400.00",
                        "E4,DISABILITY_LIVING,H4," + D + ",ACTIVE,2020-01-10,2020-02,,105.00,",
                        "E6,DIBAO_RURAL,H6," + E + ",ACTIVE,2020-01-10,2020-02,,300.00,400.00")
                .rows("enrollment_members", "E1," + A, "E1," + B, "E2," + WANG, "E3," + C, "E4," + D, "E6," + E)
                .monthlyPayments("E1", "2025-11", "2026-10", "400.00")
                .monthlyPayments("E2", "2025-11", "2026-10", "980.50")
                .monthlyPayments("E3", "2025-11", "2026-10", "300.00")
                .monthlyPayments("E4", "2025-11", "2026-10", "105.00")
                .monthlyPayments("E6", "2025-11", "2026-10", "300.00")
                .rows("bank_receipts", "E2-2026-10,6228,980.50,FAILED,2026-10-06")
                .table("other_rolls", "id_no,program,region_code,period,amount",
                        B + ",DIBAO_RURAL," + OTHER_TOWN + ",2026-06,300.00",
                        B + ",农村低保," + OTHER_TOWN + ",2026-07,300.00",
                        B + ",DIBAO_RURAL," + OTHER_TOWN + ",2026-08,300.00",
                        B + ",DIBAO_RURAL," + OTHER_TOWN + ",2026-09,150.00",
                        // outside W: not read
                        B + ",DIBAO_RURAL," + OTHER_TOWN + ",2025-10,300.00",
                        B + ",DIBAO_RURAL," + OTHER_TOWN + ",2026-11,300.00",
                        // this county's own roll
                        B + ",DIBAO_URBAN," + TOWN + ",2026-01,300.00",
                        WANG + ",DIBAO_URBAN,371502000000,2026-08,500.00",
                        WANG + ",DIBAO_URBAN,371502000000,2026-09,500.00",
                        WANG + ",DIBAO_URBAN,371502000000,2026-10,500.00",
                        // a county outside the registry, same month: other(2026-09) = 1,100.00
                        WANG + ",DIBAO_RURAL,130102000000,2026-09,600.00",
                        C + ",DISABILITY_LIVING," + OTHER_TOWN + ",2026-09,100.00",
                        C + ",ORPHAN," + OTHER_TOWN + ",2026-09,1000.00",
                        D + ",DISABILITY_LIVING,130102000000,2026-10,100.00",
                        D + ",DISABILITY_CARE,130102000000,2026-09,100.00",
                        E + ",DIBAO_RURAL," + TOWN + ",2026-10,200.00",
                        E + ",DIBAO_RURAL," + OTHER_TOWN + ",2026-09,200.00")
                .run(dir, "2026-10", new CrossRegionDuplicate())
                .clues();
    }

    @Test
    void firesForMonthsPaidHereAndListedOnAnotherCountysRollOfTheSameFamily() {
        List<Clue> clues = run();
        assertThat(clues).extracting(Clue::subject)
                .containsExactly("E1/" + B, "E2/" + WANG, "E4/" + D, "E6/" + E);

        Clue rural = clues.get(0);
        assertThat(rural.rule()).isEqualTo("A07");
        assertThat(rural.severity()).isEqualTo(Severity.HIGH);
        assertThat(rural.enrollmentId()).isEqualTo("E1");
        assertThat(rural.householdId()).isEqualTo("H1");
        assertThat(rural.idNo()).isEqualTo(B);
        assertThat(rural.cardNo()).isNull();
        assertThat(rural.regionCode()).isEqualTo(VILLAGE_1);
        assertThat(rural.periodFrom()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(rural.periodTo()).isEqualTo(YearMonth.of(2026, 9));
        // share 200.00 a month: min(200, 300) x 3 + min(200, 150)
        assertThat(rural.amountAtRisk()).isEqualByComparingTo("750.00");
        assertThat(rural.owed()).isNull();
        assertThat(rural.explanation()).isEqualTo("甲*同时在东昌府区领取同类救助4个月（2026年6月至2026年9月），"
                + "本地同期发放低保金，重复部分按其份额（户内保障2人）计750.00元");
        assertThat(rural.evidence())
                .startsWith("{\"program\":\"DIBAO_RURAL\",\"family\":\"SUBSISTENCE\",\"covered\":2,"
                        + "\"share_rule\":\"amount / covered\",\"months\":[{\"period\":\"2026-06\",\"paid\":400.00,"
                        + "\"share\":200.00,\"other_amount\":300.00,\"counted\":200.00},")
                .contains("{\"program\":\"DIBAO_RURAL\",\"region_code\":\"" + OTHER_TOWN + "\",\"period\":\"2026-07\","
                        + "\"amount\":300.00}")
                .doesNotContain("2025-10", "2026-11", "2026-01", TOWN);
    }

    @Test
    void programsOfOneFamilyAddUpAndOnlyPaidMonthsCount() {
        Clue tekun = run().get(1);
        // 2026-08: min(980.50, 500); 2026-09: min(980.50, 500 + 600); 2026-10 not paid here (failed)
        assertThat(tekun.amountAtRisk()).isEqualByComparingTo("1480.50");
        assertThat(tekun.periodFrom()).isEqualTo(YearMonth.of(2026, 8));
        assertThat(tekun.periodTo()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(tekun.explanation()).isEqualTo("王*国同时在东昌府区、外县（130102）领取同类救助2个月"
                + "（2026年8月至2026年9月），本地同期发放特困供养金，重复部分计1,480.50元");
    }

    @Test
    void everyOtherProgramIsAFamilyOfItsOwn() {
        List<Clue> clues = run();
        Clue living = clues.get(2);
        // the disability living subsidy elsewhere in 2026-10: min(105.00, 100.00); the care subsidy is not its family
        assertThat(living.amountAtRisk()).isEqualByComparingTo("100.00");
        assertThat(living.periodFrom()).isEqualTo(YearMonth.of(2026, 10));
        // a DIBAO household is not duplicated by disability or orphan rolls elsewhere
        assertThat(clues).extracting(Clue::idNo).doesNotContain(C, A);
    }

    @Test
    void anotherCountyIsJudgedFromTheHouseholdsCounty() {
        Clue other = run().get(3);
        // household in 371502: the roll of 371526 is another county's, the one of 371502 is its own
        assertThat(other.periodFrom()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(other.amountAtRisk()).isEqualByComparingTo("200.00");
        assertThat(other.regionCode()).isEqualTo(OTHER_VILLAGE);
        assertThat(other.explanation()).startsWith("戊*同时在高唐县领取同类救助1个月（2026年10月）");
    }
}
