package sunshine.checks.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A dictionary of strings: each distinct string gets a dense int code (0, 1, 2 ... in first-seen order), the
 * strings live as UTF-8 in one byte pool (no String object per entry), lookups go through an open-addressing table
 * of codes. {@link #freeze()} drops the lookup table once loading is done; {@link #get(int)} keeps working.
 * <p>
 * Used for every repeated or identifying text of the snapshot: enrollment, household, payment and card numbers,
 * names, remarks, batch numbers. A dataset's key column shares its dictionary with the columns that refer to it, so
 * the code of {@code payments.enrollment_id} is the row index of the enrollment.
 * <p>
 * Not thread-safe while loading; read-only (and safe to share) once frozen.
 */
public final class StringTable {

    private byte[] pool = new byte[1 << 10];
    private int poolSize;
    private int[] offsets = new int[1 << 6];
    private int size;
    /**
     * Per slot: the string's hash in the high 32 bits and code + 1 in the low ones; 0 for an empty slot. A probe
     * compares hashes and reads the byte pool only on a real match. Null once frozen.
     */
    private long[] slots = new long[1 << 6];
    private int mask = slots.length - 1;

    public int size() {
        return size;
    }

    /** The code of a string, adding it when new. */
    public int add(String s) {
        int i = slotOf(s);
        long slot = slots[i];
        if (slot != 0) {
            return (int) slot - 1;
        }
        int code = probedUtf8 == null ? appendAscii(s) : append(probedUtf8);
        slots[i] = ((long) probedHash << 32) | (code + 1L);
        if (size * 4L > slots.length * 3L) {
            rehash(slots.length * 2);
        }
        return code;
    }

    /** The code of a string, or -1 when it is not in the dictionary. */
    public int find(String s) {
        return (int) slots[slotOf(s)] - 1;
    }

    /** What {@link #slotOf} found out about the string it looked for: its hash, its UTF-8 unless it is ASCII. */
    private int probedHash;
    private byte[] probedUtf8;

    /** The slot of a string: its own, or the empty one where it would go. */
    private int slotOf(String s) {
        if (slots == null) {
            throw new IllegalStateException("dictionary is frozen");
        }
        int h = asciiHash(s);
        byte[] b = null;
        if (h == NOT_ASCII) {
            b = s.getBytes(StandardCharsets.UTF_8);
            h = hash(b, 0, b.length);
        }
        probedHash = h;
        probedUtf8 = b;
        int i = h & mask;
        while (true) {
            long slot = slots[i];
            if (slot == 0 || (int) (slot >>> 32) == h
                    && (b == null ? equalsAscii((int) slot - 1, s) : equals((int) slot - 1, b))) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /** The string of a code; null for -1. */
    public String get(int code) {
        if (code < 0) {
            return null;
        }
        int from = offsets[code];
        int to = code + 1 < size ? offsets[code + 1] : poolSize;
        return new String(pool, from, to - from, StandardCharsets.UTF_8);
    }

    /** Drops the lookup table (no more {@link #add}/{@link #find}) and trims the pool. */
    public void freeze() {
        slots = null;
        pool = Arrays.copyOf(pool, poolSize);
        offsets = Arrays.copyOf(offsets, size);
    }

    public boolean frozen() {
        return slots == null;
    }

    /** Bytes held, for the memory report. */
    public long bytes() {
        return pool.length + 4L * offsets.length + (slots == null ? 0 : 8L * slots.length);
    }

    /** An ASCII string is its own UTF-8: copied char by char, no byte array in between. */
    private int appendAscii(String s) {
        int n = s.length();
        reserve(n);
        for (int k = 0; k < n; k++) {
            pool[poolSize + k] = (byte) s.charAt(k);
        }
        offsets[size] = poolSize;
        poolSize += n;
        return size++;
    }

    private int append(byte[] b) {
        reserve(b.length);
        System.arraycopy(b, 0, pool, poolSize, b.length);
        offsets[size] = poolSize;
        poolSize += b.length;
        return size++;
    }

    /** Room in the pool for {@code length} more bytes and in the offsets for one more string. */
    private void reserve(int length) {
        if (poolSize + length > pool.length) {
            long want = Math.max((long) pool.length * 2, (long) poolSize + length);
            if (want > Integer.MAX_VALUE - 16) {
                if ((long) poolSize + length > Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("more than 2 GB of text in one dictionary");
                }
                want = Integer.MAX_VALUE - 16;
            }
            pool = Arrays.copyOf(pool, (int) want);
        }
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
    }

    private boolean equalsAscii(int code, String s) {
        int from = offsets[code];
        int to = code + 1 < size ? offsets[code + 1] : poolSize;
        int n = s.length();
        if (to - from != n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (pool[from + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean equals(int code, byte[] b) {
        int from = offsets[code];
        int to = code + 1 < size ? offsets[code + 1] : poolSize;
        return Arrays.equals(pool, from, to, b, 0, b.length);
    }

    private void rehash(int capacity) {
        long[] next = new long[capacity];
        int m = capacity - 1;
        for (long slot : slots) {
            if (slot != 0) {
                int i = (int) (slot >>> 32) & m;
                while (next[i] != 0) {
                    i = (i + 1) & m;
                }
                next[i] = slot;
            }
        }
        slots = next;
        mask = m;
    }

    /**
     * Marks a string with a char outside ASCII (the finalised hash of a real string never is this value: see
     * {@link #finish}).
     */
    private static final int NOT_ASCII = 0;

    /** The hash of an ASCII string's UTF-8 bytes computed from its chars (the same as {@link #hash}), or NOT_ASCII. */
    private static int asciiHash(String s) {
        int h = SEED;
        for (int k = 0, n = s.length(); k < n; k++) {
            char c = s.charAt(k);
            if (c >= 0x80) {
                return NOT_ASCII;
            }
            h = 31 * h + c;
        }
        return finish(h);
    }

    private static final int SEED = 0x9747b28c;

    private static int hash(byte[] b, int from, int length) {
        int h = SEED;
        for (int i = from, end = from + length; i < end; i++) {
            h = 31 * h + b[i];
        }
        return finish(h);
    }

    /** Murmur3's finaliser, nudged off NOT_ASCII (the finaliser is a bijection: only one input maps to 0). */
    private static int finish(int h) {
        // murmur3 finaliser: spread the bits so that sequential numbers do not cluster
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h == NOT_ASCII ? 1 : h;
    }
}
