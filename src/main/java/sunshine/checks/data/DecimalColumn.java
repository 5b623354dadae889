package sunshine.checks.data;

import java.math.BigDecimal;
import java.util.Arrays;

/** Non-money decimals (a property's area): rare and few after filtering, kept as BigDecimal. */
public final class DecimalColumn extends DataColumn {

    private BigDecimal[] data = new BigDecimal[16];
    private int size;

    public DecimalColumn(String name) {
        super(name);
    }

    /** The value, or null when empty. */
    public BigDecimal get(int row) {
        return data[row];
    }

    @Override
    void append(Object value) {
        if (size == data.length) {
            data = Arrays.copyOf(data, Math.max(16, size + (size >> 1)));
        }
        data[size++] = (BigDecimal) value;
    }

    @Override
    void permute(int[] order, int n) {
        BigDecimal[] next = new BigDecimal[n];
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
        return 8L * data.length + 40L * size;
    }
}
