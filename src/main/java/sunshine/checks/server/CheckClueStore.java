package sunshine.checks.server;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.checks.CheckResult.Totals;
import sunshine.checks.CheckRunSummary.TownTotals;
import sunshine.checks.Clue;
import sunshine.checks.ClueQuery;
import sunshine.checks.CluePage;
import sunshine.checks.Severity;
import sunshine.checks.StoredClue;

/**
 * Reads a stored run's clues and their totals, always within a region: a significant prefix of region codes
 * ({@code 37} a province ... {@code 371526101} a town, 12 digits a village; empty: everywhere). A prefix is asked as
 * the range of the 12-digit codes that start with it ({@code BETWEEN 371526101000 AND 371526101999}), which an
 * index answers in any collation. Totals of regions down to towns come from {@code check_run_town}; a village's
 * from its clues.
 */
@Component
public class CheckClueStore {

    /** Clues fetched per round trip when streaming a run's clues. */
    static final int FETCH_SIZE = 1000;

    private static final String COLUMNS = "r.run_id, r.clue_id, r.rule, r.subject, r.severity, r.variant, "
            + "r.enrollment_id, r.household_id, r.id_no, r.card_no, r.region_code, r.period_from, r.period_to, "
            + "r.amount_at_risk, r.owed, r.explanation, r.evidence, c.first_run_id, c.last_run_id, c.run_count";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    public CheckClueStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    /** The common part of two region prefixes (the longer one), or null when they do not overlap. */
    public static String intersect(String a, String b) {
        if (a.startsWith(b)) {
            return a;
        }
        if (b.startsWith(a)) {
            return b;
        }
        return null;
    }

    /** SQL conditions and their arguments. */
    private static final class Where {
        final StringBuilder sql = new StringBuilder();
        final List<Object> args = new ArrayList<>();

        Where and(String condition, Object... values) {
            sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
            args.addAll(List.of(values));
            return this;
        }

        Where region(String column, String prefix) {
            if (!prefix.isEmpty()) {
                and(column + " BETWEEN ? AND ?", pad(prefix, '0'), pad(prefix, '9'));
            }
            return this;
        }

        Object[] args() {
            return args.toArray();
        }
    }

    private static String pad(String prefix, char c) {
        return prefix + String.valueOf(c).repeat(12 - prefix.length());
    }

    // ------------------------------------------------------------------ clues

    /** One page of a run's clues within a region. */
    public CluePage page(long runId, ClueQuery q, String scope) {
        String prefix = scope;
        if (q.region() != null) {
            String asked = q.region().length() == 12 ? sunshine.security.Actor.prefixOf(q.region()) : q.region();
            prefix = intersect(scope, asked);
        }
        if (prefix == null) {
            return new CluePage(List.of(), 0, q.page(), q.size());
        }
        Where w = new Where().and("r.run_id = ?", runId).region("r.region_code", prefix);
        if (!q.rules().isEmpty()) {
            w.and("r.rule IN (" + placeholders(q.rules().size()) + ")", q.rules().stream().sorted().toArray());
        }
        if (!q.severities().isEmpty()) {
            w.and("r.severity IN (" + placeholders(q.severities().size()) + ")",
                    q.severities().stream().map(Severity::name).sorted().toArray());
        }
        if (q.variant() != null) {
            w.and("r.variant = ?", q.variant());
        }
        if (q.text() != null) {
            String like = "%" + q.text().toUpperCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%";
            w.and("(UPPER(r.subject) LIKE ? ESCAPE '!' OR UPPER(r.card_no) LIKE ? ESCAPE '!' "
                    + "OR UPPER(r.enrollment_id) LIKE ? ESCAPE '!' OR UPPER(r.household_id) LIKE ? ESCAPE '!' "
                    + "OR r.id_no LIKE ? ESCAPE '!')", like, like, like, like, like);
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM check_run_clue r" + w.sql, Long.class, w.args());
        String order = switch (q.sort()) {
            case RULE -> "r.seq";
            case AMOUNT -> "r.amount_at_risk DESC, r.seq";
            case AMOUNT_ASC -> "r.amount_at_risk, r.seq";
            case REGION -> "r.region_code, r.seq";
        };
        List<Object> args = new ArrayList<>(w.args);
        args.add(q.size());
        args.add((long) q.page() * q.size());
        List<StoredClue> clues = jdbc.query("SELECT " + COLUMNS + " FROM check_run_clue r LEFT JOIN clue c "
                + "ON c.id = r.clue_id" + w.sql + " ORDER BY " + order + " LIMIT ? OFFSET ?", (rs, n) -> stored(rs),
                args.toArray());
        return new CluePage(clues, total, q.page(), q.size());
    }

    /**
     * Streams a run's clues within a region in clues.csv order, with a cursor; call it inside a transaction so that
     * PostgreSQL fetches with a cursor instead of loading them all.
     */
    public void forEach(long runId, String scope, Consumer<StoredClue> each) {
        Where w = new Where().and("r.run_id = ?", runId).region("r.region_code", scope);
        streaming.query("SELECT " + COLUMNS + " FROM check_run_clue r LEFT JOIN clue c ON c.id = r.clue_id" + w.sql
                + " ORDER BY r.seq", rs -> {
                    each.accept(stored(rs));
                }, w.args());
    }

    /**
     * A run's clues within a region with only what totals need (rule, severity, subject, region, amounts): for the
     * summary workbook, without the clues' texts.
     */
    public List<Clue> light(long runId, String scope) {
        Where w = new Where().and("run_id = ?", runId).region("region_code", scope);
        List<Clue> out = new ArrayList<>();
        streaming.query("SELECT rule, severity, subject, variant, region_code, amount_at_risk, owed FROM check_run_clue"
                + w.sql + " ORDER BY seq", rs -> {
                    out.add(new Clue(rs.getString(1), Severity.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), null, null, null, null, rs.getString(5), null, null,
                            CheckRunStore.money(rs.getBigDecimal(6)),
                            rs.getBigDecimal(7) == null ? null : rs.getBigDecimal(7).setScale(2), "", ""));
                }, w.args());
        return out;
    }

