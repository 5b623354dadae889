package sunshine.checks.engine;

/**
 * ID numbers as the engine stores them: one long, {@code first17 * 11 + check} (check 0-9, X = 10). The contract's
 * reader has already normalised every ID (18 characters, upper-case X, 15-digit numbers upgraded), so equal IDs have
 * equal keys. Keys are positive; {@link #NONE} stands for an empty ID cell.
 */
public final class Ids {

    public static final long NONE = Long.MIN_VALUE;

    private Ids() {
    }

    /**
     * @throws IllegalArgumentException when the text is not 17 digits and a check character
     */
    public static long key(String idNo) {
        if (idNo == null) {
            return NONE;
        }
        if (idNo.length() != 18) {
            throw new IllegalArgumentException("not an 18-character ID number: " + idNo);
        }
        long first17 = 0;
        for (int i = 0; i < 17; i++) {
            char c = idNo.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not an ID number: " + idNo);
            }
            first17 = first17 * 10 + (c - '0');
        }
        char last = idNo.charAt(17);
        int check;
        if (last == 'X' || last == 'x') {
            check = 10;
        } else if (last >= '0' && last <= '9') {
            check = last - '0';
        } else {
            throw new IllegalArgumentException("not an ID number: " + idNo);
        }
        return first17 * 11 + check;
    }

    /** The 18-character ID number of a key; null for {@link #NONE}. */
    public static String idNo(long key) {
        if (key == NONE) {
            return null;
        }
        long first17 = key / 11;
        int check = (int) (key % 11);
        char[] out = new char[18];
        for (int i = 16; i >= 0; i--) {
            out[i] = (char) ('0' + first17 % 10);
            first17 /= 10;
        }
        out[17] = check == 10 ? 'X' : (char) ('0' + check);
        return new String(out);
    }
}
