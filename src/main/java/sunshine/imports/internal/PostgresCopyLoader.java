package sunshine.imports.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import sunshine.contract.Dataset;
import sunshine.contract.ValueFormat;
import sunshine.contract.ValueType;

/**
 * Loads rows into PostgreSQL with {@code COPY ... FROM STDIN (FORMAT csv)}: the batch is built as CSV text and
 * sent as one COPY, several times faster than batched INSERTs. Inside the import's transaction like any statement,
 * so a refused COPY rolls back with the rest. Text values are always quoted: an unquoted empty field is NULL.
 */
final class PostgresCopyLoader extends TableLoader {

    private final CopyManager copy;
    private final String sql;
    private final StringBuilder batch = new StringBuilder(1 << 20);

    PostgresCopyLoader(PGConnection connection, Dataset dataset, long importId, int batchSize) throws SQLException {
        super(dataset, importId, batchSize);
        this.copy = connection.getCopyAPI();
        this.sql = "COPY " + dataset.name() + " (" + columnList() + ") FROM STDIN (FORMAT csv)";
    }

    @Override
    protected void append(Object[] values, long sourceRow) {
        for (int i = 0; i < columns.size(); i++) {
            field(columns.get(i).type(), values[i]);
            batch.append(',');
        }
        batch.append(importId).append(',').append(sourceRow).append('\n');
    }

    private void field(ValueType type, Object value) {
        if (value == null) {
            return;
        }
        switch (type) {
            case DATE -> batch.append(value instanceof LocalDateTime t ? t.toLocalDate() : value);
            case MONTH -> batch.append(ValueFormat.format(ValueType.MONTH, value instanceof YearMonth m ? m : value));
            case MONEY, DECIMAL -> batch.append(decimal(value).toPlainString());
            case INTEGER -> batch.append(value instanceof Number n && !(value instanceof java.math.BigDecimal)
                    ? Long.toString(n.longValue()) : decimal(value).toBigIntegerExact().toString());
            default -> quoted(value.toString());
        }
    }

    private void quoted(String text) {
        batch.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                batch.append('"');
            }
            batch.append(c);
        }
        batch.append('"');
    }

    @Override
    protected void execute() throws SQLException {
        try {
            copy.copyIn(sql, new StringBuilderReader(batch));
        } catch (IOException e) {
            throw new SQLException("COPY into " + dataset.name() + " failed: " + e.getMessage(), e);
        } finally {
            batch.setLength(0);
        }
    }

    @Override
    protected void clear() {
        batch.setLength(0);
    }

    @Override
    public void close() {
        batch.setLength(0);
        batch.trimToSize();
    }

    /** Reads a StringBuilder without copying it into a String first. */
    private static final class StringBuilderReader extends java.io.Reader {
        private final CharSequence text;
        private int position;

        StringBuilderReader(CharSequence text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position >= text.length()) {
                return -1;
            }
            int n = Math.min(length, text.length() - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = text.charAt(position + i);
            }
            position += n;
            return n;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