    private static StoredClue stored(ResultSet rs) throws SQLException {
        Clue clue = new Clue(rs.getString("rule"), Severity.valueOf(rs.getString("severity")), rs.getString("subject"),
                rs.getString("variant"), rs.getString("enrollment_id"), rs.getString("household_id"),
                rs.getString("id_no"), rs.getString("card_no"), rs.getString("region_code"),
                month(rs.getString("period_from")), month(rs.getString("period_to")),
                CheckRunStore.money(rs.getBigDecimal("amount_at_risk")),
                rs.getBigDecimal("owed") == null ? null : rs.getBigDecimal("owed").setScale(2),
                rs.getString("explanation"), rs.getString("evidence"));
        return new StoredClue(rs.getLong("clue_id"), rs.getLong("run_id"), clue, rs.getLong("first_run_id"),
                rs.getLong("last_run_id"), rs.getInt("run_count"));
    }

    private static YearMonth month(String s) {
        return s == null || s.isBlank() ? null : YearMonth.parse(s.strip());
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    // ------------------------------------------------------------------ totals

    /** A run's totals per rule within a region (only rules with clues). */
    public Map<String, Totals> byRule(long runId, String scope) {
        Where w = new Where().and("run_id = ?", runId).region("region_code", scope);
        Map<String, Totals> out = new LinkedHashMap<>();
        jdbc.query("SELECT rule, " + CheckRunStore.totalsSql() + " FROM check_run_clue" + w.sql
                + " GROUP BY rule ORDER BY rule", rs -> {
                    out.put(rs.getString(1), CheckRunStore.totals(rs, 2));
                }, w.args());
        return out;
    }

    /** A run's towns within a region, by code, with their names and totals (towns without clues too). */
    public List<TownTotals> byTown(long runId, String scope) {
        if (scope.length() < 12) {
            Where w = new Where().and("run_id = ?", runId).region("town_code", scope);
            return jdbc.query("SELECT town_code, town_name, clue_count, critical_count, high_count, medium_count, "
                            + "low_count, amount_at_risk, owed FROM check_run_town" + w.sql + " ORDER BY town_code",
                    (rs, n) -> new TownTotals(rs.getString(1), rs.getString(2), CheckRunStore.totals(rs, 3)), w.args());
        }
        // a village: the totals of its own clues, under its town's name
        String town = scope.substring(0, 9) + "000";
        String name = jdbc.queryForList("SELECT town_name FROM check_run_town WHERE run_id = ? AND town_code = ?",
                String.class, runId, town).stream().findFirst().orElse(null);
        Totals t = jdbc.query("SELECT " + CheckRunStore.totalsSql() + " FROM check_run_clue WHERE run_id = ? "
                + "AND region_code = ?", rs -> rs.next() ? CheckRunStore.totals(rs, 1) : CheckRunStore.ZERO, runId, scope);
        return List.of(new TownTotals(town, name, t));
    }

    /** The totals of runs within a region, by run; a run without clues there is left out. */
    public Map<Long, Totals> runTotals(List<Long> runIds, String scope) {
        Map<Long, Totals> out = new HashMap<>();
        if (runIds.isEmpty()) {
            return out;
        }
        String in = runIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (scope.length() < 12) {
            Where w = new Where().and("run_id IN (" + in + ")").region("town_code", scope);
            jdbc.query("SELECT run_id, SUM(clue_count), SUM(critical_count), SUM(high_count), SUM(medium_count), "
                    + "SUM(low_count), SUM(amount_at_risk), SUM(owed) FROM check_run_town" + w.sql
                    + " GROUP BY run_id", rs -> {
                        out.put(rs.getLong(1), CheckRunStore.totals(rs, 2));
                    }, w.args());
        } else {
            jdbc.query("SELECT run_id, " + CheckRunStore.totalsSql() + " FROM check_run_clue WHERE run_id IN (" + in
                    + ") AND region_code = ? GROUP BY run_id", rs -> {
                        out.put(rs.getLong(1), CheckRunStore.totals(rs, 2));
                    }, scope);
        }
        return out;
    }

    /** Every clue of a run in clues.csv order (rule, then subject), wherever it is. */
    public List<Clue> all(long runId) {
        List<Clue> out = new ArrayList<>();
        forEach(runId, "", c -> out.add(c.clue()));
        return out;
    }
}
