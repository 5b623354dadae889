package sunshine.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import sunshine.checks.CheckEngine;
import sunshine.checks.CheckException;
import sunshine.checks.CheckParameters;
import sunshine.checks.ParameterSpec;
import sunshine.contract.Column;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.DatasetKind;

/**
 * Not a test: the benchmark's competitor. The 34 rules of rules.md, as docs/rules-interpretation.md reads them,
 * written as SQL (one file per rule, {@code src/test/resources/duckdb/rules/A01.sql} ...) and run by DuckDB on the
 * same contract folder the engine checks:
 * <pre>
 * DuckDbCheck --data DIR --period 2026-10 [--lookback 12] [--threads 2] [--memory-limit 8GB] --out DIR
 *             [--param NAME=VALUE ...] [--rules A01,C01] [--db FILE]
 * </pre>
 * <ol>
 *   <li>load: every contract CSV file into a DuckDB table with explicit types ({@code read_csv} with the columns
 *       and types of contract/datasets.yaml, DuckDB's parallel CSV reader): dates DATE, money DECIMAL(18,2), months
 *       as month numbers (year × 12 + month − 1), ID numbers and region codes normalised as the contract does. As
 *       the engine, the external datasets keep only the rows of registry persons (and social_insurance and
 *       other_rolls only the months of W).</li>
 *   <li>terms: {@code duckdb/terms.sql}, the terms every rule shares (made payment, covered, in scope, share,
 *       Standard ...), computed once, as the engine's CheckContext.</li>
 *   <li>rules: each {@code duckdb/rules/*.sql} is one SELECT whose rows are that rule's clues, inserted into the
 *       {@code clues} table by column name.</li>
 *   <li>write: clues.csv with the engine's columns and formats (UTF-8 with BOM, CRLF, yuan with 2 decimals,
 *       months 2026-10); explanation and evidence are shorter than the engine's.</li>
 * </ol>
 * The parameters are the engine's ({@link CheckEngine#defaultParameters()}, overridden by --lookback and --param),
 * given to the SQL as DuckDB variables (A02.enterprise_capital is {@code getvariable('a02_enterprise_capital')}).
 * <p>
 * In-memory database by default: a run loads its folder fresh and throws the database away, so a database file only
 * adds compression and checkpoint writes (on the county, {@code --db FILE} cost about 25% more CPU, the terms twice
 * the time, for about 25% less resident memory); DuckDB still spills to a temporary directory when a query outgrows
 * --memory-limit (the city runs within {@code --memory-limit 1GB}). {@code --db FILE} runs on a database file instead.
 * <p>
 * System properties for measuring: {@code duckdb.watch.ms} (100) how often duckdb_memory() is sampled, 0 for never
 * (every 5 ms slowed the run down); {@code duckdb.memory.tags=true} lists DuckDB's memory by tag and the largest
 * tables after the terms.
 * <p>
 * What this runner does not do, unlike the engine: it reads only UTF-8 CSV with English (or Chinese) headers and
 * canonical values as the scenario generator writes them (ISO dates, 2026-10 months, plain decimals, enum codes);
 * it checks value types (a cell DuckDB cannot parse fails the run) but not check digits, keys, references or enum
 * codes; it refuses nothing row by row.
 */
public final class DuckDbCheck {

