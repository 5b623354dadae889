package sunshine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.contract.Column;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.DatasetKind;

/**
 * The migrated database has a table for every dataset of the contract (datasets.yaml), with every column, of the
 * contract's type, nullable exactly when the contract allows an empty cell, plus import_id and source_row; no
 * unique constraint on a dataset table (keys are checked by the importer), and an index on each key, reference
 * column and external id_no. So datasets.yaml and the migrations cannot drift apart.
 * <p>
 * Abstract: {@link SchemaMatchesContractH2Test} and {@link SchemaMatchesContractPostgresTest} run it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaMatchesContractTest {

    /** One column as the database describes it. */
    record DbColumn(String name, int jdbcType, String typeName, int size, int decimals, boolean nullable) {
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    private final DataContract contract = DataContract.standard();
    private final Map<String, Map<String, DbColumn>> tables = new HashMap<>();
    private final Map<String, List<List<String>>> indexes = new HashMap<>();
    private final Map<String, List<String>> uniqueIndexes = new HashMap<>();

    @BeforeAll
    void readMetadata() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String schema = c.getSchema();
            for (Dataset d : contract.datasets()) {
                Map<String, DbColumn> columns = new HashMap<>();
                try (ResultSet rs = md.getColumns(null, schema, d.name(), null)) {
                    while (rs.next()) {
                        String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                        columns.put(name, new DbColumn(name, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                                rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                                rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable));
                    }
                }
                if (!columns.isEmpty()) {
                    tables.put(d.name(), columns);
                }
                Map<String, TreeMap<Short, String>> byIndex = new HashMap<>();
                List<String> unique = new ArrayList<>();
                try (ResultSet rs = md.getIndexInfo(null, schema, d.name(), false, false)) {
                    while (rs.next()) {
                        String index = rs.getString("INDEX_NAME");
                        String column = rs.getString("COLUMN_NAME");
                        if (index == null || column == null) {
                            continue;
                        }
                        byIndex.computeIfAbsent(index, k -> new TreeMap<>())
                                .put(rs.getShort("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
                        if (!rs.getBoolean("NON_UNIQUE") && !unique.contains(index)) {
                            unique.add(index);
                        }
                    }
                }
                indexes.put(d.name(), byIndex.values().stream().map(m -> List.copyOf(m.values())).toList());
                uniqueIndexes.put(d.name(), unique);
            }
        }
    }

    @Test
    void everyDatasetHasItsTable() {
        assertThat(tables.keySet()).containsExactlyInAnyOrderElementsOf(
                contract.datasets().stream().map(Dataset::name).toList());
        assertThat(contract.datasets()).hasSize(22);
    }

    @Test
    void everyTableHasExactlyTheContractsColumnsPlusImportIdAndSourceRow() {
        for (Dataset d : contract.datasets()) {
            List<String> expected = new ArrayList<>(d.columnNames());
            expected.add("import_id");
            expected.add("source_row");
            assertThat(tables.get(d.name()).keySet()).as(d.name()).containsExactlyInAnyOrderElementsOf(expected);
            for (String bookkeeping : List.of("import_id", "source_row")) {
                DbColumn c = tables.get(d.name()).get(bookkeeping);
                assertThat(c.jdbcType()).as(d.name() + "." + bookkeeping).isEqualTo(Types.BIGINT);
                assertThat(c.nullable()).as(d.name() + "." + bookkeeping).isFalse();
            }
        }
    }

    @Test
    void everyColumnHasTheTypeOfItsContractType() {
        for (Dataset d : contract.datasets()) {
            for (Column col : d.columns()) {
                DbColumn c = tables.get(d.name()).get(col.name());
                String what = d.name() + "." + col.name() + " (" + col.type() + ", " + c.typeName() + ")";
                switch (col.type()) {
                    case ID -> varchar(c, 18, what);
                    case REGION -> varchar(c, 12, what);
                    case ENUM -> varchar(c, 24, what);
                    case TEXT -> {
                        assertThat(col.length()).as(what + " needs a length in datasets.yaml").isPositive();
                        varchar(c, col.length(), what);
                    }
                    case DATE -> assertThat(c.jdbcType()).as(what).isEqualTo(Types.DATE);
                    case MONTH -> {
                        assertThat(c.jdbcType()).as(what).isEqualTo(Types.CHAR);
                        assertThat(c.size()).as(what).isEqualTo(7);
                    }
                    case MONEY, DECIMAL -> {
                        assertThat(c.jdbcType()).as(what).isIn(Types.NUMERIC, Types.DECIMAL);
                        assertThat(c.size()).as(what).isEqualTo(14);
                        assertThat(c.decimals()).as(what).isEqualTo(2);
                    }
                    case INTEGER -> assertThat(c.jdbcType()).as(what).isEqualTo(Types.BIGINT);
                    default -> throw new AssertionError("unknown type " + col.type());
                }
            }
        }
    }

    private static void varchar(DbColumn c, int size, String what) {
        assertThat(c.jdbcType()).as(what).isEqualTo(Types.VARCHAR);
        assertThat(c.size()).as(what).isEqualTo(size);
    }

    @Test
    void requiredColumnsAreNotNullAndTheOthersNullable() {
        for (Dataset d : contract.datasets()) {
            for (Column col : d.columns()) {
                assertThat(tables.get(d.name()).get(col.name()).nullable())
                        .as(d.name() + "." + col.name()).isEqualTo(!col.required());
            }
        }
    }

    @Test
    void noDatasetTableHasAUniqueIndex() {
        for (Dataset d : contract.datasets()) {
            assertThat(uniqueIndexes.get(d.name())).as(d.name()).isEmpty();
        }
    }

    @Test
    void keysReferencesAndExternalIdNumbersAreIndexed() {
        for (Dataset d : contract.datasets()) {
            List<List<String>> idx = indexes.get(d.name());
            if (!d.key().isEmpty()) {
                assertThat(idx).as(d.name() + " key").contains(d.key());
            }
            for (String ref : d.references().keySet()) {
                assertThat(idx).as(d.name() + "." + ref).anyMatch(i -> i.get(0).equals(ref));
            }
            if (d.kind() == DatasetKind.EXTERNAL) {
                assertThat(idx).as(d.name() + ".id_no").anyMatch(i -> i.get(0).equals("id_no"));
            }
            if (d.periodColumn() != null) {
                assertThat(idx).as(d.name() + "." + d.periodColumn()).anyMatch(i -> i.get(0).equals(d.periodColumn()));
            }
            assertThat(idx).as(d.name() + " import").contains(List.of("import_id", "source_row"));
        }
    }

    @Test
    void theTargetOfEveryReferenceIsIndexed() {
        for (Dataset d : contract.datasets()) {
            for (String target : d.references().values()) {
                String table = target.substring(0, target.indexOf('.'));
                String column = target.substring(target.indexOf('.') + 1);
                assertThat(indexes.get(table)).as(target).anyMatch(i -> i.get(0).equals(column));
            }
        }
    }

    @Test
    void theImportBookkeepingIsThere() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_run", Long.class)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_replacement", Long.class)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_lock", Long.class)).isEqualTo(1L);
        long a = jdbc.queryForObject("SELECT nextval('import_run_seq')", Long.class);
        long b = jdbc.queryForObject("SELECT nextval('import_run_seq')", Long.class);
        assertThat(b).isGreaterThan(a);
    }
}
