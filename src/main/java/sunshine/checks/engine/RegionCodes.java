package sunshine.checks.engine;

/**
 * Region codes as the engine stores them: the 12 digits as a long (province 2, city 2, county 2, town 3, village 3
 * digits). Town, county and "prefix with trailing zeros ignored" are defined here once.
 * <p>
 * "Trailing zeros ignored" is read segment by segment (docs/rules-interpretation.md, Terms): a code stands for the
 * region it names and everything below it, so its significant prefix ends at its last non-zero <em>segment</em>
 * (371526100000, a town, is {@code 371526100}; 371526000000, a county, is {@code 371526}), never at its last
 * non-zero digit (which would make town 100 a prefix of towns 101 to 109).
 */
public final class RegionCodes {

    public static final long NONE = Long.MIN_VALUE;

    private static final long[] POW10 = new long[13];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private RegionCodes() {
    }

    public static long parse(String code12) {
        return code12 == null ? NONE : Long.parseLong(code12);
    }

    /** The 12 digits (with leading zeros kept); null for {@link #NONE}. */
    public static String text(long code) {
        if (code == NONE) {
            return null;
        }
        String s = Long.toString(code);
        return s.length() >= 12 ? s : "0".repeat(12 - s.length()) + s;
    }

    /** The town of a region: its first 9 digits followed by 000. */
    public static long town(long code) {
        return code == NONE ? NONE : code / 1000 * 1000;
    }

    /** The county of a region: its first 6 digits, as a 6-digit number. */
    public static int county(long code) {
        return code == NONE ? Integer.MIN_VALUE : (int) (code / 1_000_000);
    }

    /** The county of a region as a 12-digit region code (first 6 digits, then zeros). */
    public static long countyCode(long code) {
        return code == NONE ? NONE : code / 1_000_000 * 1_000_000;
    }

    /**
     * The significant digits of a code: 12 for a village, 9 for a town, 6 for a county, 4 for a city, 2 for a
     * province, 0 for all zeros (a segment of zeros at the end is ignored, whole segments only).
     */
    public static int significantDigits(long code) {
        if (code % 1000 != 0) {
            return 12;
        }
        if (code / 1000 % 1000 != 0) {
            return 9;
        }
        if (code / 1_000_000 % 100 != 0) {
            return 6;
        }
        if (code / 100_000_000 % 100 != 0) {
            return 4;
        }
        if (code / 10_000_000_000L != 0) {
            return 2;
        }
        return 0;
    }

    /**
     * Whether {@code ancestor}, trailing zero segments ignored, is a prefix of {@code code}: the ancestor is the
     * region itself or a region above it. Used for standards and for "staff covers a household".
     */
    public static boolean covers(long ancestor, long code) {
        if (ancestor == NONE || code == NONE) {
            return false;
        }
        long p = POW10[12 - significantDigits(ancestor)];
        return ancestor / p == code / p;
    }

    /** The code truncated to {@code digits} significant digits (2, 4, 6, 9 or 12) and padded with zeros. */
    public static long truncate(long code, int digits) {
        long p = POW10[12 - digits];
        return code / p * p;
    }
}
