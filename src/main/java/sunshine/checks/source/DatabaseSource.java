package sunshine.checks.source;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import sunshine.checks.CheckSource;
import sunshine.checks.InputInfo;
import sunshine.contract.Column;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.ValueType;

/**
 * The registry tables as a {@link CheckSource}: each dataset streamed from its table (named like the dataset, with
 * the contract's column names) as the same typed rows the folder source gives (String for ID, REGION, ENUM and
 * TEXT; LocalDate; YearMonth; BigDecimal with scale 2 for MONEY; Long for INTEGER), in contract column order.
 * <p>
 * <b>One consistent state.</b> Everything is read on one connection in one read-only transaction that sees a
 * snapshot of the database (REPEATABLE READ on PostgreSQL, SNAPSHOT on H2): an import committing while the check
 * reads changes nothing the check sees, and {@link #inputs()} names exactly the imports whose rows were read.
 * <p>
 * <b>Streaming.</b> Forward-only, read-only result sets with a fetch size, autocommit off (so that the PostgreSQL
 * driver fetches with a cursor instead of loading the table), rows in the order they were imported (import, then
 * the file's row), which is the files' order: the snapshot is built exactly as from the imported files.
 * <p>
 * <b>Inputs.</b> A dataset is present when it has a current import ({@code import_run} status IMPORTED) or rows.
 * For each dataset read, the imports whose rows were read (a dataset replaced period by period holds the rows of
 * several), each with its file name and SM3 hash as the importer recorded them and the number of its rows read.
 * <p>
 * The values are trusted as the importer typed and checked them; the snapshot loader still checks keys and
 * references. Not thread-safe: one check reads it. {@link #close()} ends the transaction.
 */
public final class DatabaseSource implements CheckSource {

    /** Rows fetched per round trip. */
    static final int FETCH_SIZE = 10_000;

    /** One import whose rows a check read. */
    public record ImportRead(String dataset, long importId, String fileName, String contentHash, long rows) {
    }

    private final DataContract contract = DataContract.standard();
    private final Connection connection;
    private final String description;
    private final Map<String, Boolean> present = new HashMap<>();
    /** dataset -> import id -> rows read, for the datasets read so far, in reading order. */
    private final Map<String, Map<Long, long[]>> reads = new LinkedHashMap<>();

