package sunshine.contract;

/**
 * Text clean-up shared by the value parsers: the contract's "surrounding whitespace trimmed; full-width
 * digits and letters normalised to ASCII", plus the extra normalisation of punctuation that numbers and dates
 * need (a full-width comma, stop, hyphen or slash typed with a Chinese input method).
 */
final class ValueText {

    private ValueText() {
    }

    /**
     * Whether a character is trimmed from both ends of a cell: ASCII whitespace and controls, every Unicode
     * space (U+3000 ideographic space, U+00A0 no-break space, U+2007, U+202F ...), zero-width characters and a
     * stray byte-order mark.
     */
    static boolean isTrimmed(char c) {
        return c <= ' '
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.isISOControl(c)
                || (c >= '\u200B' && c <= '\u200D')
                || c == '\u2060'
                || c == '\uFEFF';
    }

    /** Full-width digits and Latin letters (U+FF10..U+FF19, U+FF21..U+FF3A, U+FF41..U+FF5A) as ASCII. */
    static char ascii(char c) {
        if ((c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A')) {
            return (char) (c - 0xFEE0);
        }
        return c;
    }

    /**
     * The cell text trimmed and with full-width digits and letters made ASCII; null when nothing is left.
     * Everything else (inner spaces, Chinese punctuation, the middle dot of names) is kept as given.
     */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end && isTrimmed(text.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmed(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        char[] out = null;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            char a = ascii(c);
            if (a != c) {
                if (out == null) {
                    out = text.substring(start, end).toCharArray();
                }
                out[i - start] = a;
            }
        }
        return out == null ? text.substring(start, end) : new String(out);
    }

    /**
     * Punctuation of numbers and dates made ASCII: the full-width stop, comma, hyphen, slash, colon and
     * parentheses, the minus sign U+2212 and the hyphen and en dash.
     */
    static String numericPunctuation(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char a;
            switch (c) {
                case '\uFF0E': a = '.'; break;   // ．
                case '\uFF0C': a = ','; break;   // ，
                case '\uFF0D':                   // －
                case '\u2212':                   // − minus sign
                case '\u2010':                   // ‐ hyphen
                case '\u2013': a = '-'; break;   // – en dash
                case '\uFF0F': a = '/'; break;   // ／
                case '\uFF1A': a = ':'; break;   // ：
                case '\uFF08': a = '('; break;   // （
                case '\uFF09': a = ')'; break;   // ）
                default: a = c;
            }
            if (a != c) {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = a;
            }
        }
        return out == null ? s : new String(out);
    }

    /** Whether the string is non-empty and all ASCII digits. */
    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
