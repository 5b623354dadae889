package sunshine.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one cell into its column's typed value, or says why it cannot.
 * <p>
 * A cell arrives as a String (CSV, text cells) or, from Excel, as a typed cell value: a
 * {@link java.math.BigDecimal} for numeric cells, a {@link java.time.LocalDateTime} for date cells, a Boolean.
 * Surrounding whitespace is trimmed and full-width digits and letters are normalised to ASCII before parsing.
 * <p>
 * The typed values, by {@link ValueType}: ID, REGION, ENUM and TEXT give a String (18 upper-case characters,
 * 12 digits, the enum code, the text); DATE a {@link LocalDate}; MONTH a {@link YearMonth}; MONEY a
 * {@link BigDecimal} of scale 2; INTEGER a {@link Long}; DECIMAL a {@link BigDecimal} without trailing zeros.
 * Whether an empty cell is allowed (required, required_when, default) is the caller's business.
 * <p>
 * Instances are immutable and may be shared by threads.
 */
public final class ValueParser {

    /** Dates and months are accepted from this year ... */
    static final int MIN_YEAR = 1900;
    /** ... to this one. */
    static final int MAX_YEAR = 2100;

    /** Day 0 of Excel's 1900 date system as modern Excel counts it (serial 61 = 1900-03-01). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    /** Excel believes 1900 was a leap year: serial 60 is the fictitious 1900-02-29, serials below it are a day off. */
    private static final long EXCEL_FAKE_LEAP_DAY = 60;
    private static final long MAX_SERIAL = ChronoUnit.DAYS.between(EXCEL_EPOCH, LocalDate.of(MAX_YEAR, 12, 31));

