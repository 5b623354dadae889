package sunshine.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How personal data is shown unless someone asks for more (and is allowed to, and is recorded doing so).
 * <ul>
 *   <li>ID numbers: the first six digits (where the number was issued) and the last four are kept, every other
 *       character becomes {@code *}: {@code 371526********1234}. Used on every screen, in every report and every
 *       download; the full number only through the audited reveal.</li>
 *   <li>Names, by the public-notice rule (workflows §6, 2021办法 §24): two characters keep the first
 *       ({@code 张*}); three or more keep the first and the last ({@code 张*三}, {@code 欧**仁}).</li>
 * </ul>
 */
public final class Masking {

    /** An 18-character or a legacy 15-digit ID number standing alone in a text. */
    private static final Pattern ID_IN_TEXT =
            Pattern.compile("(?<![0-9A-Za-z])(?:\\d{17}[0-9Xx]|\\d{15})(?![0-9A-Za-z])");

    private Masking() {
    }

    /**
     * An ID number with only its first six and last four characters shown. Any text is masked the same way (a
     * malformed number from a bad file too); one of ten characters or fewer is masked whole. Null stays null.
     */
    public static String idNumber(String idNo) {
        if (idNo == null) {
            return null;
        }
        String s = idNo.strip();
        int n = s.length();
        if (n <= 10) {
            return "*".repeat(n);
        }
        return s.substring(0, 6) + "*".repeat(n - 10) + s.substring(n - 4);
    }

    /**
     * A name by the public-notice rule: 张* for two characters, 张*三 (first and last kept) for three or more; a
     * single character becomes *. Counts characters, not UTF-16 units. Null stays null.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 0) {
            return "";
        }
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder out = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return out.append('*').toString();
        }
        out.append("*".repeat(cps.length - 2));
        return out.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /** A free text (a message, a list of key values) with every ID number in it masked. Null stays null. */
    public static String idNumbersIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ID_IN_TEXT.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(idNumber(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
