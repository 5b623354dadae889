package sunshine.checks.data;

import java.util.Arrays;
import java.util.List;
import sunshine.contract.EnumType;

/**
 * Enum codes as one byte each: the code's position in the contract's enum type ({@code program}: DIBAO_URBAN = 0,
 * DIBAO_RURAL = 1 ...), -1 when empty. Compare with {@link #is(int, String)}, or resolve a code once with
 * {@link #index(String)} and compare bytes in a hot loop.
 */
public final class EnumColumn extends DataColumn {

    private final EnumType type;
    private final String[] codes;
    private byte[] data = new byte[16];
    private int size;

    public EnumColumn(String name, EnumType type) {
        super(name);
        this.type = type;
        List<EnumType.Value> values = type.values();
        this.codes = new String[values.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = values.get(i).code();
        }
        if (codes.length > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("enum " + type.name() + " has too many codes for a byte");
        }
    }

    public EnumType type() {
        return type;
    }

    /** The code of a row, or null when empty. */
    public String code(int row) {
        byte b = data[row];
        return b < 0 ? null : codes[b];
    }

    /** The position of a code in the enum (what {@link #raw(int)} holds). */
    public byte index(String code) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(code)) {
                return (byte) i;
            }
        }
        throw new IllegalArgumentException(code + " is not a code of enum " + type.name());
    }

    public byte raw(int row) {
        return data[row];
    }

    public boolean is(int row, String code) {
        byte b = data[row];
        return b >= 0 && codes[b].equals(code);
    }

    public boolean isNull(int row) {
        return data[row] < 0;
    }

    @Override
    void append(Object value) {
        byte b = value == null ? -1 : index((String) value);
        if (size == data.length) {
            data = Arrays.copyOf(data, Math.max(16, size + (size >> 1)));
        }
        data[size++] = b;
    }

    @Override
    void permute(int[] order, int n) {
        byte[] next = new byte[n];
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
        return data.length;
    }
}
