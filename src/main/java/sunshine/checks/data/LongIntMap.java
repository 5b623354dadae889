package sunshine.checks.data;

import java.util.Arrays;

/**
 * A map from long keys (ID numbers, region codes) to int values (row indexes), open addressing, two primitive
 * arrays and no object per entry. Keys must not be {@code 0} (no ID key or region code is).
 */
public final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    public LongIntMap() {
        this(16);
    }

    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected * 4L / 3 + 1)) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    public int size() {
        return size;
    }

    /** The value of a key, or -1. */
    public int get(long key) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    public boolean contains(long key) {
        return get(key) >= 0;
    }

    /** Puts the value unless the key is present; returns the value already there, or -1 when it was put. */
    public int putIfAbsent(long key, int value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                keys[i] = key;
                values[i] = value;
                if (++size * 4L > keys.length * 3L) {
                    grow();
                }
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Bytes held, for the memory report. */
    public long bytes() {
        return 12L * keys.length;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = slot(oldKeys[j]);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
        Arrays.fill(oldKeys, 0);
    }
}
