package sunshine.checks.data;

/**
 * One column of a {@link Table}, stored as a primitive array (struct of arrays): each value type of the contract has
 * its compact form (see the subclasses). Columns grow while a dataset is loaded and are read-only afterwards.
 */
public abstract sealed class DataColumn
        permits IntColumn, LongColumn, EnumColumn, TextColumn, DecimalColumn {

    private final String name;

    DataColumn(String name) {
        this.name = name;
    }

    /** The contract's column name. */
    public String name() {
        return name;
    }

    /** Appends a typed value as the contract's reader gives it (null: an empty cell). */
    abstract void append(Object value);

    /** Reorders the rows: row i becomes the old row {@code order[i]} (the first {@code n} rows). */
    abstract void permute(int[] order, int n);

    /** Trims the backing array to the rows held. */
    abstract void trim(int n);

    /** Bytes held, for the memory report. */
    public abstract long bytes();
}
