package sunshine.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;
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

/** E03 TOPUP_OUTLIER on tiny hand-written towns; P = 2026-10. */
class TopupOutlierTest {

    @TempDir
    Path dir;

    private static TownFixture fixture() {
        return new TownFixture(new Long[] {100L, 100L, 100L, 100L, 100L, 100L, 100L}, new Long[] {100L, 100L});
    }

    /** Towns 1-5: two persons paid 200, 210, 220, 200, 210 for P; town 6: two persons paid 600 in two payments. */
    private TownFixture towns() {
        TownFixture t = fixture();
        String[] paid = {"200.00", "210.00", "220.00", "200.00", "210.00"};
        for (int i = 1; i <= 5; i++) {
            t.paid(t.dibao(village(i), 2), "2026-09", "2026-10", paid[i - 1]);
        }
        String six = t.dibao(village(6), 2);
        t.paid(six, "2026-09", "2026-10", "500.33");
        // a second made payment for P counts too
        t.f.rows("payments", "DUP," + six + ",2026-10,99.67,CASH,,2026-10-20,,");
        // not counted: a failed payment for P, a payment for another month, another program
        String failed = t.dibao(village(6), 3);
        t.paid(failed, "2026-10", "2026-10", "900.00");
        t.f.rows("bank_receipts", failed + "-2026-10,6228000001,900.00,FAILED,2026-10-06");
        t.paid(t.dibao(village(6), 3), "2026-09", "2026-09", "900.00");
        t.paid(t.household(village(6), 1, "TEKUN", "ACTIVE", "2020-02", null), "2026-10", "2026-10", "900.00");
        // town 7 paid nothing for P: no x
        t.paid(t.dibao(village(7), 2), "2026-09", "2026-09", "9000.00");
        return t;
    }

    @Test
    void firesOnATownWhoseTopUpPerPersonIsFarAboveTheOthers() {
        List<Clue> clues = towns().f.run(dir, "2026-10", new TopupOutlier()).clues();
        assertThat(clues).extracting(Clue::subject).containsExactly(town(6));

        Clue c = clues.get(0);
        assertThat(c.rule()).isEqualTo("E03");
        assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(c.variant()).isEmpty();
        assertThat(c.regionCode()).isEqualTo(town(6));
        assertThat(c.enrollmentId()).isNull();
        assertThat(c.householdId()).isNull();
        assertThat(c.idNo()).isNull();
        assertThat(c.periodFrom()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.periodTo()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.amountAtRisk()).isEqualByComparingTo("0.00");
        assertThat(c.owed()).isNull();
        // x = 600.00 / 2 = 300; median 105, MAD 5: z = 195 / 7.413 = 26.3051
        assertThat(c.explanation()).isEqualTo("清平镇2026年10月低保人均发放300.00元（发放600.00元÷2人），"
                + "本县6个乡镇中位数105.00元，稳健z值26.31，补差水平显著偏高");
        assertThat(c.evidence()).isEqualTo("{\"period\":\"2026-10\",\"dibao_paid\":600.00,\"dibao_persons_paid\":2,"
                + "\"x\":300.000000,\"median\":105.000000,\"mad\":5.000000,\"z\":26.3051,\"distribution\":{"
                + "\"towns\":6,\"scope\":\"COUNTY\",\"scale\":7.413000,\"scale_rule\":\"1.4826 * MAD\"},"
                + "\"parameters\":{\"period\":\"2026-10\",\"lookback\":12,\"E.z\":\"3.5\"}}");
    }

    @Test
    void whereMadIsZeroTheMeanAbsoluteDeviationScales() {
        TownFixture t = fixture();
        for (int i = 1; i <= 5; i++) {
            t.paid(t.dibao(village(i), 2), "2026-10", "2026-10", "200.00");
        }
        t.paid(t.dibao(village(6), 2), "2026-10", "2026-10", "600.00");
        // x: 100 x 5 and 300; MAD 0; mean 133.33, mean absolute deviation 55.56, scale 69.6272: z = 2.8724
        TopupOutlier rule = new TopupOutlier();
        assertThat(t.f.run(dir, "2026-10", rule).clues()).isEmpty();
        CheckParameters low = CheckEngine.of(List.of(rule)).defaultParameters().with("E.z", "2.5");
        CheckResult result = t.f.run(dir, "2026-10", low, rule);
        assertThat(result.clues()).extracting(Clue::subject).containsExactly(town(6));
        assertThat(result.clues().get(0).evidence()).contains("\"mad\":0.000000,\"z\":2.8724")
                .contains("\"scale\":69.627778,\"scale_rule\":\"1.2533 * mean absolute deviation\"");
    }

    @Test
    void whereEveryTownIsTheSameNothingFires() {
        TownFixture t = fixture();
        for (int i = 1; i <= 6; i++) {
            t.paid(t.dibao(village(i), 2), "2026-10", "2026-10", "200.00");
        }
        TopupOutlier rule = new TopupOutlier();
        CheckParameters zero = CheckEngine.of(List.of(rule)).defaultParameters().with("E.z", "0");
        assertThat(t.f.run(dir, "2026-10", zero, rule).clues()).isEmpty();
    }
}
