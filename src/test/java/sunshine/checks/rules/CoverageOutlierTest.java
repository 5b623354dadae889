package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static sunshine.checks.rules.TownFixture.smallTown;
import static sunshine.checks.rules.TownFixture.smallVillage;
import static sunshine.checks.rules.TownFixture.town;
import static sunshine.checks.rules.TownFixture.village;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.checks.CheckEngine;
import sunshine.checks.CheckParameters;
import sunshine.checks.CheckResult;
import sunshine.checks.Clue;
import sunshine.checks.Severity;

/** E01 COVERAGE_OUTLIER on tiny hand-written towns; P = 2026-10. */
class CoverageOutlierTest {

    @TempDir
    Path dir;

    /**
     * County 371526: towns 1-5 cover 10, 11, 12, 10, 11 persons of 100; town 6 covers 40 of 100; town 7 has no
     * population (no x) and 60 persons. The small county: 11 and 90 of 100, measured against all 8 towns with an x.
     */
    private TownFixture towns() {
        TownFixture t = new TownFixture(new Long[] {100L, 100L, 100L, 100L, 100L, 100L, null}, new Long[] {100L, 100L});
        int[] covered = {10, 11, 12, 10, 11};
        for (int i = 1; i <= 5; i++) {
            t.dibao(village(i), covered[i - 1]);
        }
        // town 6: 40 distinct persons ACTIVE at P, counted once although one of them is covered twice
        String twice = t.person();
        String[] first = new String[25];
        first[0] = twice;
        for (int i = 1; i < first.length; i++) {
            first[i] = t.person();
        }
        t.household(village(6), "DIBAO_RURAL", "ACTIVE", "2020-02", null, first);
        t.household(village(6), 14, "DIBAO_URBAN", "ACTIVE", "2026-10", null);
        t.household(village(6), "DIBAO_URBAN", "ACTIVE", "2024-01", "2026-10", twice, t.person());
        // not counted: suspended, ended before P, starting after P, not DIBAO
        t.household(village(6), 20, "DIBAO_RURAL", "SUSPENDED", "2020-02", null);
        t.household(village(6), 20, "DIBAO_RURAL", "ACTIVE", "2020-02", "2026-09");
        t.household(village(6), 20, "DIBAO_RURAL", "ACTIVE", "2026-11", null);
        for (int i = 0; i < 20; i++) {
            t.household(village(6), 1, "TEKUN", "ACTIVE", "2020-02", null);
        }
        t.dibao(village(7), 60);
        t.dibao(smallVillage(1), 11);
        t.dibao(smallVillage(2), 90);
        return t;
    }

    @Test
    void firesOnTownsFarAboveTheirCountysMedian() {
        List<Clue> clues = towns().f.run(dir, "2026-10", new CoverageOutlier()).clues();
        // by subject: the small county's code comes first
        assertThat(clues).extracting(Clue::subject).containsExactly(smallTown(2), town(6));

        Clue c = clues.get(1);
        assertThat(c.rule()).isEqualTo("E01");
        assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(c.variant()).isEmpty();
        assertThat(c.regionCode()).isEqualTo(town(6));
        assertThat(c.enrollmentId()).isNull();
        assertThat(c.householdId()).isNull();
        assertThat(c.idNo()).isNull();
        assertThat(c.cardNo()).isNull();
        assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(c.owed()).isNull();
        // x = 0.40; county of 6 towns with x: median 0.11, MAD 0.01, z = 0.29 / 0.014826 = 19.5602
        assertThat(c.explanation()).isEqualTo("清平镇2026年10月低保保障面40.00%（在保40人÷户籍人口100人），"
                + "本县6个乡镇中位数11.00%，稳健z值19.56，保障面显著偏高");
        assertThat(c.evidence()).isEqualTo("{\"period\":\"2026-10\",\"dibao_persons_active\":40,\"population\":100,"
                + "\"x\":0.400000,\"median\":0.110000,\"mad\":0.010000,\"z\":19.5602,\"distribution\":{\"towns\":6,"
                + "\"scope\":\"COUNTY\",\"scale\":0.014826,\"scale_rule\":\"1.4826 * MAD\"},"
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12,\"E.z\":\"3.5\"}}");
    }

    @Test
    void aCountyWithFewerThanFiveTownsIsMeasuredAgainstAllTowns() {
        Clue c = towns().f.run(dir, "2026-10", new CoverageOutlier()).clues().get(0);
        // all 8 towns with x: median 0.11, MAD 0.01; z = 0.79 / 0.014826
        assertThat(c.regionCode()).isEqualTo(smallTown(2));
        assertThat(c.explanation()).contains("全部8个乡镇中位数11.00%");
        assertThat(c.evidence()).contains("\"x\":0.900000").contains("\"z\":53.2848")
                .contains("\"towns\":8,\"scope\":\"ALL_TOWNS\"");
    }

    @Test
    void aTownWithoutPopulationHasNoCoverage() {
        assertThat(towns().f.run(dir, "2026-10", new CoverageOutlier()).clues()).extracting(Clue::subject)
                .doesNotContain(town(7));
    }

    @Test
    void theThresholdIsAParameter() {
        CoverageOutlier rule = new CoverageOutlier();
        CheckParameters high = CheckEngine.of(List.of(rule)).defaultParameters().with("E.z", "20");
        CheckResult result = towns().f.run(dir, "2026-10", high, rule);
        assertThat(result.clues()).extracting(Clue::subject).containsExactly(smallTown(2));
        assertThat(result.clues().get(0).evidence()).endsWith("\"E.z\":\"20\"}}");
    }
}