    private static final String TIME = "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)?";
    private static final Pattern DATE_SEPARATED = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})" + TIME);
    private static final Pattern DATE_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DATE_CHINESE = Pattern.compile("(\\d{4}) *年 *(\\d{1,2}) *月 *(\\d{1,2}) *[日号]?");
    private static final Pattern MONTH_SEPARATED = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
    private static final Pattern MONTH_COMPACT = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern MONTH_CHINESE = Pattern.compile("(\\d{4}) *年 *(\\d{1,2}) *月?");
    private static final Pattern MONTH_NUMBER = Pattern.compile("(\\d{4})\\.(\\d{1,2})");
    private static final DateTimeFormatter DATE_TIME_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DataContract contract;
    private final RegionDirectory regions;

    /**
     * @param contract the contract whose enums ENUM cells are looked up in
     * @param regions  the known region codes and their levels; null stands for an empty directory, in which every
     *                 code of a column that must be known is refused
     */
    public ValueParser(DataContract contract, RegionDirectory regions) {
        this.contract = contract;
        this.regions = regions != null ? regions : code -> Optional.empty();
    }

    /**
     * The typed value of a cell, or null when the cell is empty (the caller decides whether that is allowed).
     *
     * @throws InvalidValueException when the cell is not a valid value of the column's type
     */
    public Object parse(Column column, Object cell) throws InvalidValueException {
        if (cell == null) {
            return null;
        }
        if (cell instanceof String) {
            String s = ValueText.clean((String) cell);
            return s == null ? null : parseText(column, s);
        }
        if (cell instanceof Number) {
            return parseNumber(column, toBigDecimal((Number) cell));
        }
        if (cell instanceof LocalDateTime) {
            return parseDateCell(column, (LocalDateTime) cell);
        }
        if (cell instanceof LocalDate) {
            return parseDateCell(column, ((LocalDate) cell).atStartOfDay());
        }
        if (cell instanceof Boolean) {
            // as Excel shows a logical cell
            return parseText(column, ((Boolean) cell) ? "TRUE" : "FALSE");
        }
        String s = ValueText.clean(cell.toString());
        return s == null ? null : parseText(column, s);
    }

    // ------------------------------------------------------------------ by the cell's Java type

    private Object parseText(Column column, String s) throws InvalidValueException {
        switch (column.type()) {
            case ID:
                return IdNumbers.normalize(withoutTextMarker(s));
            case REGION:
                return region(column, withoutTextMarker(s));
            case DATE: {
                LocalDate d = isoDate(s);
                return d != null ? d : dateText(s);
            }
            case MONTH: {
                YearMonth m = isoMonth(s);
                return m != null ? m : monthText(s);
            }
            case MONEY: {
                BigDecimal v = plainMoney(s);
                return v != null ? v : moneyText(s);
            }
            case ENUM:
                return enumText(column, s);
            case TEXT:
                return text(column, s);
            case INTEGER:
                return integer(column, signedText(s, "应为整数", "expected a whole number"));
            case DECIMAL:
                return decimal(column, signedText(s, "应为数字，如12.5", "expected a number such as 12.5"));
            default:
                throw new IllegalStateException("unknown value type " + column.type());
        }
    }

    // ------------------------------------------------------------------ fast paths of the common forms
    // Each returns exactly what the general parser returns for the text, or null when the text is anything else
    // (then the general parser decides, with its errors): they never accept what the general parser refuses.

    /** "2026-10-05" (4, 2 and 2 ASCII digits) with a year of the accepted range and a real date; else null. */
    static LocalDate isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1
                || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** "2026-10" (4 and 2 ASCII digits) with a year of the accepted range and a month 1-12; else null. */
    static YearMonth isoMonth(String s) {
        if (s.length() != 7 || s.charAt(4) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) {
            return null;
        }
        return YearMonth.of(year, month);
    }

    /** Yuan as plain ASCII digits with at most 2 decimals ("603", "603.5", "603.48"), as scale 2; else null. */
    static BigDecimal plainMoney(String s) {
        int n = s.length();
        int dot = s.indexOf('.');
        int whole = dot < 0 ? n : dot;
        int decimals = dot < 0 ? 0 : n - dot - 1;
        if (whole < 1 || whole > 15 || (dot >= 0 && (decimals < 1 || decimals > 2))) {
            return null;
        }
        long cents = 0;
        for (int i = 0; i < whole; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            cents = cents * 10 + d;
        }
        for (int i = 0; i < 2; i++) {
            int d = 0;
            if (i < decimals) {
                d = s.charAt(dot + 1 + i) - '0';
                if (d < 0 || d > 9) {
                    return null;
                }
            }
            cents = cents * 10 + d;
        }
        return BigDecimal.valueOf(cents, 2);
    }

    /** The ASCII digits s[from..to) as a number, or -1 when one is no ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * A code without the apostrophe that Excel users (and exports meant for Excel) put before a long number to keep
     * it text: {@code '11010519491231002X}.
     */
    private static String withoutTextMarker(String s) {
        if (s.length() > 1 && (s.charAt(0) == '\'' || s.charAt(0) == '\u2018' || s.charAt(0) == '`')) {
            String rest = ValueText.clean(s.substring(1));
            if (rest != null) {
                return rest;
            }
        }
        return s;
    }

    /** A numeric Excel cell. */
    private Object parseNumber(Column column, BigDecimal v) throws InvalidValueException {
        boolean wholeNonNegative = v.signum() >= 0 && ValueNumbers.isWhole(v);
        switch (column.type()) {
            case ID:
                if (wholeNonNegative && ValueNumbers.wholeLength(v) > ValueNumbers.EXCEL_DIGITS) {
                    throw IdNumbers.lostDigits();
                }
                return IdNumbers.normalize(numberText(v));
            case REGION:
                if (!wholeNonNegative) {
                    throw regionNotDigits();
                }
                return region(column, ValueNumbers.wholeDigits(v));
            case DATE:
                return dateNumber(v);
            case MONTH:
                return monthNumber(v);
            case MONEY:
                return money(v);
            case ENUM:
                return enumText(column, numberText(v));
            case TEXT:
                if (ValueNumbers.isWhole(v) && ValueNumbers.wholeLength(v) > ValueNumbers.EXCEL_DIGITS) {
                    throw new InvalidValueException(
                            "Excel将该单元格存为数值，已丢失第15位以后的数字；请将该列设为文本格式后重新录入",
                            "Excel stored this cell as a number and lost the digits after the 15th; "
                                    + "format the column as text and enter the values again");
                }
                return text(column, numberText(v));
            case INTEGER:
                return integer(column, v);
            case DECIMAL:
                return decimal(column, v);
            default:
                throw new IllegalStateException("unknown value type " + column.type());
        }
    }

    /** A date (or date and time) Excel cell. */
    private Object parseDateCell(Column column, LocalDateTime t) throws InvalidValueException {
        switch (column.type()) {
            case DATE:
                return checkYear(t.toLocalDate());
            case MONTH:
                return YearMonth.from(checkYear(t.toLocalDate()));
            case TEXT:
            case ENUM:
                // as the cell shows: the date, and the time when it has one
                String s = t.toLocalTime().equals(LocalTime.MIDNIGHT)
                        ? t.toLocalDate().toString()
                        : t.format(DATE_TIME_TEXT);
                return parseText(column, s);
            default:
                String[] expected = expected(column.type());
                throw new InvalidValueException(
                        "该单元格为日期格式，应为" + expected[0] + "（请将该列设为常规或文本格式）",
                        "the cell is a date, expected " + expected[1] + " (format the column as general or text)");
        }
    }

    private static String[] expected(ValueType type) {
        switch (type) {
            case ID:
                return new String[] {"身份证号", "an ID number"};
            case REGION:
                return new String[] {"区划代码", "a region code"};
            case MONEY:
                return new String[] {"金额", "an amount"};
            case INTEGER:
                return new String[] {"整数", "a whole number"};
            default:
                return new String[] {"数字", "a number"};
        }
    }

    private static BigDecimal toBigDecimal(Number n) throws InvalidValueException {
        if (n instanceof BigDecimal) {
            return (BigDecimal) n;
        }
        if (n instanceof BigInteger) {
            return new BigDecimal((BigInteger) n);
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        // any other Number: through its decimal text, never through floating-point arithmetic
        try {
            return new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("无法识别的数值", "unrecognised number: " + n);
        }
    }

    /** A numeric cell as text: its plain digits ("1" for 1.0, never "1E+2" or "1.0"). */
    private static String numberText(BigDecimal v) {
        return ValueNumbers.stripped(v).toPlainString();
    }

    // ------------------------------------------------------------------ REGION

    private String region(Column column, String s) throws InvalidValueException {
        if (!ValueText.isDigits(s)) {
            if (IdNumbers.looksLikeScientific(s)) {
                throw new InvalidValueException(
                        "区划代码被Excel写成了科学计数法，已丢失数字；请将该列设为文本格式",
                        "Excel wrote the region code in scientific notation and lost digits; format the column as text");
            }
            throw regionNotDigits();
        }
        String code;
        switch (s.length()) {
            case 12:
                code = s;
                break;
            case 2:
            case 4:
            case 6:
            case 9:
                code = s + "000000000000".substring(s.length());
                break;
            default:
                throw new InvalidValueException(
                        "区划代码应为12位（或2、4、6、9位的上级代码），实际为" + s.length() + "位",
                        "a region code must have 12 digits (or 2, 4, 6 or 9 for a higher level), got " + s.length());
        }
        Optional<String> level = regions.levelOf(code);
        if (level.isEmpty()) {
            if (column.known()) {
                throw new InvalidValueException("区划代码不存在：" + code, "region code not in regions: " + code);
            }
        } else if (column.level() != null && !column.level().equals(level.get())) {
            throw new InvalidValueException(
                    "区划级别不符：应为" + levelLabel(column.level()) + "级代码，该代码为" + levelLabel(level.get()) + "级",
                    "wrong region level: expected a " + column.level() + " code, this one is a " + level.get());
        }
        return code;
    }

    private static InvalidValueException regionNotDigits() {
        return new InvalidValueException("区划代码应全部为数字", "a region code must be all digits");
    }

    private String levelLabel(String level) {
        try {
            return contract.enumType("region_level").labelOf(level);
        } catch (java.util.NoSuchElementException e) {
            return level;
        }
    }

    // ------------------------------------------------------------------ DATE

    static LocalDate dateText(String raw) throws InvalidValueException {
        String s = ValueText.numericPunctuation(raw);
        Matcher m = DATE_SEPARATED.matcher(s);
        if (m.matches()) {
            return date(m.group(1), m.group(3), m.group(4));
        }
        m = DATE_COMPACT.matcher(s);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = DATE_CHINESE.matcher(s);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        throw new InvalidValueException(
                "无法识别的日期，应为2026-10-05、2026/10/5、2026.10.5、20261005或2026年10月5日",
                "unrecognised date, expected 2026-10-05, 2026/10/5, 2026.10.5, 20261005 or 2026年10月5日");
    }

    private static LocalDate date(String y, String m, String d) throws InvalidValueException {
        int year = Integer.parseInt(y);
        int month = Integer.parseInt(m);
        int day = Integer.parseInt(d);
        checkYear(year);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            String text = String.format("%04d-%02d-%02d", year, month, day);
            throw new InvalidValueException("日期不存在：" + text, "not a real date: " + text);
        }
    }

    /** A numeric cell in a DATE column: an Excel serial day number, or 20261005 typed as a number. */
    private static LocalDate dateNumber(BigDecimal v) throws InvalidValueException {
        if (v.signum() > 0 && ValueNumbers.isWhole(v) && ValueNumbers.wholeLength(v) == 8) {
            return dateText(ValueNumbers.wholeDigits(v));
        }
        // the fraction of a serial number is the time of day
        BigDecimal days = v.setScale(0, RoundingMode.FLOOR);
        if (days.signum() <= 0 || days.compareTo(BigDecimal.valueOf(MAX_SERIAL)) > 0) {
            throw new InvalidValueException(
                    "数值" + numberText(v) + "不是有效的Excel日期（序列号应在1至" + MAX_SERIAL + "之间）",
                    "the number " + numberText(v) + " is not an Excel date (serial numbers run from 1 to "
                            + MAX_SERIAL + ")");
        }
        long serial = days.longValueExact();
        if (serial == EXCEL_FAKE_LEAP_DAY) {
            throw new InvalidValueException("Excel日期序列号60对应不存在的1900-02-29",
                    "Excel serial 60 stands for 1900-02-29, which does not exist");
        }
        LocalDate d = serial < EXCEL_FAKE_LEAP_DAY ? EXCEL_EPOCH.plusDays(serial + 1) : EXCEL_EPOCH.plusDays(serial);
        return checkYear(d);
    }

    private static LocalDate checkYear(LocalDate d) throws InvalidValueException {
        checkYear(d.getYear());
        return d;
    }

    private static void checkYear(int year) throws InvalidValueException {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidValueException("年份应在" + MIN_YEAR + "至" + MAX_YEAR + "之间，实际为" + year,
                    "the year must be between " + MIN_YEAR + " and " + MAX_YEAR + ", got " + year);
        }
    }

    // ------------------------------------------------------------------ MONTH

    static YearMonth monthText(String raw) throws InvalidValueException {
        String s = ValueText.numericPunctuation(raw);
        Matcher m = MONTH_SEPARATED.matcher(s);
        if (m.matches()) {
            return yearMonth(m.group(1), m.group(2));
        }
        m = MONTH_COMPACT.matcher(s);
        if (m.matches()) {
            return yearMonth(m.group(1), m.group(2));
        }
        m = MONTH_CHINESE.matcher(s);
        if (m.matches()) {
            return yearMonth(m.group(1), m.group(2));
        }
        if (DATE_SEPARATED.matcher(s).matches() || DATE_COMPACT.matcher(s).matches()
                || DATE_CHINESE.matcher(s).matches()) {
            // a whole date: accepted for the first of a month (how databases export a month), else a mistake
            LocalDate d = dateText(s);
            if (d.getDayOfMonth() == 1) {
                return YearMonth.from(d);
            }
            throw new InvalidValueException("应为月份（如2026-10），而不是具体日期",
                    "expected a month (such as 2026-10), not a day");
        }
        throw unrecognisedMonth();
    }

    private static InvalidValueException unrecognisedMonth() {
        return new InvalidValueException("无法识别的月份，应为2026-10、2026/10、2026.10、202610或2026年10月",
                "unrecognised month, expected 2026-10, 2026/10, 2026.10, 202610 or 2026年10月");
    }

    private static YearMonth yearMonth(String y, String m) throws InvalidValueException {
        int year = Integer.parseInt(y);
        int month = Integer.parseInt(m);
        checkYear(year);
        if (month < 1 || month > 12) {
            throw new InvalidValueException("月份应在1至12之间，实际为" + month, "the month must be 1 to 12, got " + month);
        }
        return YearMonth.of(year, month);
    }

    /** A numeric cell in a MONTH column: 202610 or a date typed as 20261001, or 2026.10 typed as a number. */
    private static YearMonth monthNumber(BigDecimal v) throws InvalidValueException {
        if (v.signum() > 0 && ValueNumbers.isWhole(v)) {
            int n = ValueNumbers.wholeLength(v);
            if (n == 6 || n == 8) {
                return monthText(ValueNumbers.wholeDigits(v));
            }
        } else if (v.signum() > 0) {
            Matcher m = MONTH_NUMBER.matcher(numberText(v));
            if (m.matches()) {
                if (m.group(2).equals("1")) {
                    // Excel turned 2026.10 into 2026.1: October and January look the same
                    throw new InvalidValueException(
                            "数值" + numberText(v) + "无法区分1月和10月；请将该列设为文本格式，或写作2026-01或2026-10",
                            "the number " + numberText(v) + " cannot tell January from October; "
                                    + "format the column as text or write 2026-01 or 2026-10");
                }
                return yearMonth(m.group(1), m.group(2));
            }
        }
        throw unrecognisedMonth();
    }

    // ------------------------------------------------------------------ MONEY

    static BigDecimal moneyText(String raw) throws InvalidValueException {
        String s = ValueText.numericPunctuation(raw);
        boolean negative = false;
        if (s.endsWith("元")) {
            s = trim(s.substring(0, s.length() - 1));
        }
        if (s.startsWith("-")) {
            negative = true;
            s = trim(s.substring(1));
        }
        s = withoutYen(s);
        if (s.startsWith("-")) {
            negative = true;
            s = trim(s.substring(1));
        }
        if (s.length() >= 2 && s.startsWith("(") && s.endsWith(")")) {
            // accounting form of a negative amount
            negative = true;
            s = withoutYen(trim(s.substring(1, s.length() - 1)));
        }
        BigDecimal v = ValueNumbers.parseUnsigned(s);
        if (v == null) {
            throw new InvalidValueException("无法识别的金额，应为以元为单位的数字，如1234.50",
                    "unrecognised amount, expected yuan such as 1234.50");
        }
        if (negative) {
            throw negativeMoney();
        }
        return money(v);
    }

    private static String withoutYen(String s) {
        if (s.startsWith("¥") || s.startsWith("￥")) {
            return trim(s.substring(1));
        }
        return s;
    }

    private static BigDecimal money(BigDecimal v) throws InvalidValueException {
        if (v.signum() < 0) {
            throw negativeMoney();
        }
        BigDecimal s = ValueNumbers.stripped(v);
        if (s.scale() > 2) {
            throw new InvalidValueException("金额最多两位小数，实际为" + s.scale() + "位",
                    "an amount may have at most 2 decimals, got " + s.scale());
        }
        return s.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static InvalidValueException negativeMoney() {
        return new InvalidValueException("金额不能为负数", "an amount must not be negative");
    }

    private static String trim(String s) {
        String t = ValueText.clean(s);
        return t == null ? "" : t;
    }

    // ------------------------------------------------------------------ ENUM, TEXT

    private String enumText(Column column, String s) throws InvalidValueException {
        EnumType type = contract.enumOf(column);
        Optional<String> code = type.codeOf(s);
        if (code.isEmpty()) {
            // labels are written with full-width parentheses and an ASCII slash: accept the other forms too
            String alternative = s.replace('(', '（').replace(')', '）').replace('／', '/');
            if (!alternative.equals(s)) {
                code = type.codeOf(alternative);
            }
        }
        if (code.isEmpty()) {
            throw new InvalidValueException("未知的取值，应为：" + type.describe(),
                    "unknown value, expected one of: " + type.describe());
        }
        return code.get();
    }

    private static String text(Column column, String s) throws InvalidValueException {
        if (column.length() > 0) {
            int n = s.codePointCount(0, s.length());
            if (n > column.length()) {
                throw new InvalidValueException("文本过长：" + n + "个字符，最多" + column.length() + "个",
                        "text too long: " + n + " characters, at most " + column.length());
            }
        }
        return s;
    }

    // ------------------------------------------------------------------ INTEGER, DECIMAL

    /** Decimal text with an optional minus sign, or an error with the given reason. */
    private static BigDecimal signedText(String raw, String zh, String en) throws InvalidValueException {
        String s = ValueText.numericPunctuation(raw);
        boolean negative = s.startsWith("-");
        BigDecimal v = ValueNumbers.parseUnsigned(negative ? s.substring(1) : s);
        if (v == null) {
            throw new InvalidValueException(zh, en);
        }
        return negative ? v.negate() : v;
    }

    private static Long integer(Column column, BigDecimal v) throws InvalidValueException {
        if (!ValueNumbers.isWhole(v)) {
            throw new InvalidValueException("应为整数，不能有小数", "expected a whole number, got a fraction");
        }
        checkBounds(column, v);
        try {
            return v.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidValueException("整数过大", "the number is too large");
        }
    }

    private static BigDecimal decimal(Column column, BigDecimal v) throws InvalidValueException {
        checkBounds(column, v);
        return ValueNumbers.stripped(v);
    }

    private static void checkBounds(Column column, BigDecimal v) throws InvalidValueException {
        BigDecimal min = column.min();
        BigDecimal max = column.max();
        boolean below = min != null && v.compareTo(min) < 0;
        boolean above = max != null && v.compareTo(max) > 0;
        if (!below && !above) {
            return;
        }
        if (min != null && max != null) {
            throw new InvalidValueException("应在" + min.toPlainString() + "至" + max.toPlainString() + "之间",
                    "must be between " + min.toPlainString() + " and " + max.toPlainString());
        }
        if (below) {
            throw new InvalidValueException("应不小于" + min.toPlainString(), "must be at least " + min.toPlainString());
        }
        throw new InvalidValueException("应不大于" + max.toPlainString(), "must be at most " + max.toPlainString());
    }
}
