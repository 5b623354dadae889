package sunshine.imports.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import sunshine.contract.Column;
import org.postgresql.PGConnection;
import sunshine.contract.Dataset;

/**
 * Loads the typed rows of one file into its dataset's table, a batch at a time: nothing is held beyond the current
 * batch. On PostgreSQL with COPY ({@link PostgresCopyLoader}, several times faster), elsewhere with JDBC batches of
 * one prepared INSERT ({@link JdbcBatchLoader}).
 */
abstract class TableLoader implements AutoCloseable {

    protected final Dataset dataset;
    protected final List<Column> columns;
    protected final long importId;
    private final int batchSize;
    private int pending;
    private long inserted;
    private long firstPendingRow;
    private long lastPendingRow;

    protected TableLoader(Dataset dataset, long importId, int batchSize) {
        this.dataset = dataset;
        this.columns = dataset.columns();
        this.importId = importId;
        this.batchSize = batchSize;
    }

    /** The fastest loader the connection's database offers. */
    static TableLoader open(Connection connection, Dataset dataset, long importId, int batchSize)
            throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            // COPY pays off with larger batches: ten times the INSERT batch, a few MB of text at most
            return new PostgresCopyLoader(connection.unwrap(PGConnection.class), dataset, importId, batchSize * 10);
        }
        return new JdbcBatchLoader(connection, dataset, importId, batchSize);
    }

    /** Adds a row (values in the dataset's column order); loads the batch when it is full. */
    final void add(Object[] values, long sourceRow) throws SQLException {
        append(values, sourceRow);
        if (pending == 0) {
            firstPendingRow = sourceRow;
        }
        lastPendingRow = sourceRow;
        if (++pending >= batchSize) {
            flush();
        }
    }

    /** Loads what is pending. */
    final void flush() throws SQLException {
        if (pending > 0) {
            execute();
            inserted += pending;
            pending = 0;
        }
    }

    /** Drops what is pending (the file has an error: nothing more is loaded). */
    final void discard() throws SQLException {
        if (pending > 0) {
            clear();
            pending = 0;
        }
    }

    /** The first spreadsheet row of the batch being built (for a message when the database refuses it). */
    long firstPendingRow() {
        return firstPendingRow;
    }

    long lastPendingRow() {
        return lastPendingRow;
    }

    long inserted() {
        return inserted;
    }

    Dataset dataset() {
        return dataset;
    }

    /** The table's columns in load order: the dataset's, then import_id and source_row. */
    protected String columnList() {
        StringBuilder sql = new StringBuilder();
        for (Column c : columns) {
            sql.append(c.name()).append(", ");
        }
        return sql.append("import_id, source_row").toString();
    }

    protected abstract void append(Object[] values, long sourceRow) throws SQLException;

    protected abstract void execute() throws SQLException;

    protected abstract void clear() throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        throw new IllegalArgumentException("a number must be a BigDecimal: " + value.getClass());
    }
}
