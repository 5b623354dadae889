package sunshine.checks.data;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import sunshine.checks.engine.Days;
import sunshine.checks.engine.Months;

/**
 * Dates (epoch days, {@link Days#NONE} when empty), months ({@code year*12+month-1}, {@link Months#NONE} when empty)
 * and row references (an int index, -1 when empty).
 */
public final class IntColumn extends DataColumn {

    /** What the ints mean. */
    public enum Kind { DATE, MONTH, INDEX }

    private final Kind kind;
    private int[] data = new int[16];
    private int size;

    public IntColumn(String name, Kind kind) {
        super(name);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public int get(int row) {
        return data[row];
    }

    public boolean isNull(int row) {
        return data[row] == (kind == Kind.INDEX ? -1 : Integer.MIN_VALUE);
    }

    /** The backing array (at least {@code size} entries); for loops in the snapshot. Do not modify. */
    int[] array() {
        return data;
    }

    public void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, Math.max(16, size + (size >> 1)));
        }
        data[size++] = v;
    }

    @Override
    void append(Object value) {
        switch (kind) {
            case DATE -> add(Days.of((LocalDate) value));
            case MONTH -> add(Months.of((YearMonth) value));
            default -> add(value == null ? -1 : ((Number) value).intValue());
        }
    }

    @Override
    void permute(int[] order, int n) {
        int[] next = new int[n];
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
        return 4L * data.length;
    }
}
