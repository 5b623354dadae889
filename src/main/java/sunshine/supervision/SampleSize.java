package sunshine.supervision;

import sunshine.supervision.internal.Normal;

/**
 * The sample size for estimating a proportion: Cochran's n0 = z² p (1 − p) / e², with the finite population
 * correction n = n0 / (1 + (n0 − 1) / N), rounded up (a sample smaller than n would not reach the margin). z is
 * the two-sided normal quantile of the confidence level, z = Φ⁻¹(1 − (1 − c) / 2) (Wichura's AS 241, accurate
 * to about 1e-16). With p = 0.5 this is Krejcie and Morgan's (1970) table, which rounds to the nearest integer.
 */
public final class SampleSize {

    private SampleSize() {
    }

    /** The smallest sample reaching the margin: ⌈n⌉, at most the population. */
    public static int required(long population, double confidence, double margin, double proportion) {
        double n = exact(population, confidence, margin, proportion);
        return (int) Math.min(population, (long) Math.ceil(n - 1e-9));
    }

    /** n before rounding. */
    public static double exact(long population, double confidence, double margin, double proportion) {
        if (population < 1) {
            throw SupervisionException.invalid("总体数量至少为1", "the population must be at least 1");
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw SupervisionException.invalid("置信水平应在0.5和1之间，如0.95", "the confidence level is between 0.5 and 1, "
                    + "such as 0.95");
        }
        if (!(margin > 0 && margin <= 0.5)) {
            throw SupervisionException.invalid("允许误差应在0和0.5之间，如0.05", "the margin of error is between 0 and 0.5, "
                    + "such as 0.05");
        }
        if (!(proportion > 0 && proportion < 1)) {
            throw SupervisionException.invalid("预期比例应在0和1之间，如0.5", "the expected proportion is between 0 and 1, "
                    + "such as 0.5");
        }
        double z = z(confidence);
        double n0 = z * z * proportion * (1 - proportion) / (margin * margin);
        return n0 / (1 + (n0 - 1) / population);
    }

    /** The two-sided normal quantile of a confidence level (0.95 → 1.959963984540054). */
    public static double z(double confidence) {
        return Normal.quantile(1 - (1 - confidence) / 2);
    }
}
