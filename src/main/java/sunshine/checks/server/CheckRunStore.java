package sunshine.checks.server;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.checks.CheckParameters;
import sunshine.checks.CheckResult;
import sunshine.checks.CheckResult.Totals;
import sunshine.checks.CheckRun;
import sunshine.checks.Clue;
import sunshine.checks.ParameterSpec;
import sunshine.checks.Severity;
import sunshine.checks.source.DatabaseSource.ImportRead;
import sunshine.contract.Reason;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check runs in the database: {@code check_run} and what belongs to one run ({@code check_run_input},
 * {@code check_run_town}, {@code check_run_clue}), and the clue identities ({@code clue}). Writes a completed run's
 * clues in the caller's transaction; see V3__checks.sql for the tables.
 */
@Component
public class CheckRunStore {

    /** Clues per JDBC batch. */
    static final int BATCH = 1000;


    private static final String RUN_COLUMNS = "id, period, lookback, window_from, rules, parameters, absent, status, "
            + "error_zh, error_en, error_detail, started_by, started_at, finished_at";

    private static final String CLUE_FIELDS = "severity, variant, enrollment_id, household_id, id_no, card_no, "
            + "region_code, period_from, period_to, amount_at_risk, owed, explanation, evidence";

    /**
     * The clue identities from the run's clues (whose clue_id is set): a new one inserted, a known one given the
     * latest run and fields. Set-based, in the database.
     */
    private static final String MERGE_CLUES = "MERGE INTO clue c USING (SELECT clue_id, run_id, rule, subject, "
            + CLUE_FIELDS + " FROM check_run_clue WHERE run_id = ?) r ON (c.id = r.clue_id) "
            + "WHEN MATCHED THEN UPDATE SET last_run_id = r.run_id, run_count = c.run_count + 1, "
            + "severity = r.severity, variant = r.variant, enrollment_id = r.enrollment_id, "
            + "household_id = r.household_id, id_no = r.id_no, card_no = r.card_no, region_code = r.region_code, "
            + "period_from = r.period_from, period_to = r.period_to, amount_at_risk = r.amount_at_risk, "
            + "owed = r.owed, explanation = r.explanation, evidence = r.evidence "
            + "WHEN NOT MATCHED THEN INSERT (id, rule, subject, first_run_id, last_run_id, run_count, " + CLUE_FIELDS
            + ") VALUES (r.clue_id, r.rule, r.subject, r.run_id, r.run_id, 1, r.severity, r.variant, "
            + "r.enrollment_id, r.household_id, r.id_no, r.card_no, r.region_code, r.period_from, r.period_to, "
            + "r.amount_at_risk, r.owed, r.explanation, r.evidence)";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final JsonMapper json = JsonMapper.builder().build();

