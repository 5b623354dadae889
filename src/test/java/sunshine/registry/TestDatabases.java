package sunshine.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;

/**
 * The databases the database tests run on: H2 (a file in a temporary directory, PostgreSQL mode, as the embedded
 * default) and the machine's PostgreSQL (127.0.0.1:5432, database {@code test}, user postgres), each test class in
 * a fresh schema of its own so that runs never interfere. PostgreSQL tests run when it is reachable, and must run
 * (fail instead of being skipped) when {@code SUNSHINE_REQUIRE_POSTGRES=true}, as CI sets it.
 */
public final class TestDatabases {

    public static final String PG_URL = env("SUNSHINE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = env("SUNSHINE_TEST_PG_USER", "postgres");
    public static final String PG_PASSWORD = env("SUNSHINE_TEST_PG_PASSWORD", "");

    private TestDatabases() {
    }

    /** For {@code @EnabledIf("sunshine.registry.TestDatabases#postgresAvailable")}. */
    public static boolean postgresAvailable() {
        if ("true".equalsIgnoreCase(System.getenv("SUNSHINE_REQUIRE_POSTGRES"))) {
            // required: run the tests, which fail if PostgreSQL is not there
            return true;
        }
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    /** A fresh, unique schema name. */
    public static String newSchema() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    /** A temporary data directory, deleted when the JVM exits. */
    public static Path newDataDir() {
        try {
            Path dir = Files.createTempDirectory("sunshine-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded default: an H2 file in PostgreSQL mode under the data directory. */
    public static void h2(DynamicPropertyRegistry registry, Path dataDir) {
        registry.add("sunshine.data-dir", dataDir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("sunshine")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    /** The machine's PostgreSQL, in a schema of its own that Flyway creates. */
    public static void postgres(DynamicPropertyRegistry registry, Path dataDir, String schema) {
        registry.add("sunshine.data-dir", dataDir::toString);
        registry.add("spring.datasource.url", () -> PG_URL + (PG_URL.contains("?") ? "&" : "?")
                + "currentSchema=" + schema + "&reWriteBatchedInserts=true");
        registry.add("spring.datasource.username", () -> PG_USER);
        registry.add("spring.datasource.password", () -> PG_PASSWORD);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
        // Spring caches every test class's context, each with its own pool: keep pools small and let idle
        // connections go, or fourteen PostgreSQL test classes exhaust the server's 100 connections.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }

    /** Drops a test class's PostgreSQL schema. */
    public static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // left behind: harmless, the name is unique
        }
    }

    /** Empties every dataset table and the import bookkeeping. */
    public static void clear(JdbcTemplate jdbc) {
        for (Dataset d : DataContract.standard().datasets()) {
            jdbc.update("DELETE FROM " + d.name());
        }
        jdbc.update("DELETE FROM import_replacement");
        jdbc.update("DELETE FROM import_run");
    }

    /** The row count of every dataset table, in contract order. */
    public static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Dataset d : DataContract.standard().datasets()) {
            counts.put(d.name(), jdbc.queryForObject("SELECT COUNT(*) FROM " + d.name(), Long.class));
        }
        return counts;
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
