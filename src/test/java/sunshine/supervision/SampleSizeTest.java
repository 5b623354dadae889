package sunshine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample-size formula against known values. */
class SampleSizeTest {

    @Test
    void zIsTheTwoSidedNormalQuantile() {
        assertThat(SampleSize.z(0.95)).isCloseTo(1.959963984540054, within(1e-13));
        assertThat(SampleSize.z(0.99)).isCloseTo(2.5758293035489004, within(1e-13));
        assertThat(SampleSize.z(0.90)).isCloseTo(1.6448536269514722, within(1e-13));
        assertThat(SampleSize.z(0.999)).isCloseTo(3.2905267314918945, within(1e-12));
        // the tails of AS 241 (r > 5)
        assertThat(sunshine.supervision.internal.Normal.quantile(1e-12)).isCloseTo(-7.034483825859, within(1e-9));
    }

    @Test
    void withAnExpectedHalfItIsKrejcieAndMorgansTable() {
        // Krejcie & Morgan (1970), "Determining sample size for research activities", Table 1 (95%, ±5%, p = 0.5):
        // they round n to the nearest integer
        Map<Long, Integer> table = new LinkedHashMap<>();
        long[] n = {10, 15, 20, 30, 50, 100, 150, 200, 300, 500, 1000, 2000, 5000, 10000, 50000, 100000, 1000000};
        int[] s = {10, 14, 19, 28, 44, 80, 108, 132, 169, 217, 278, 322, 357, 370, 381, 383, 384};
        for (int i = 0; i < n.length; i++) {
            table.put(n[i], s[i]);
        }
        table.forEach((population, size) -> assertThat(Math.round(SampleSize.exact(population, 0.95, 0.05, 0.5)))
                .as("N = " + population).isEqualTo(size.longValue()));
    }

    @Test
    void theRequiredSizeIsRoundedUpAndNeverAboveThePopulation() {
        assertThat(SampleSize.required(1000, 0.95, 0.05, 0.5)).isEqualTo(278);     // 277.73
        assertThat(SampleSize.required(500, 0.95, 0.05, 0.5)).isEqualTo(218);      // 217.49
        assertThat(SampleSize.required(50, 0.95, 0.05, 0.5)).isEqualTo(45);        // 44.34
        // without a finite population Cochran's classic 385 (384.15)
        assertThat(SampleSize.required(Long.MAX_VALUE / 4, 0.95, 0.05, 0.5)).isEqualTo(385);
        // 99%, ±3%: n0 = 1843.03; N = 5000 → 1346.48
        assertThat(SampleSize.required(5000, 0.99, 0.03, 0.5)).isEqualTo(1347);
        // a smaller expected share needs fewer: 95%, ±5%, p = 0.1: n0 = 138.3; N = 2000 → 129.4
        assertThat(SampleSize.required(2000, 0.95, 0.05, 0.1)).isEqualTo(130);
        assertThat(SampleSize.required(1, 0.95, 0.05, 0.5)).isEqualTo(1);
        assertThat(SampleSize.required(7, 0.99, 0.01, 0.5)).isEqualTo(7);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> SampleSize.required(0, 0.95, 0.05, 0.5)).isInstanceOf(SupervisionException.class);
        assertThatThrownBy(() -> SampleSize.required(100, 1.0, 0.05, 0.5)).isInstanceOf(SupervisionException.class);
        assertThatThrownBy(() -> SampleSize.required(100, 0.95, 0, 0.5)).isInstanceOf(SupervisionException.class);
        assertThatThrownBy(() -> SampleSize.required(100, 0.95, 0.05, 1)).isInstanceOf(SupervisionException.class);
    }
}
