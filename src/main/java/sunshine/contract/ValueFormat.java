package sunshine.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * The canonical text of a typed value, as a writer (exporter, generator, error report) puts it in a contract
 * file: what {@link ValueParser} reads back to the same value.
 * <ul>
 *   <li>null: the empty string</li>
 *   <li>DATE: ISO {@code yyyy-MM-dd}; MONTH: {@code yyyy-MM}</li>
 *   <li>MONEY: plain digits with exactly 2 decimals ({@code 1234.50}), no separators, no currency sign</li>
 *   <li>INTEGER: plain digits; DECIMAL: plain digits without trailing zeros ({@code 85.5})</li>
 *   <li>ID, REGION, ENUM, TEXT: the string itself</li>
 * </ul>
 */
public final class ValueFormat {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    private ValueFormat() {
    }

    /**
     * The canonical text of a value of the given type.
     *
     * @throws IllegalArgumentException when the value is not of the type's Java type (see {@link ValueType}), or
     *                                  is money with more than 2 decimals or a floating-point number
     */
    public static String format(ValueType type, Object value) {
        if (value == null) {
            return "";
        }
        switch (type) {
            case ID:
            case REGION:
            case ENUM:
            case TEXT:
                if (value instanceof String) {
                    return (String) value;
                }
                throw wrong(type, value);
            case DATE:
                if (value instanceof LocalDate) {
                    return value.toString();
                }
                if (value instanceof LocalDateTime) {
                    return ((LocalDateTime) value).toLocalDate().toString();
                }
                throw wrong(type, value);
            case MONTH:
                if (value instanceof YearMonth) {
                    return ((YearMonth) value).format(MONTH);
                }
                if (value instanceof LocalDate) {
                    return ((LocalDate) value).format(MONTH);
                }
                throw wrong(type, value);
            case MONEY: {
                BigDecimal v = decimal(type, value);
                if (v.stripTrailingZeros().scale() > 2) {
                    throw new IllegalArgumentException("money has more than 2 decimals: " + v.toPlainString());
                }
                return v.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
            }
            case INTEGER: {
                BigDecimal v = decimal(type, value);
                try {
                    return v.toBigIntegerExact().toString();
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("not a whole number: " + v.toPlainString(), e);
                }
            }
            case DECIMAL:
                return ValueNumbers.stripped(decimal(type, value)).toPlainString();
            default:
                throw new IllegalStateException("unknown value type " + type);
        }
    }

    /**
     * The canonical text of a value by its Java type alone: a String as is, LocalDate ISO, YearMonth
     * {@code yyyy-MM}, a BigDecimal as plain digits with its own scale, a whole number as digits. For money, whose
     * 2 decimals depend on the column, use {@link #format(ValueType, Object)}.
     */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return format(ValueType.DATE, value);
        }
        if (value instanceof YearMonth) {
            return format(ValueType.MONTH, value);
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Boolean) {
            return value.toString().toUpperCase(java.util.Locale.ROOT);
        }
        throw new IllegalArgumentException("no canonical text for a " + value.getClass().getName());
    }

    private static BigDecimal decimal(ValueType type, Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        throw wrong(type, value);
    }

    private static IllegalArgumentException wrong(ValueType type, Object value) {
        return new IllegalArgumentException("a " + type + " value cannot be a " + value.getClass().getName()
                + (value instanceof Double || value instanceof Float ? " (never floating point)" : "") + ": " + value);
    }
}
