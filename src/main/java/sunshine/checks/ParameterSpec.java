package sunshine.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import sunshine.contract.DataContract;
import sunshine.contract.EnumType;

/**
 * A parameter of the check: its name ({@code A02.enterprise_capital}, or {@code lookback}), type, default (as
 * rules.md gives it) and what it means. Values are given as text ({@code --param NAME=VALUE}) and parsed here.
 *
 * @param name          the name, {@code <rule code>.<name>} for a rule's own parameter
 * @param type          how the value is written and read
 * @param defaultValue  the default as text, in canonical form
 * @param enumName      for {@link Type#CODES}: the contract enum the codes come from
 * @param description   what it means (English)
 * @param descriptionZh what it means (Chinese)
 */
public record ParameterSpec(String name, Type type, String defaultValue, String enumName, String description,
                            String descriptionZh) {

    /** The types of parameter values. */
    public enum Type {
        /** A whole number: Integer. */
        INTEGER,
        /** Yuan with at most 2 decimals: Long cents. */
        MONEY,
        /** A decimal number (a ratio, a z-score): BigDecimal. */
        DECIMAL,
        /** true or false: Boolean. */
        BOOLEAN,
        /** Comma-separated codes of a contract enum: a sorted List of String. */
        CODES
    }

    public ParameterSpec {
        parse(defaultValue, type, enumName, name);
    }

    public static ParameterSpec integer(String name, int defaultValue, String description, String descriptionZh) {
        return new ParameterSpec(name, Type.INTEGER, Integer.toString(defaultValue), null, description, descriptionZh);
    }

    public static ParameterSpec money(String name, String defaultYuan, String description, String descriptionZh) {
        return new ParameterSpec(name, Type.MONEY, defaultYuan, null, description, descriptionZh);
    }

    public static ParameterSpec decimal(String name, String defaultValue, String description, String descriptionZh) {
        return new ParameterSpec(name, Type.DECIMAL, defaultValue, null, description, descriptionZh);
    }

    public static ParameterSpec bool(String name, boolean defaultValue, String description, String descriptionZh) {
        return new ParameterSpec(name, Type.BOOLEAN, Boolean.toString(defaultValue), null, description, descriptionZh);
    }

    public static ParameterSpec codes(String name, String enumName, String defaultCodes, String description,
                                      String descriptionZh) {
        return new ParameterSpec(name, Type.CODES, defaultCodes, enumName, description, descriptionZh);
    }

    /** The typed value of a text. @throws CheckException saying what is wrong, in Chinese and English */
    public Object parse(String text) {
        return parse(text, type, enumName, name);
    }

    /** The canonical text of a typed value (what parameters.csv records). */
    public String format(Object value) {
        return switch (type) {
            case MONEY -> BigDecimal.valueOf((Long) value, 2).toPlainString();
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case CODES -> String.join(",", castCodes(value));
            default -> value.toString();
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> castCodes(Object value) {
        return (List<String>) value;
    }

    private static Object parse(String raw, Type type, String enumName, String name) {
        String text = raw == null ? "" : raw.strip();
        try {
            switch (type) {
                case INTEGER:
                    return Integer.parseInt(text);
                case MONEY: {
                    BigDecimal v = new BigDecimal(text.replace(",", ""));
                    if (v.signum() < 0 || v.stripTrailingZeros().scale() > 2) {
                        throw new NumberFormatException();
                    }
                    return v.setScale(2).unscaledValue().longValueExact();
                }
                case DECIMAL:
                    return new BigDecimal(text);
                case BOOLEAN:
                    if (text.equalsIgnoreCase("true") || text.equals("是")) {
                        return Boolean.TRUE;
                    }
                    if (text.equalsIgnoreCase("false") || text.equals("否")) {
                        return Boolean.FALSE;
                    }
                    throw new NumberFormatException();
                case CODES: {
                    EnumType e = DataContract.standard().enumType(enumName);
                    TreeSet<String> codes = new TreeSet<>();
                    for (String part : text.split("[,，]")) {
                        String p = part.strip();
                        if (p.isEmpty()) {
                            continue;
                        }
                        String code = e.codeOf(p).orElseThrow(() -> new CheckException(
                                "参数" + name + "的值“" + p + "”不是有效代码（可用：" + e.describe() + "）",
                                "parameter " + name + ": \"" + p + "\" is not a code of " + e.name() + " ("
                                        + e.describe() + ")"));
                        codes.add(code);
                    }
                    return List.copyOf(new ArrayList<>(codes));
                }
                default:
                    throw new IllegalStateException();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CheckException(
                    "参数" + name + "的值“" + raw + "”无效，应为" + expectedZh(type),
                    "parameter " + name + ": \"" + raw + "\" is not " + type.name().toLowerCase(Locale.ROOT)
                            + " (" + expectedEn(type) + ")");
        }
    }

    private static String expectedZh(Type type) {
        return switch (type) {
            case INTEGER -> "整数";
            case MONEY -> "金额（元，最多两位小数，不能为负）";
            case DECIMAL -> "数字";
            case BOOLEAN -> "true 或 false";
            case CODES -> "逗号分隔的代码";
        };
    }

    private static String expectedEn(Type type) {
        return switch (type) {
            case INTEGER -> "a whole number";
            case MONEY -> "yuan, at most 2 decimals, not negative";
            case DECIMAL -> "a number";
            case BOOLEAN -> "true or false";
            case CODES -> "comma-separated codes";
        };
    }
}
