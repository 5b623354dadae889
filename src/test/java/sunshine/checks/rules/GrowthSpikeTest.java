package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
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

/** E02 GROWTH_SPIKE on tiny hand-written towns; P = 2026-10, compared with 2026-07 by default. */
class GrowthSpikeTest {

    @TempDir
    Path dir;

    /**
     * Towns 1-5: 10 persons paid from 2026-06, then 10, 11, 10, 12, 11 paid for P (x = 0, 0.1, 0, 0.2, 0.1).
     * Town 6: 10 persons paid from 2026-06, 20 more from 2026-08 (x = 2.0). Town 7: nobody paid for 2026-07.
     */
    private TownFixture towns() {
        TownFixture t = new TownFixture(new Long[] {100L, 100L, 100L, 100L, 100L, 100L, 100L},
                new Long[] {100L, 100L});
        int[] added = {0, 1, 0, 2, 1};
        for (int i = 1; i <= 5; i++) {
            t.paid(t.dibao(village(i), 10), "2026-06", "2026-10", "300.00");
            if (added[i - 1] > 0) {
                t.paid(t.dibao(village(i), added[i - 1]), "2026-08", "2026-10", "100.00");
            }
        }
        String[] base = new String[10];
        for (int i = 0; i < base.length; i++) {
            base[i] = t.person();
        }
        t.paid(t.household(village(6), "DIBAO_RURAL", "ACTIVE", "2020-02", null, base), "2026-06", "2026-10", "300.00");
        t.paid(t.household(village(6), 20, "DIBAO_URBAN", "ACTIVE", "2026-08", null), "2026-08", "2026-10", "600.00");
        // counted once: a base person also covered by another DIBAO enrollment paid for P
        t.paid(t.household(village(6), "DIBAO_RURAL", "ACTIVE", "2026-10", null, base[0]), "2026-10", "2026-10",
                "30.00");
        // not counted: a failed payment for P, a payment for another month, another program
        String failed = t.household(village(6), 10, "DIBAO_RURAL", "ACTIVE", "2026-10", null);
        t.paid(failed, "2026-10", "2026-10", "300.00");
        t.f.rows("bank_receipts", failed + "-2026-10,6228000001,300.00,FAILED,2026-10-06");
        t.paid(t.household(village(6), 10, "DIBAO_RURAL", "ACTIVE", "2026-09", null), "2026-09", "2026-09", "300.00");
        for (int i = 0; i < 10; i++) {
            t.paid(t.household(village(6), 1, "TEKUN", "ACTIVE", "2026-08", null), "2026-08", "2026-10", "900.00");
        }
        // town 7 paid nobody for 2026-07: no x
        t.paid(t.dibao(village(7), 10), "2026-09", "2026-10", "300.00");
        t.paid(t.dibao(smallVillage(1), 10), "2026-07", "2026-10", "300.00");
        t.paid(t.dibao(smallVillage(2), 10), "2026-07", "2026-10", "300.00");
        return t;
    }

    @Test
    void firesOnATownWhosePaidPersonsGrewFarMoreThanOthers() {
        List<Clue> clues = towns().f.run(dir, "2026-10", new GrowthSpike()).clues();
        assertThat(clues).extracting(Clue::subject).containsExactly(town(6));

        Clue c = clues.get(0);
        assertThat(c.rule()).isEqualTo("E02");
        assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(c.variant()).isEmpty();
        assertThat(c.regionCode()).isEqualTo(town(6));
        assertThat(c.enrollmentId()).isNull();
        assertThat(c.householdId()).isNull();
        assertThat(c.idNo()).isNull();
        assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2026, 7));
        assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(c.owed()).isNull();
        // x = 30 / 10 - 1 = 2.0; median 0.1, MAD 0.1: z = 1.9 / 0.14826 = 12.8153
        assertThat(c.explanation()).isEqualTo("清平镇2026年10月低保发放人数30人，较2026年7月的10人增长200.00%，"
                + "本县6个乡镇中位数10.00%，稳健z值12.82，增长异常");
        assertThat(c.evidence()).isEqualTo("{\"period\":\"2026-10\",\"compared_period\":\"2026-07\","
                + "\"dibao_persons_paid\":30,\"dibao_persons_paid_before\":10,\"x\":2.000000,\"median\":0.100000,"
                + "\"mad\":0.100000,\"z\":12.8153,\"distribution\":{\"towns\":6,\"scope\":\"COUNTY\","
                + "\"scale\":0.148260,\"scale_rule\":\"1.4826 * MAD\"},\"parameters\":{\"period\":\"2026-10\","
                + "\"lookback\":12,\"E.z\":\"3.5\",\"E02.months\":\"3\",\"E02.min_growth\":\"0.10\"}}");
    }

    @Test
    void theGrowthMustAlsoReachTheMinimum() {
        GrowthSpike rule = new GrowthSpike();
        CheckParameters p = CheckEngine.of(List.of(rule)).defaultParameters().with("E02.min_growth", "2.5");
        assertThat(towns().f.run(dir, "2026-10", p, rule).clues()).isEmpty();
    }

    @Test
    void theMonthsComparedAreAParameter() {
        GrowthSpike rule = new GrowthSpike();
        CheckParameters p = CheckEngine.of(List.of(rule)).defaultParameters().with("E02.months", "4");
        CheckResult result = towns().f.run(dir, "2026-10", p, rule);
        // 2026-06: as 2026-07 in towns 1-6; town 7 and the small county paid nobody then
        assertThat(result.clues()).extracting(Clue::subject).containsExactly(town(6));
        assertThat(result.clues().get(0).periodFrom()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(result.clues().get(0).evidence()).contains("\"compared_period\":\"2026-06\"")
                .contains("\"towns\":6,\"scope\":\"COUNTY\"");
    }
}