    public CheckRunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(10_000);
    }

    // ------------------------------------------------------------------ writing

    public long nextRunId() {
        return jdbc.queryForObject("SELECT nextval('check_run_seq')", Long.class);
    }

    /** Records a run that starts now (committed at once, so that every process sees it running). */
    public void insertRunning(long id, YearMonth period, CheckParameters parameters, List<String> rules,
                              String startedBy, OffsetDateTime at) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterSpec s : parameters.specs()) {
            values.put(s.name(), parameters.text(s.name()));
        }
        YearMonth from = period.minusMonths(parameters.lookback() - 1L);
        jdbc.update("INSERT INTO check_run (id, period, lookback, window_from, rules, parameters, status, started_by, "
                        + "started_at) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)",
                id, period.toString(), parameters.lookback(), from.toString(), String.join(",", rules),
                json.writeValueAsString(values), truncate(startedBy, 100), at);
    }

    /** Marks a run FAILED; nothing else of it is stored. */
    public void markFailed(long id, Reason reason, String detail, OffsetDateTime at) {
        jdbc.update("UPDATE check_run SET status = 'FAILED', error_zh = ?, error_en = ?, error_detail = ?, "
                        + "finished_at = ? WHERE id = ? AND status = 'RUNNING'",
                truncate(reason.zh(), 4000), truncate(reason.en(), 4000), detail, at, id);
    }

    /**
     * Marks FAILED every run still RUNNING: called by the holder of the run lock, so they are runs whose process
     * stopped (nothing of them was stored). Returns how many.
     */
    public int failAbandoned(OffsetDateTime at) {
        return jdbc.update("UPDATE check_run SET status = 'FAILED', error_zh = ?, error_en = ?, finished_at = ? "
                        + "WHERE status = 'RUNNING'",
                "比对中断：运行比对的服务已停止，未保存任何线索",
                "interrupted: the server running the check stopped; no clue was stored", at);
    }

    /**
     * Stores a completed run, in the caller's transaction: the identity of each of its clues ({@code clue}: a known
     * rule + subject keeps its id and gets the latest run and fields, a new one gets a new id), the clues exactly
     * as found ({@code check_run_clue}), the totals per town, the imports read, and the run's status, totals and
     * times.
     *
     * @param stored told the number of clues stored so far, after each batch
     */
    public void storeCompleted(long id, CheckResult result, List<ImportRead> imports, LongConsumer stored,
                               OffsetDateTime at) {
        List<Clue> clues = result.clues();
        int n = clues.size();
        long[] clueIds = knownClueIds(clues);
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (clueIds[i] == 0) {
                fresh.add(i);
            }
        }
        if (!fresh.isEmpty()) {
            List<Long> ids = jdbc.queryForList("SELECT nextval('clue_seq') FROM generate_series(1, ?)", Long.class,
                    fresh.size());
            for (int k = 0; k < fresh.size(); k++) {
                clueIds[fresh.get(k)] = ids.get(k);
            }
        }
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        String insert = "INSERT INTO check_run_clue (run_id, seq, clue_id, rule, subject, town_code, " + CLUE_FIELDS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        for (int from = 0; from < n; from += BATCH) {
            batches(all.subList(from, Math.min(n, from + BATCH)), insert, (ps, i) -> {
                Clue c = clues.get(i);
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setLong(3, clueIds[i]);
                ps.setString(4, c.rule());
                ps.setString(5, c.subject());
                ps.setString(6, CheckResult.townOf(c.regionCode()));
                setFields(ps, 7, c);
            });
            stored.accept(Math.min(n, from + BATCH));
        }
        jdbc.update(MERGE_CLUES, id);

        Map<String, Totals> byTown = result.byTown();
        Map<String, String> names = new TreeMap<>(result.townNames());
        byTown.keySet().forEach(t -> names.putIfAbsent(t, null));
        List<Object[]> towns = new ArrayList<>();
        names.forEach((town, name) -> {
            Totals t = byTown.getOrDefault(town, ZERO);
            towns.add(new Object[] {id, town, truncate(name, 100), t.clues(), t.critical(), t.high(), t.medium(),
                    t.low(), t.amountAtRisk(), t.owed()});
        });
        jdbc.batchUpdate("INSERT INTO check_run_town (run_id, town_code, town_name, clue_count, critical_count, "
                + "high_count, medium_count, low_count, amount_at_risk, owed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                towns);

        List<Object[]> inputs = new ArrayList<>();
        for (ImportRead i : imports) {
            inputs.add(new Object[] {id, i.dataset(), i.importId(), truncate(i.fileName(), 500), i.contentHash(),
                    i.rows()});
        }
        jdbc.batchUpdate("INSERT INTO check_run_input (run_id, dataset, import_id, file_name, content_hash, row_count) "
                + "VALUES (?, ?, ?, ?, ?, ?)", inputs);

        Totals total = result.total();
        int updated = jdbc.update("UPDATE check_run SET status = 'COMPLETED', finished_at = ?, clue_count = ?, "
                        + "amount_at_risk = ?, owed = ?, absent = ?, load_ms = ?, rule_ms = ? "
                        + "WHERE id = ? AND status = 'RUNNING'",
                at, total.clues(), total.amountAtRisk(), total.owed(),
                result.absent().isEmpty() ? null : truncate(String.join(",", result.absent()), 2000),
                result.loadTime().toMillis(), result.ruleTime().toMillis(), id);
        if (updated != 1) {
            throw new IllegalStateException("check run " + id + " is no longer RUNNING");
        }
    }

    /**
     * The ids of the clues whose rule + subject is known, 0 for the others: one pass over the known clues of the
     * run's rules (streamed; far cheaper than many lookups, whatever the planner thinks of a young table).
     */
    private long[] knownClueIds(List<Clue> clues) {
        long[] ids = new long[clues.size()];
        Map<String, Map<String, Integer>> byRule = new TreeMap<>();
        for (int i = 0; i < clues.size(); i++) {
            byRule.computeIfAbsent(clues.get(i).rule(), k -> new HashMap<>()).put(clues.get(i).subject(), i);
        }
        if (byRule.isEmpty()) {
            return ids;
        }
        streaming.query("SELECT id, rule, subject FROM clue WHERE rule IN ("
                + String.join(", ", Collections.nCopies(byRule.size(), "?")) + ")", rs -> {
                    Integer i = byRule.get(rs.getString(2)).get(rs.getString(3));
                    if (i != null) {
                        ids[i] = rs.getLong(1);
                    }
                }, byRule.keySet().toArray());
        return ids;
    }

    private interface Setter {
        void set(PreparedStatement ps, int clue) throws SQLException;
    }

    /** Runs the statement for each of the clues (by index), in JDBC batches. */
    private void batches(List<Integer> clues, String sql, Setter setter) {
        for (int from = 0; from < clues.size(); from += BATCH) {
            List<Integer> batch = clues.subList(from, Math.min(clues.size(), from + BATCH));
            jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    setter.set(ps, batch.get(i));
                }

                @Override
                public int getBatchSize() {
                    return batch.size();
                }
            });
        }
    }

    /** The 13 fields of CLUE_FIELDS from the given parameter on. */
    private static void setFields(PreparedStatement ps, int first, Clue c) throws SQLException {
        int i = first;
        ps.setString(i++, c.severity().name());
        ps.setString(i++, c.variant());
        ps.setString(i++, c.enrollmentId());
        ps.setString(i++, c.householdId());
        ps.setString(i++, c.idNo());
        ps.setString(i++, c.cardNo());
        ps.setString(i++, c.regionCode());
        ps.setString(i++, c.periodFrom() == null ? null : c.periodFrom().toString());
        ps.setString(i++, c.periodTo() == null ? null : c.periodTo().toString());
        ps.setBigDecimal(i++, c.amountAtRisk());
        if (c.owed() == null) {
            ps.setNull(i++, Types.NUMERIC);
        } else {
            ps.setBigDecimal(i++, c.owed());
        }
        ps.setString(i++, c.explanation() == null ? "" : c.explanation());
        ps.setString(i, c.evidence() == null ? "" : c.evidence());
    }

    static final Totals ZERO = new Totals(0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

    // ------------------------------------------------------------------ reading runs

    /** The newest run still RUNNING, if any. */
    public Optional<Long> running() {
        return jdbc.queryForList("SELECT id FROM check_run WHERE status = 'RUNNING' ORDER BY id DESC", Long.class)
                .stream().findFirst();
    }

    /** A run as stored; its totals are the whole run's (callers scope them). */
    public Optional<CheckRun> find(long id) {
        return jdbc.query("SELECT " + RUN_COLUMNS + ", clue_count, amount_at_risk, owed FROM check_run WHERE id = ?",
                (rs, n) -> run(rs), id).stream().findFirst().map(this::withInputs);
    }

    /** The most recent runs, newest first, without their inputs. */
    public List<CheckRun> recent(int limit) {
        return jdbc.query("SELECT " + RUN_COLUMNS + ", clue_count, amount_at_risk, owed FROM check_run "
                + "ORDER BY id DESC LIMIT ?", (rs, n) -> run(rs), limit);
    }

    private CheckRun withInputs(CheckRun r) {
        List<CheckRun.Input> inputs = jdbc.query("SELECT dataset, import_id, file_name, content_hash, row_count "
                        + "FROM check_run_input WHERE run_id = ? ORDER BY dataset, import_id",
                (rs, n) -> new CheckRun.Input(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)), r.id());
        return new CheckRun(r.id(), r.period(), r.lookback(), r.windowFrom(), r.status(), r.error(), r.errorDetail(),
                r.startedBy(), r.startedAt(), r.finishedAt(), r.rules(), r.parameters(), inputs, r.absent(),
                r.clueCount(), r.amountAtRisk(), r.owed(), r.progress());
    }

    private CheckRun run(ResultSet rs) throws SQLException {
        String zh = rs.getString("error_zh");
        String en = rs.getString("error_en");
        int clues = rs.getInt("clue_count");
        Integer clueCount = rs.wasNull() ? null : clues;
        return new CheckRun(rs.getLong("id"), YearMonth.parse(rs.getString("period").strip()), rs.getInt("lookback"),
                YearMonth.parse(rs.getString("window_from").strip()), CheckRun.Status.valueOf(rs.getString("status")),
                zh == null && en == null ? null : new Reason(zh, en), rs.getString("error_detail"),
                rs.getString("started_by"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), list(rs.getString("rules")),
                json.readValue(rs.getString("parameters"), new TypeReference<LinkedHashMap<String, String>>() {
                }), List.of(), list(rs.getString("absent")), clueCount, rs.getBigDecimal("amount_at_risk"),
                rs.getBigDecimal("owed"), null);
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : List.copyOf(Arrays.asList(commaSeparated.split(",")));
    }

    // ------------------------------------------------------------------ the severity of totals

    static Totals totals(ResultSet rs, int first) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(first + 5);
        BigDecimal owed = rs.getBigDecimal(first + 6);
        return new Totals(rs.getInt(first), rs.getInt(first + 1), rs.getInt(first + 2), rs.getInt(first + 3),
                rs.getInt(first + 4), money(amount), money(owed));
    }

    static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2);
    }

    /** SQL for the totals columns of a group of check_run_clue rows (7 columns, as {@link #totals} reads). */
    static String totalsSql() {
        StringBuilder sb = new StringBuilder("COUNT(*)");
        for (Severity s : Severity.values()) {
            sb.append(", SUM(CASE WHEN severity = '").append(s.name()).append("' THEN 1 ELSE 0 END)");
        }
        return sb.append(", SUM(amount_at_risk), SUM(owed)").toString();
    }

    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }
}
