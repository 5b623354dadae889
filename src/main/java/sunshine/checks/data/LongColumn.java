package sunshine.checks.data;

import java.math.BigDecimal;
import java.util.Arrays;
import sunshine.checks.engine.Ids;
import sunshine.checks.engine.Money;
import sunshine.checks.engine.RegionCodes;

/**
 * Money (cents), ID numbers (keys, see {@link Ids}), region codes (12 digits as a number) and whole numbers. An empty
 * cell is {@link #NULL} ({@code Long.MIN_VALUE}, the same as {@link Money#NONE}, {@link Ids#NONE} and
 * {@link RegionCodes#NONE}).
 */
public final class LongColumn extends DataColumn {

    public static final long NULL = Long.MIN_VALUE;

    /** What the longs mean. */
    public enum Kind { MONEY, ID, REGION, INTEGER }

    private final Kind kind;
    private long[] data = new long[16];
    private int size;

    public LongColumn(String name, Kind kind) {
        super(name);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public long get(int row) {
        return data[row];
    }

    public boolean isNull(int row) {
        return data[row] == NULL;
    }

    /** For an ID column: the 18-character ID number; for a region column: the 12 digits; null when empty. */
    public String text(int row) {
        long v = data[row];
        if (v == NULL) {
            return null;
        }
        return switch (kind) {
            case ID -> Ids.idNo(v);
            case REGION -> RegionCodes.text(v);
            case MONEY -> Money.yuan(v).toPlainString();
            case INTEGER -> Long.toString(v);
        };
    }

    public void add(long v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, Math.max(16, size + (size >> 1)));
        }
        data[size++] = v;
    }

    @Override
    void append(Object value) {
        if (value == null) {
            add(NULL);
            return;
        }
        switch (kind) {
            case MONEY -> add(Money.cents((BigDecimal) value));
            case ID -> add(Ids.key((String) value));
            case REGION -> add(RegionCodes.parse((String) value));
            case INTEGER -> add(((Number) value).longValue());
        }
    }

    @Override
    void permute(int[] order, int n) {
        long[] next = new long[n];
        for (int i = 0; i < n; i++) {
            next[i] = data[order[i]];
        }
        data = next;
        size = n;
    }

    @Override
    void trim(int n) {
        data = Arrays.copyOf(data, n);
        size = n;
    }

    @Override
    public long bytes() {
        return 8L * data.length;
    }
}
