package sunshine.supervision;

import java.math.BigDecimal;

/**
 * How many targets to draw: a fixed number, or computed by {@link SampleSize} from a confidence level and a
 * margin of error over the pool's size.
 *
 * @param size       FIXED: the number (1 to the pool's size)
 * @param confidence COMPUTED: e.g. 0.95
 * @param margin     COMPUTED: e.g. 0.05
 * @param proportion COMPUTED: the expected share with a problem; null for 0.5 (the largest sample)
 */
public record Sample(Mode mode, Integer size, BigDecimal confidence, BigDecimal margin, BigDecimal proportion) {

    public enum Mode {
        FIXED, COMPUTED
    }

    public static Sample fixed(int size) {
        return new Sample(Mode.FIXED, size, null, null, null);
    }

    public static Sample computed(String confidence, String margin) {
        return new Sample(Mode.COMPUTED, null, new BigDecimal(confidence), new BigDecimal(margin), null);
    }
}
