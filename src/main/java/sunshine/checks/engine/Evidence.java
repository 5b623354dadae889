package sunshine.checks.engine;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * A JSON object written as it is built, keys in insertion order: the evidence of a clue. Values: text, whole
 * numbers, money (as a JSON number with 2 decimals), months ({@code "2026-03"}), dates ({@code "2026-03-05"}),
 * booleans, nested objects and arrays of objects or texts.
 */
public final class Evidence {

    private final StringBuilder sb = new StringBuilder("{");
    private boolean first = true;

    public static Evidence object() {
        return new Evidence();
    }

    public Evidence put(String key, String value) {
        key(key);
        if (value == null) {
            sb.append("null");
        } else {
            quote(sb, value);
        }
        return this;
    }

    public Evidence put(String key, long value) {
        key(key).append(value);
        return this;
    }

    public Evidence put(String key, boolean value) {
        key(key).append(value);
        return this;
    }

    /** A decimal as a JSON number (plain, never exponent). */
    public Evidence put(String key, BigDecimal value) {
        key(key).append(value == null ? "null" : value.toPlainString());
        return this;
    }

    /** Cents as yuan with 2 decimals; null for {@link Money#NONE}. */
    public Evidence money(String key, long cents) {
        return put(key, Money.yuan(cents));
    }

    /** Share units (10 decimals) rounded to the cent. */
    public Evidence shareMoney(String key, long units) {
        return put(key, Money.yuanOfUnits(units));
    }

    /**
     * A share (units, 10 decimals of a yuan) exactly as computed: 2 decimals when it is whole cents (420.00), else all
     * 10 (33.3333333333).
     */
    public Evidence share(String key, long units) {
        java.math.BigDecimal v = java.math.BigDecimal.valueOf(units, 10);
        return put(key, units % Money.UNITS_PER_CENT == 0 ? v.setScale(2) : v);
    }

    /** A month as "2026-03"; null for {@link Months#NONE}. */
    public Evidence month(String key, int month) {
        return put(key, month == Months.NONE ? null : Months.iso(month));
    }

    /** A date as "2026-03-05"; null for {@link Days#NONE}. */
    public Evidence date(String key, int day) {
        return put(key, day == Days.NONE ? null : Days.iso(day));
    }

    public Evidence put(String key, Evidence object) {
        key(key).append(object.json());
        return this;
    }

    /** An array of objects. */
    public Evidence objects(String key, Collection<Evidence> objects) {
        key(key).append('[');
        boolean f = true;
        for (Evidence e : objects) {
            if (!f) {
                sb.append(',');
            }
            f = false;
            sb.append(e.json());
        }
        sb.append(']');
        return this;
    }

    /** An array of texts. */
    public Evidence texts(String key, Collection<String> values) {
        key(key).append('[');
        boolean f = true;
        for (String v : values) {
            if (!f) {
                sb.append(',');
            }
            f = false;
            quote(sb, v);
        }
        sb.append(']');
        return this;
    }

    /** Appends an already written JSON value (for the engine's parameter block). */
    Evidence raw(String key, String json) {
        key(key).append(json);
        return this;
    }

    public String json() {
        return sb + "}";
    }

    @Override
    public String toString() {
        return json();
    }

    private StringBuilder key(String key) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        quote(sb, key);
        return sb.append(':');
    }

    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
