package sunshine.checks.data;

import java.util.Arrays;

/**
 * Text as dictionary codes: one int per row into a {@link StringTable} (-1 when empty). Columns that name the same
 * thing share one dictionary (every enrollment_id column uses the enrollments' one), so codes compare across
 * datasets and a key column's code is its row index.
 */
public final class TextColumn extends DataColumn {

    private final StringTable dictionary;
    private int[] data = new int[16];
    private int size;

    public TextColumn(String name, StringTable dictionary) {
        super(name);
        this.dictionary = dictionary;
    }

    public StringTable dictionary() {
        return dictionary;
    }

    /** The text of a row, or null when empty. */
    public String get(int row) {
        return dictionary.get(data[row]);
    }

    /** The dictionary code of a row, or -1 when empty. */
    public int code(int row) {
        return data[row];
    }

    public boolean isNull(int row) {
        return data[row] < 0;
    }

    public void addCode(int code) {
        if (size == data.length) {
            data = Arrays.copyOf(data, Math.max(16, size + (size >> 1)));
        }
        data[size++] = code;
    }

    /** The backing array (at least {@code size} entries). Do not modify. */
    int[] array() {
        return data;
    }

    @Override
    void append(Object value) {
        addCode(value == null ? -1 : dictionary.add((String) value));
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
