package sunshine.contract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Resident ID numbers (公民身份号码, GB 11643): 6 digits of region, 8 of birth date, 3 of sequence (odd for men,
 * even for women) and a MOD 11-2 check digit (0-9 or X). A 15-digit number issued before 1999 has a 2-digit
 * year and no check digit; it is upgraded by inserting the century "19" and computing the check digit.
 * <p>
 * Used to parse the contract's {@code id} cells and to make valid numbers (generators, tests).
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[eE]\\+?\\d+");
    /** The earliest birth year the contract accepts in an ID number. */
    static final int MIN_BIRTH_YEAR = 1900;

    private IdNumbers() {
    }

    /**
     * The check digit of the first 17 digits: the digits weighted 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, the sum
     * modulo 11 indexing "10X98765432".
     *
     * @throws IllegalArgumentException unless {@code first17} is exactly 17 ASCII digits
     */
    public static char checkDigit(String first17) {
        if (first17 == null || first17.length() != 17 || !ValueText.isDigits(first17)) {
            throw new IllegalArgumentException("expected 17 digits: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_DIGITS.charAt(sum % 11);
    }

    /** The 17 digits with their check digit appended: an 18-character ID number. */
    public static String withCheckDigit(String first17) {
        return first17 + checkDigit(first17);
    }

    /**
     * Whether the text is a valid 18-character ID number exactly as given (no trimming): 17 digits, a correct check
     * digit (X in either case), a real birth date from 1900 on. A 15-digit old number is not valid as such; see
     * {@link #upgrade15(String)} and {@link #normalize(String)}.
     */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        String first17 = id.substring(0, 17);
        if (!ValueText.isDigits(first17) || birth(id.substring(6, 14)) == null) {
            return false;
        }
        return Character.toUpperCase(id.charAt(17)) == checkDigit(first17);
    }

    /**
     * The 18-character number of a 15-digit old one: "19" inserted before the 2-digit birth year, check digit
     * computed.
     *
     * @throws IllegalArgumentException unless {@code id15} is exactly 15 ASCII digits
     */
    public static String upgrade15(String id15) {
        if (id15 == null || id15.length() != 15 || !ValueText.isDigits(id15)) {
            throw new IllegalArgumentException("expected a 15-digit ID number: " + id15);
        }
        return withCheckDigit(id15.substring(0, 6) + "19" + id15.substring(6));
    }

    /**
     * The canonical form of an ID number as a user typed it: trimmed, full-width characters made ASCII, a 15-digit
     * old number upgraded, X upper case; checked for its length, digits, birth date and check digit.
     *
     * @return 18 characters, the last one a digit or upper-case X
     * @throws InvalidValueException saying what is wrong, in Chinese and English
     */
    public static String normalize(String text) throws InvalidValueException {
        String s = ValueText.clean(text);
        if (s != null && canonicalOrNull(s) != null) {
            return s;
        }
        return normalizeGeneral(s);
    }

    /** {@link #normalize(String)} without its fast path, of cleaned text (kept apart to test the fast path against). */
    static String normalizeGeneral(String s) throws InvalidValueException {
        if (s == null) {
            throw new InvalidValueException("身份证号为空", "ID number is empty");
        }
        if (s.length() == 15) {
            if (!ValueText.isDigits(s)) {
                throw new InvalidValueException("15位旧身份证号应全部为数字",
                        "a 15-character old ID number must be all digits");
            }
            String date = "19" + s.substring(6, 12);
            if (birth(date) == null) {
                throw badBirthDate(date);
            }
            return upgrade15(s);
        }
        if (s.length() != 18) {
            if (looksLikeScientific(s)) {
                throw lostDigits();
            }
            throw new InvalidValueException(
                    "身份证号应为18位（或15位旧号码），实际为" + s.codePointCount(0, s.length()) + "位",
                    "an ID number must have 18 characters (or 15 digits for an old number), got "
                            + s.codePointCount(0, s.length()));
        }
        String first17 = s.substring(0, 17);
        if (!ValueText.isDigits(first17)) {
            throw new InvalidValueException("身份证号前17位应为数字", "the first 17 characters of an ID number must be digits");
        }
        char last = Character.toUpperCase(s.charAt(17));
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw new InvalidValueException("身份证号末位应为数字或X", "the last character of an ID number must be a digit or X");
        }
        String date = s.substring(6, 14);
        if (birth(date) == null) {
            throw badBirthDate(date);
        }
        char expected = checkDigit(first17);
        if (last != expected) {
            if (s.endsWith("000")) {
                throw new InvalidValueException(
                        "校验位错误，应为" + expected + "（末尾为000，可能是Excel按数值存储丢失了末尾数字，请将该列设为文本格式）",
                        "check digit wrong, expected " + expected
                                + " (it ends in 000: Excel may have stored it as a number and lost digits; format the column as text)");
            }
            throw new InvalidValueException("校验位错误，应为" + expected, "check digit wrong, expected " + expected);
        }
        return last == s.charAt(17) ? s : first17 + last;
    }

    /**
     * The common case of {@link #normalize(String)} without allocating: {@code s} itself when it already is a valid
     * canonical 18-character number (17 ASCII digits with a real birth date from 1900 on, then the right check
     * digit, a digit or upper-case X); null for anything else, which {@link #normalize(String)} then decides.
     */
    static String canonicalOrNull(String s) {
        if (s.length() != 18) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            sum += d * WEIGHTS[i];
        }
        if (s.charAt(17) != CHECK_DIGITS.charAt(sum % 11)) {
            return null;
        }
        int year = (s.charAt(6) - '0') * 1000 + (s.charAt(7) - '0') * 100 + (s.charAt(8) - '0') * 10
                + (s.charAt(9) - '0');
        int month = (s.charAt(10) - '0') * 10 + (s.charAt(11) - '0');
        int day = (s.charAt(12) - '0') * 10 + (s.charAt(13) - '0');
        if (year < MIN_BIRTH_YEAR || month < 1 || month > 12 || day < 1
                || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        return s;
    }

    /**
     * The birth date in an 18-character or 15-digit ID number.
     *
     * @throws IllegalArgumentException when the number has another length or its birth date is not a real date
     *                                  from 1900 on
     */
    public static LocalDate birthDate(String id) {
        String date;
        if (id != null && id.length() == 18) {
            date = id.substring(6, 14);
        } else if (id != null && id.length() == 15) {
            date = "19" + id.substring(6, 12);
        } else {
            throw new IllegalArgumentException("not an ID number: " + id);
        }
        LocalDate d = birth(date);
        if (d == null) {
            throw new IllegalArgumentException("no real birth date in ID number: " + id);
        }
        return d;
    }

    /**
     * The gender code ("M" or "F", as the contract's {@code gender} enum) of an 18-character or 15-digit ID
     * number: the sequence's last digit is odd for men, even for women.
     */
    public static String gender(String id) {
        int pos;
        if (id != null && id.length() == 18) {
            pos = 16;
        } else if (id != null && id.length() == 15) {
            pos = 14;
        } else {
            throw new IllegalArgumentException("not an ID number: " + id);
        }
        char c = id.charAt(pos);
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not an ID number: " + id);
        }
        return (c - '0') % 2 == 1 ? "M" : "F";
    }

    /** The error for an ID number that Excel turned into a number, losing its last digits. */
    static InvalidValueException lostDigits() {
        return new InvalidValueException(
                "身份证号被Excel存为数值，已丢失末尾数字；请将该列设为文本格式后重新录入",
                "Excel stored the ID number as a number and lost its last digits (it keeps 15); "
                        + "format the column as text and enter the numbers again");
    }

    /** "1.10105E+17": how a CSV saved by Excel shows a long number that was stored as a number. */
    static boolean looksLikeScientific(String s) {
        return SCIENTIFIC.matcher(s).matches();
    }

    private static InvalidValueException badBirthDate(String yyyymmdd) {
        return new InvalidValueException(
                "身份证号中的出生日期无效（应为1900年以后的真实日期）：" + yyyymmdd,
                "the birth date in the ID number is not a real date from 1900 on: " + yyyymmdd);
    }

    /** The date of 8 digits yyyyMMdd, or null when they are no real date from 1900 on. */
    private static LocalDate birth(String yyyymmdd) {
        if (yyyymmdd.length() != 8 || !ValueText.isDigits(yyyymmdd)) {
            return null;
        }
        int year = Integer.parseInt(yyyymmdd.substring(0, 4));
        int month = Integer.parseInt(yyyymmdd.substring(4, 6));
        int day = Integer.parseInt(yyyymmdd.substring(6, 8));
        if (year < MIN_BIRTH_YEAR) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
