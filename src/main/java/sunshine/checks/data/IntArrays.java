package sunshine.checks.data;

import java.util.Arrays;

/** Primitive-array helpers for the snapshot: grouping rows by a key (CSR), stable ordering. */
public final class IntArrays {

    private IntArrays() {
    }

    /**
     * Groups rows 0..n-1 by an int key in 0..keys-1 (stable: rows of one key keep their order). Returns the
     * start offsets ({@code keys + 1} entries) and fills {@code order} (n entries) with the row indexes, key by key:
     * the rows of key k are {@code order[start[k] .. start[k+1])}. Rows whose key is negative are left out.
     */
    public static int[] group(int[] keyOfRow, int n, int keys, int[] order) {
        int[] start = new int[keys + 1];
        for (int r = 0; r < n; r++) {
            int k = keyOfRow[r];
            if (k >= 0) {
                start[k + 1]++;
            }
        }
        for (int k = 0; k < keys; k++) {
            start[k + 1] += start[k];
        }
        int[] next = Arrays.copyOf(start, keys);
        for (int r = 0; r < n; r++) {
            int k = keyOfRow[r];
            if (k >= 0) {
                order[next[k]++] = r;
            }
        }
        return start;
    }

    /** Whether the keys are already in non-decreasing order. */
    public static boolean sorted(int[] keyOfRow, int n) {
        for (int i = 1; i < n; i++) {
            if (keyOfRow[i - 1] > keyOfRow[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first index in [from, to) whose key is {@code >= key} (keys sorted). */
    public static int lowerBound(int[] sortedKeys, int from, int to, int key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedKeys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
