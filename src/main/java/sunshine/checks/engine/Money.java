package sunshine.checks.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money as the engine computes it, never in floating point.
 * <ul>
 *   <li><b>cents</b>: a long, the amount in fen (1 yuan = 100). Every contract amount is whole cents.</li>
 *   <li><b>units</b>: a long, 10<sup>-10</sup> yuan (1 cent = 10<sup>8</sup> units). A covered member's
 *       share is {@code amount / covered} rounded HALF_UP to 10 decimals of a yuan (docs/rules-interpretation.md,
 *       "Share"): exactly one unit of this scale. Shares are summed in units and rounded once, at the end, to the
 *       cent with {@link #yuanOfUnits(long)}.</li>
 * </ul>
 * {@link #NONE} stands for an empty money cell (money is never negative in the contract).
 */
public final class Money {

    public static final long NONE = Long.MIN_VALUE;
    /** Units in a cent: shares carry 10 decimals of a yuan, cents 2. */
    public static final long UNITS_PER_CENT = 100_000_000L;

    private static final long FAST_LIMIT = Long.MAX_VALUE / UNITS_PER_CENT;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    /** The cents of an amount in yuan with at most 2 decimals (as the contract parses money). */
    public static long cents(BigDecimal yuan) {
        if (yuan == null) {
            return NONE;
        }
        return yuan.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** The amount in yuan, scale 2; null for {@link #NONE}. */
    public static BigDecimal yuan(long cents) {
        return cents == NONE ? null : BigDecimal.valueOf(cents, 2);
    }

    /** 0.00 */
    public static BigDecimal zero() {
        return ZERO;
    }

    /** The exact amount of whole cents in units. */
    public static long units(long cents) {
        return Math.multiplyExact(cents, UNITS_PER_CENT);
    }

    /**
     * One covered member's share of an amount split among {@code covered} members: {@code cents / covered} in
     * units (10 decimals of a yuan), rounded HALF_UP. {@code covered <= 1} gives the whole amount.
     */
    public static long shareUnits(long cents, int covered) {
        if (covered <= 1) {
            return units(cents);
        }
        if (cents >= 0 && cents <= FAST_LIMIT) {
            long n = cents * UNITS_PER_CENT;
            long q = n / covered;
            long r = n % covered;
            return 2 * r >= covered ? q + 1 : q;
        }
        return BigDecimal.valueOf(cents, 2).divide(BigDecimal.valueOf(covered), 10, RoundingMode.HALF_UP)
                .unscaledValue().longValueExact();
    }

    /** Units rounded once, HALF_UP, to the cent: the amount a clue reports. */
    public static BigDecimal yuanOfUnits(long units) {
        return BigDecimal.valueOf(units, 10).setScale(2, RoundingMode.HALF_UP);
    }

    /** Units rounded once, HALF_UP, to whole cents. */
    public static long centsOfUnits(long units) {
        return Money.cents(yuanOfUnits(units));
    }

    /** "1,260.00": yuan with thousands separators and 2 decimals, for explanations. */
    public static String format(BigDecimal yuan) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(yuan);
    }

    /** "1,260.00" of cents. */
    public static String formatCents(long cents) {
        return format(yuan(cents));
    }
}