    /** Every rule, in the order they run and their files are named. */
    public static final List<String> RULES = List.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09",
            "A10", "B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "C01", "C02", "C03", "C04", "C05", "C06",
            "C07", "C08", "C09", "D01", "D02", "D03", "D04", "E01", "E02", "E03");

    /** The columns of clues.csv, in order (as the engine's CheckOutput writes them). */
    public static final List<String> CLUE_COLUMNS = List.of("rule", "severity", "subject", "variant",
            "enrollment_id", "household_id", "id_no", "card_no", "region_code", "period_from", "period_to",
            "amount_at_risk", "owed", "explanation", "evidence");

    static final String USAGE = """
            usage: DuckDbCheck --data DIR --period 2026-10 [--lookback 12] [--threads N] [--memory-limit 8GB]
                               --out DIR [--param NAME=VALUE ...] [--rules A01,C01] [--db FILE]
            """;

    private DuckDbCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; 0 when the check ran, 1 when it failed, 2 for a wrong command line. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException | CheckException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            Result r = check(options, err);
            out.printf(Locale.ROOT, "DuckDB %s, %d threads, memory limit %s, %s%n", r.version(), r.threads(),
                    r.memoryLimit(), options.db == null ? "in-memory database" : "database file " + options.db);
            out.printf(Locale.ROOT, "period %s, window %s..%s, rules %d, clues %d%n", options.period,
                    options.period.minusMonths(options.parameters.lookback() - 1L), options.period,
                    options.rules.size(), r.clues());
            out.printf(Locale.ROOT, "rows loaded %,d%n", r.rows());
            out.printf(Locale.ROOT, "startup %s, load %s, rules %s (terms %s + rules %s), write %s, total %s%n",
                    seconds(r.startup()), seconds(r.load()), seconds(r.terms().plus(r.rules())), seconds(r.terms()), seconds(r.rules()),
                    seconds(r.write()), seconds(r.total()));
            out.printf(Locale.ROOT, "DuckDB peak memory %,d MB (sampled duckdb_memory()), process peak RSS %s%n",
                    r.peakDuckDbBytes() >> 20, r.peakRssBytes() < 0 ? "unknown" : (r.peakRssBytes() >> 20) + " MB");
            out.println("output: " + options.out.resolve("clues.csv").toAbsolutePath());
            return 0;
        } catch (SQLException | IOException | UncheckedIOException e) {
            err.println("DuckDbCheck failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * What a run took.
     *
     * @param startup         DuckDB's native library, the connection, the settings and the macros
     * @param load            CSV files into typed tables
     * @param terms           the shared terms (terms.sql)
     * @param rules           the rules' SQL
     * @param ruleTimes       each rule's time
     * @param write           clues.csv
     * @param total           everything, connection to closing
     * @param peakDuckDbBytes the highest total of {@code duckdb_memory()} seen (sampled every few milliseconds)
     * @param peakRssBytes    the process's peak resident set (JVM and DuckDB), VmHWM; -1 when unknown
     */
    public record Result(String version, int threads, String memoryLimit, long rows, int clues, Duration startup,
                         Duration load,
                         Duration terms, Duration rules, Map<String, Duration> ruleTimes, Duration write,
                         Duration total, long peakDuckDbBytes, long peakRssBytes) {
    }

    /** Runs the check; progress (one line per step and rule) goes to {@code progress}. */
    public static Result check(Options o, PrintStream progress) throws SQLException, IOException {
        long started = System.nanoTime();
        Path temp = Files.createTempDirectory("duckdb-check-");
        String url = "jdbc:duckdb:" + (o.db == null ? "" : o.db.toAbsolutePath());
        if (o.db != null) {
            Files.deleteIfExists(o.db);
            Files.deleteIfExists(Path.of(o.db + ".wal"));
        }
        try (Connection conn = DriverManager.getConnection(url);
             Statement st = conn.createStatement();
             MemoryWatch memory = new MemoryWatch(((DuckDBConnection) conn).duplicate(),
                     Long.getLong("duckdb.watch.ms", 100))) {
            if (o.threads != null) {
                st.execute("SET threads = " + o.threads);
            }
            if (o.memoryLimit != null) {
                st.execute("SET memory_limit = '" + o.memoryLimit.replace("'", "") + "'");
            }
            st.execute("SET temp_directory = '" + temp.toAbsolutePath().toString().replace("'", "''") + "'");
            String version = single(st, "SELECT version()");
            int threads = Integer.parseInt(single(st, "SELECT current_setting('threads')"));
            String memoryLimit = single(st, "SELECT current_setting('memory_limit')");
            for (String set : variables(o)) {
                st.execute(set);
            }
            st.execute(resource("duckdb/macros.sql"));
            Duration startup = since(started);
            progress.printf(Locale.ROOT, "startup (DuckDB's native library, connection, settings, macros): %s%n",
                    seconds(startup));

            long t0 = System.nanoTime();
            long rows = load(st, o, progress);
            Duration load = since(t0);
            progress.printf(Locale.ROOT, "load: %,d rows in %s%n", rows, seconds(load));

            long loaded = memoryInUse(st);
            progress.printf(Locale.ROOT, "  DuckDB memory in use after load: %,d MB%n", loaded >> 20);

            t0 = System.nanoTime();
            st.execute(resource("duckdb/terms.sql"));
            Duration terms = since(t0);
            progress.printf(Locale.ROOT, "terms: %s%n", seconds(terms));
            if (Boolean.getBoolean("duckdb.memory.tags")) {
                try (ResultSet rs = st.executeQuery("SELECT tag, memory_usage_bytes FROM duckdb_memory() "
                        + "WHERE memory_usage_bytes > 0 ORDER BY 2 DESC")) {
                    while (rs.next()) {
                        progress.printf(Locale.ROOT, "    %s %,d MB%n", rs.getString(1), rs.getLong(2) >> 20);
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT table_name, estimated_size, column_count "
                        + "FROM duckdb_tables() ORDER BY estimated_size DESC LIMIT 8")) {
                    while (rs.next()) {
                        progress.printf(Locale.ROOT, "    table %s ~%,d rows%n", rs.getString(1), rs.getLong(2));
                    }
                }
            }
            long withTerms = memoryInUse(st);
            progress.printf(Locale.ROOT, "  DuckDB memory in use after terms: %,d MB%n", withTerms >> 20);

            Map<String, Duration> ruleTimes = new LinkedHashMap<>();
            t0 = System.nanoTime();
            for (String rule : o.rules) {
                long r0 = System.nanoTime();
                String sql = resource("duckdb/rules/" + rule + ".sql");
                int n;
                try {
                    n = st.executeUpdate("INSERT INTO clues BY NAME SELECT * FROM (\n" + sql + "\n)");
                } catch (SQLException e) {
                    throw new SQLException("rule " + rule + ": " + e.getMessage(), e);
                }
                Duration took = since(r0);
                ruleTimes.put(rule, took);
                progress.printf(Locale.ROOT, "  %s: %,d clues in %s%n", rule, n, seconds(took));
            }
            Duration rules = since(t0);

            t0 = System.nanoTime();
            int clues = writeClues(st, o.out.resolve("clues.csv"));
            Duration write = since(t0);
            memory.close();
            return new Result(version, threads, memoryLimit, rows, clues, startup, load, terms, rules, ruleTimes, write,
                    since(started), memory.peak(), peakRss());
        } finally {
            deleteTree(temp);
        }
    }

    // ------------------------------------------------------------------ parameters

    /** The run's parameters as DuckDB variables: period (P as a month number), lookback and each rule's own. */
    static List<String> variables(Options o) {
        List<String> sets = new ArrayList<>();
        sets.add("SET VARIABLE period = " + (o.period.getYear() * 12 + o.period.getMonthValue() - 1));
        CheckParameters p = o.parameters;
        for (ParameterSpec s : p.specs()) {
            String name = s.name().toLowerCase(Locale.ROOT).replace('.', '_');
            String value = p.text(s.name());
            String literal = switch (s.type()) {
                case INTEGER -> Integer.toString(Integer.parseInt(value));
                case MONEY -> "CAST('" + new BigDecimal(value).toPlainString() + "' AS DECIMAL(18,2))";
                case DECIMAL -> "CAST('" + new BigDecimal(value).toPlainString() + "' AS DOUBLE)";
                case BOOLEAN -> Boolean.toString(Boolean.parseBoolean(value));
                case CODES -> value.isEmpty() ? "CAST([] AS VARCHAR[])" : Stream.of(value.split(","))
                        .map(c -> "'" + c.strip().replace("'", "''") + "'")
                        .collect(Collectors.joining(", ", "CAST([", "] AS VARCHAR[])"));
            };
            sets.add("SET VARIABLE " + name + " = " + literal);
        }
        return sets;
    }

    // ------------------------------------------------------------------ load

    /** Loads every contract file of the folder; returns the rows kept. Registry files first (externals need persons). */
    static long load(Statement st, Options o, PrintStream progress) throws SQLException, IOException {
        DataContract contract = DataContract.standard();
        List<Dataset> datasets = new ArrayList<>(contract.datasets());
        datasets.sort(Comparator.comparing((Dataset d) -> d.kind() == DatasetKind.REGISTRY ? 0 : 1));
        long rows = 0;
        for (Dataset d : datasets) {
            Path file = o.data.resolve(d.name() + ".csv");
            long t0 = System.nanoTime();
            if (!Files.isRegularFile(file)) {
                if (d.kind() == DatasetKind.REGISTRY) {
                    throw new IOException("missing dataset " + d.name() + ".csv in " + o.data);
                }
                st.execute(emptyTable(d));
                progress.printf(Locale.ROOT, "  %s: absent%n", d.name());
                continue;
            }
            st.execute(loadTable(d, file, header(file)));
            long n = Long.parseLong(single(st, "SELECT count(*) FROM " + d.name()));
            rows += n;
            progress.printf(Locale.ROOT, "  %s: %,d rows in %s%n", d.name(), n, seconds(since(t0)));
        }
        return rows;
    }

    /** CREATE TABLE ... AS SELECT ... FROM read_csv(...) with the contract's types and normalisations. */
    static String loadTable(Dataset d, Path file, List<String> header) throws IOException {
        Map<String, String> readAs = new LinkedHashMap<>();
        Map<String, String> columnOfHeader = new LinkedHashMap<>();
        for (String h : header) {
            Optional<Column> c = d.columns().stream().filter(col -> col.headers().contains(h)).findFirst();
            if (c.isPresent() && !columnOfHeader.containsValue(c.get().name())) {
                columnOfHeader.put(h, c.get().name());
                readAs.put(h, csvType(c.get()));
            } else {
                readAs.put(h, "VARCHAR"); // unknown column: read and ignored
            }
        }
        List<String> select = new ArrayList<>();
        for (Column c : d.columns()) {
            String h = columnOfHeader.entrySet().stream().filter(e -> e.getValue().equals(c.name()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (h == null) {
                if (c.required()) {
                    throw new IOException(file.getFileName() + ": missing column " + c.name());
                }
                select.add("CAST(NULL AS " + tableType(c) + ") AS " + c.name());
            } else {
                select.add(normalised(c, quoteIdentifier(h)) + " AS " + c.name());
            }
        }
        String columns = readAs.entrySet().stream()
                .map(e -> quoteString(e.getKey()) + ": " + quoteString(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(d.name()).append(" AS SELECT ")
                .append(String.join(", ", select))
                .append(" FROM read_csv(").append(quoteString(file.toAbsolutePath().toString()))
                .append(", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = ")
                .append(columns).append(")");
        if (d.kind() == DatasetKind.EXTERNAL && d.column("id_no").isPresent()) {
            // as the engine: rows of people outside the registry cannot concern any rule and are not kept
            List<String> where = new ArrayList<>();
            where.add(normalised(d.column("id_no").get(), quoteIdentifier(headerOf(columnOfHeader, "id_no")))
                    + " IN (SELECT id_no FROM persons)");
            String periodHeader = headerOf(columnOfHeader, "period");
            if (periodHeader != null && d.column("period").get().type() == sunshine.contract.ValueType.MONTH) {
                // social_insurance, other_rolls: only the months of W (no rule looks outside it)
                where.add(normalised(d.column("period").get(), quoteIdentifier(periodHeader))
                        + " BETWEEN w_from() AND period_p()");
            }
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        return sql.toString();
    }

    private static String headerOf(Map<String, String> columnOfHeader, String column) {
        return columnOfHeader.entrySet().stream().filter(e -> e.getValue().equals(column)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    static String emptyTable(Dataset d) {
        return d.columns().stream().map(c -> c.name() + " " + tableType(c))
                .collect(Collectors.joining(", ", "CREATE TABLE " + d.name() + " (", ")"));
    }

    /** How read_csv parses the column. */
    private static String csvType(Column c) {
        return switch (c.type()) {
            case DATE -> "DATE";
            case MONEY -> "DECIMAL(18,2)";
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DECIMAL(18,6)";
            default -> "VARCHAR";
        };
    }

    /** The column's type in its table. */
    private static String tableType(Column c) {
        return c.type() == sunshine.contract.ValueType.MONTH ? "INTEGER" : csvType(c);
    }

    /** The value as the contract normalises it (macros.sql). */
    private static String normalised(Column c, String ref) {
        return switch (c.type()) {
            case ID -> "id_norm(" + ref + ")";
            case REGION -> "region_norm(" + ref + ")";
            case MONTH -> "month_parse(" + ref + ")";
            case ENUM -> c.defaultValue() == null ? ref : "coalesce(" + ref + ", " + quoteString(c.defaultValue()) + ")";
            default -> ref;
        };
    }

    /** The header row of a CSV file (UTF-8, a byte-order mark dropped, names trimmed). */
    static List<String> header(Path file) throws IOException {
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(file)) {
            var it = r.iterator();
            if (!it.hasNext()) {
                throw new IOException(file.getFileName() + " is empty");
            }
            List<String> names = new ArrayList<>();
            for (String f : it.next().getFields()) {
                names.add(f.replace("\uFEFF", "").strip());
            }
            return names;
        }
    }

    // ------------------------------------------------------------------ output

    /** clues.csv as the engine writes it: UTF-8 with BOM, CRLF, RFC 4180, ordered by rule then subject. */
    static int writeClues(Statement st, Path file) throws SQLException, IOException {
        Files.createDirectories(file.getParent());
        int n = 0;
        try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", CLUE_COLUMNS)
                + " FROM clues ORDER BY rule, subject");
             Writer w = new OutputStreamWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                     StandardCharsets.UTF_8);
             CsvWriter csv = CsvWriter.builder().fieldSeparator(',').quoteCharacter('"')
                     .lineDelimiter(LineDelimiter.CRLF).bufferSize(1 << 16).build(w)) {
            w.write('\uFEFF');
            csv.writeRecord(CLUE_COLUMNS);
            List<String> row = new ArrayList<>(CLUE_COLUMNS.size());
            while (rs.next()) {
                row.clear();
                for (String c : CLUE_COLUMNS) {
                    if (c.equals("amount_at_risk") || c.equals("owed")) {
                        BigDecimal v = rs.getBigDecimal(c);
                        row.add(v == null ? "" : v.setScale(2).toPlainString());
                    } else {
                        String v = rs.getString(c);
                        row.add(v == null ? "" : v);
                    }
                }
                csv.writeRecord(row);
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ memory

    /** Samples duckdb_memory() on its own connection while the run goes on; keeps the highest total seen. */
    static final class MemoryWatch implements AutoCloseable {

        private final Connection conn;
        private final AtomicLong peak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private final long intervalMillis;

        MemoryWatch(Connection conn, long intervalMillis) {
            this.conn = conn;
            this.intervalMillis = intervalMillis;
            this.thread = new Thread(this::watch, "duckdb-memory-watch");
            thread.setDaemon(true);
            if (intervalMillis > 0) {
                thread.start();
            }
        }

        private void watch() {
            try (Statement st = conn.createStatement()) {
                while (running.get()) {
                    try (ResultSet rs = st.executeQuery("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")) {
                        if (rs.next()) {
                            peak.accumulateAndGet(rs.getLong(1), Math::max);
                        }
                    }
                    Thread.sleep(intervalMillis);
                }
            } catch (SQLException | InterruptedException e) {
                // the run is over (or DuckDB cannot tell): keep what was seen
            }
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() {
            if (running.getAndSet(false)) {
                try {
                    thread.join(2000);
                    conn.close();
                } catch (InterruptedException | SQLException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** What duckdb_memory() reports in use now, in bytes. */
    static long memoryInUse(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The process's peak resident set size (VmHWM of /proc/self/status), or -1 where there is none. */
    static long peakRss() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------ helpers

    static String resource(String name) throws IOException {
        try (InputStream in = DuckDbCheck.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String quoteString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String quoteIdentifier(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%d.%03ds", d.toSeconds(), d.toMillisPart());
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover temporary file is harmless
                }
            });
        } catch (IOException e) {
            // idem
        }
    }

    // ------------------------------------------------------------------ command line

    /** The command line, parsed; the parameters are the engine's defaults with the overrides applied. */
    public record Options(Path data, YearMonth period, CheckParameters parameters, Integer threads,
                          String memoryLimit, Path out, List<String> rules, Path db) {

        public static Options parse(String[] args) {
            Path data = null;
            YearMonth period = null;
            String lookback = null;
            Integer threads = null;
            String memoryLimit = null;
            Path out = null;
            Path db = null;
            List<String> params = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String inline = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    inline = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                String v = inline != null ? inline : value(args, ++i, a);
                switch (a) {
                    case "--data" -> data = Path.of(v);
                    case "--period" -> {
                        try {
                            period = YearMonth.parse(v.strip());
                        } catch (DateTimeParseException e) {
                            throw new IllegalArgumentException("the period is written 2026-10: " + v);
                        }
                    }
                    case "--lookback" -> lookback = v;
                    case "--threads" -> threads = Integer.parseInt(v.strip());
                    case "--memory-limit" -> memoryLimit = v.strip();
                    case "--out" -> out = Path.of(v);
                    case "--param" -> params.add(v);
                    case "--rules" -> Stream.of(v.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                            .map(r -> r.toUpperCase(Locale.ROOT)).forEach(rules::add);
                    case "--db" -> db = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
            }
            if (data == null || period == null || out == null) {
                throw new IllegalArgumentException("--data, --period and --out are required");
            }
            CheckParameters parameters = CheckEngine.standard().defaultParameters();
            if (lookback != null) {
                parameters = parameters.with("lookback", lookback);
            }
            for (String p : params) {
                parameters = parameters.withAssignment(p);
            }
            for (String r : rules) {
                if (!RULES.contains(r)) {
                    throw new IllegalArgumentException("unknown rule: " + r);
                }
            }
            return new Options(data, period, parameters, threads, memoryLimit, out,
                    rules.isEmpty() ? RULES : List.copyOf(rules), db);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
