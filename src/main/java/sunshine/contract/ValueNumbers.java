package sunshine.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading unsigned decimal numbers from cell text, and the digits of numeric Excel cells. Never floating point. */
final class ValueNumbers {

    /** Excel keeps 15 significant digits of a number; longer numbers lose their last digits. */
    static final int EXCEL_DIGITS = 15;

    private static final Pattern PLAIN = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
    private static final Pattern GROUPED = Pattern.compile("(\\d{1,3}(?:,\\d{3})+)(?:\\.(\\d+))?");
    private static final Pattern COMMAS = Pattern.compile("[\\d,]+(?:\\.[\\d,]*)?");

    private ValueNumbers() {
    }

    /**
     * The value of unsigned decimal text: digits, optionally a decimal point and more digits; the integer part
     * may be grouped by 3 with commas ("1,234,567.50").
     *
     * @return the exact value as written (its scale is the number of decimals given), or null when the text is
     *         not such a number
     * @throws InvalidValueException when it has commas that do not separate groups of 3 digits ("12,34")
     */
    static BigDecimal parseUnsigned(String s) throws InvalidValueException {
        Matcher m = PLAIN.matcher(s);
        if (m.matches()) {
            return new BigDecimal(s);
        }
        if (s.indexOf(',') >= 0) {
            m = GROUPED.matcher(s);
            if (m.matches()) {
                return new BigDecimal(s.replace(",", ""));
            }
            if (COMMAS.matcher(s).matches()) {
                throw new InvalidValueException("千分位分隔符位置错误，应每3位一组，如1,234.50",
                        "thousands separators must separate groups of 3 digits, as in 1,234.50");
            }
        }
        return null;
    }

    /** The value without trailing zeros and never with a negative scale: 3.0 -> 3, 1E+2 -> 100, 2.50 -> 2.5. */
    static BigDecimal stripped(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Whether the value is a whole number. */
    static boolean isWhole(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    /** The plain digits of a whole non-negative number ("1" for 1.0, "100" for 1E+2). */
    static String wholeDigits(BigDecimal v) {
        BigInteger i = v.toBigInteger();
        return i.toString();
    }

    /** Number of digits of the integer part of a whole number, ignoring the sign. */
    static int wholeLength(BigDecimal v) {
        return v.toBigInteger().abs().toString().length();
    }
}