    /**
     * Opens the connection and its snapshot transaction.
     *
     * @throws IllegalStateException when the database cannot be reached
     */
    public DatabaseSource(DataSource dataSource) {
        try {
            this.connection = dataSource.getConnection();
            try {
                String product = connection.getMetaData().getDatabaseProductName();
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                if (product.toLowerCase(java.util.Locale.ROOT).contains("h2")) {
                    // H2's SNAPSHOT (org.h2.engine.Constants.TRANSACTION_SNAPSHOT): the whole database as of the
                    // transaction's start; its REPEATABLE READ fixes each table only when first read
                    connection.setTransactionIsolation(6);
                } else {
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                }
                this.description = "database " + product + " " + withoutParameters(connection.getMetaData().getURL());
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String location(String dataset) {
        return "table " + dataset;
    }

    @Override
    public boolean has(String dataset) {
        if (!contract.hasDataset(dataset)) {
            return false;
        }
        return present.computeIfAbsent(dataset, d -> {
            try {
                return exists("SELECT 1 FROM import_run WHERE dataset = ? AND status = 'IMPORTED'", d)
                        || exists("SELECT 1 FROM " + d, null);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the imports of " + d + ": " + e.getMessage(), e);
            }
        });
    }

    private boolean exists(String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql + " LIMIT 1")) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void read(Dataset dataset, Rows rows) throws IOException {
        if (!has(dataset.name())) {
            throw new IllegalArgumentException("the database has no " + dataset.name());
        }
        List<Column> columns = dataset.columns();
        int n = columns.size();
        ValueType[] types = columns.stream().map(Column::type).toArray(ValueType[]::new);
        String sql = "SELECT " + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ", import_id, source_row FROM " + dataset.name() + " ORDER BY import_id, source_row";
        Map<Long, long[]> counts = reads.computeIfAbsent(dataset.name(), k -> new TreeMap<>());
        Object[] values = new Object[n];
        long lastImport = Long.MIN_VALUE;
        long[] count = null;
        try (PreparedStatement ps = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < n; i++) {
                        values[i] = value(rs, i + 1, types[i]);
                    }
                    long importId = rs.getLong(n + 1);
                    if (importId != lastImport) {
                        lastImport = importId;
                        count = counts.computeIfAbsent(importId, k -> new long[1]);
                    }
                    count[0]++;
                    rows.row(rs.getLong(n + 2), values);
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot read table " + dataset.name() + ": " + e.getMessage(), e);
        }
    }

    /** A column's value as the contract's reader types it. */
    private static Object value(ResultSet rs, int index, ValueType type) throws SQLException {
        switch (type) {
            case DATE:
                return rs.getObject(index, LocalDate.class);
            case MONTH: {
                String s = rs.getString(index);
                return s == null ? null : YearMonth.parse(s.strip());
            }
            case MONEY: {
                BigDecimal v = rs.getBigDecimal(index);
                return v == null ? null : v.setScale(2);
            }
            case DECIMAL: {
                BigDecimal v = rs.getBigDecimal(index);
                if (v == null) {
                    return null;
                }
                BigDecimal s = v.stripTrailingZeros();
                return s.scale() < 0 ? s.setScale(0) : s;
            }
            case INTEGER: {
                long v = rs.getLong(index);
                return rs.wasNull() ? null : v;
            }
            default:
                return rs.getString(index);
        }
    }

    /**
     * The imports whose rows each dataset read so far holds, with their hashes; also a current import without rows
     * (an empty file). Datasets in reading order, imports by id.
     */
    public List<ImportRead> imports() {
        List<ImportRead> out = new ArrayList<>();
        try {
            for (Map.Entry<String, Map<Long, long[]>> e : reads.entrySet()) {
                Map<Long, long[]> counts = new TreeMap<>(e.getValue());
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT id FROM import_run WHERE dataset = ? AND status = 'IMPORTED'")) {
                    ps.setString(1, e.getKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counts.putIfAbsent(rs.getLong(1), new long[1]);
                        }
                    }
                }
                for (Map.Entry<Long, long[]> c : counts.entrySet()) {
                    String file = null;
                    String hash = null;
                    try (PreparedStatement ps = connection.prepareStatement(
                            "SELECT file_name, content_hash FROM import_run WHERE id = ?")) {
                        ps.setLong(1, c.getKey());
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                file = rs.getString(1);
                                hash = rs.getString(2);
                            }
                        }
                    }
                    out.add(new ImportRead(e.getKey(), c.getKey(), file, hash, c.getValue()[0]));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the import records: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The datasets read: location {@code table payments (import 12 payments.csv)}, the rows read, and the SM3 hash
     * of the imported file (of each file, comma-separated, when the rows come from several imports).
     */
    @Override
    public List<InputInfo> inputs() {
        Map<String, List<ImportRead>> byDataset = new LinkedHashMap<>();
        reads.keySet().forEach(d -> byDataset.put(d, new ArrayList<>()));
        imports().forEach(i -> byDataset.get(i.dataset()).add(i));
        List<InputInfo> out = new ArrayList<>();
        byDataset.forEach((dataset, imports) -> {
            String location = "table " + dataset + " (" + imports.stream()
                    .map(i -> "import " + i.importId() + (i.fileName() == null ? "" : " " + i.fileName()))
                    .collect(Collectors.joining(", ")) + ")";
            long rows = imports.stream().mapToLong(ImportRead::rows).sum();
            String hash = imports.stream().map(i -> i.contentHash() == null ? "" : i.contentHash())
                    .collect(Collectors.joining(","));
            out.add(new InputInfo(dataset, location, "DATABASE", rows, 0, "SM3", hash));
        });
        return out;
    }

    @Override
    public void close() {
        try {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            // nothing was written; the pool discards a broken connection
        }
    }

    private static String withoutParameters(String url) {
        if (url == null) {
            return "";
        }
        int cut = url.length();
        for (char c : new char[] {';', '?'}) {
            int i = url.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return url.substring(0, cut);
    }
}
