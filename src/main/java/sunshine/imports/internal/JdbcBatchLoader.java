package sunshine.imports.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import sunshine.contract.Dataset;
import sunshine.contract.ValueFormat;
import sunshine.contract.ValueType;

/** Loads rows with one prepared INSERT executed as a JDBC batch: any database (the embedded H2 above all). */
final class JdbcBatchLoader extends TableLoader {

    private final PreparedStatement insert;

    JdbcBatchLoader(Connection connection, Dataset dataset, long importId, int batchSize) throws SQLException {
        super(dataset, importId, batchSize);
        this.insert = connection.prepareStatement(insertSql());
    }

    private String insertSql() {
        return "INSERT INTO " + dataset.name() + " (" + columnList() + ") VALUES ("
                + "?, ".repeat(columns.size()) + "?, ?)";
    }

    @Override
    protected void append(Object[] values, long sourceRow) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            bind(insert, i + 1, columns.get(i).type(), values[i]);
        }
        insert.setLong(columns.size() + 1, importId);
        insert.setLong(columns.size() + 2, sourceRow);
        insert.addBatch();
    }

    @Override
    protected void execute() throws SQLException {
        insert.executeBatch();
    }

    @Override
    protected void clear() throws SQLException {
        insert.clearBatch();
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }

    /** The JDBC type of a contract value type's column (for NULLs). */
    static int sqlType(ValueType type) {
        switch (type) {
            case DATE:
                return Types.DATE;
            case MONTH:
                return Types.CHAR;
            case MONEY:
            case DECIMAL:
                return Types.NUMERIC;
            case INTEGER:
                return Types.BIGINT;
            default:
                return Types.VARCHAR;
        }
    }

    static void bind(PreparedStatement ps, int index, ValueType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType(type));
            return;
        }
        switch (type) {
            case DATE:
                if (value instanceof LocalDateTime) {
                    value = ((LocalDateTime) value).toLocalDate();
                }
                if (!(value instanceof LocalDate)) {
                    throw new IllegalArgumentException("a DATE value must be a LocalDate: " + value.getClass());
                }
                ps.setObject(index, value);
                return;
            case MONTH:
                if (value instanceof YearMonth || value instanceof LocalDate) {
                    ps.setString(index, ValueFormat.format(ValueType.MONTH, value));
                    return;
                }
                throw new IllegalArgumentException("a MONTH value must be a YearMonth: " + value.getClass());
            case MONEY:
            case DECIMAL:
                ps.setBigDecimal(index, decimal(value));
                return;
            case INTEGER:
                if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                    ps.setLong(index, ((Number) value).longValue());
                } else {
                    ps.setLong(index, decimal(value).longValueExact());
                }
                return;
            default:
                ps.setString(index, value.toString());
        }
    }

}
