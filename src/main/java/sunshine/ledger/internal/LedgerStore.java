package sunshine.ledger.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.checks.Severity;
import sunshine.ledger.ActionKind;
import sunshine.ledger.Evidence;
import sunshine.ledger.HistoryEntry;
import sunshine.ledger.ItemFigures;
import sunshine.ledger.LedgerException;
import sunshine.ledger.LedgerItem;
import sunshine.ledger.LedgerFilter;
import sunshine.ledger.LedgerPage;
import sunshine.ledger.LedgerQuery;
import sunshine.ledger.LedgerSource;
import sunshine.ledger.LedgerStatus;
import sunshine.ledger.RectificationAction;
import sunshine.ledger.StatusTotals;
import sunshine.security.Actor;

/** The ledger's tables, in plain SQL that H2 (PostgreSQL mode) and PostgreSQL both run. */
@Component
public class LedgerStore {

    /** An item's identity and state, for the intake of a check run. */
    public record Known(long id, LedgerStatus status) {
    }

    /** The columns of a new item. */
    public record NewItem(long id, LedgerSource source, String rule, String subject, Severity severity,
                          String variant, LedgerStatus status, String regionCode, String townCode,
                          String responsibleRegion, OffsetDateTime deadline, String program, String enrollmentId,
                          String householdId, String idNo, String cardNo, String periodFrom, String periodTo,
                          BigDecimal amountAtRisk, BigDecimal owed, String explanation, Long runId,
                          OffsetDateTime at) {
    }

    /** Who did something, as the history records it. */
    public record Who(String id, String name, String role, String region) {
        public static Who of(Actor a) {
            return new Who(a.userId(), a.displayName(), a.role().name(), a.regionCode());
        }
    }

    static final String ITEM_COLUMNS = "id, source, rule, subject, severity, variant, status, region_code, town_code, "
            + "responsible_region, escalations, deadline, program, enrollment_id, household_id, id_no, card_no, "
            + "period_from, period_to, amount_at_risk, owed, amount_to_recover, amount_recovered, explanation, "
            + "finding, recurrences, first_run_id, last_run_id, created_at, updated_at, closed_at, version";

    private static final String INSERT_ITEM = "INSERT INTO ledger_item (id, source, rule, subject, severity, variant, "
            + "status, region_code, town_code, responsible_region, escalations, deadline, program, enrollment_id, "
            + "household_id, id_no, card_no, period_from, period_to, amount_at_risk, owed, amount_to_recover, "
            + "amount_recovered, explanation, finding, recurrences, first_run_id, last_run_id, created_at, "
            + "updated_at, closed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "NULL, 0, ?, NULL, 0, ?, ?, ?, ?, NULL, 1)";

    private static final String INSERT_HISTORY = "INSERT INTO ledger_history (id, item_id, at, actor_id, actor_name, "
            + "actor_role, actor_region, action, from_status, to_status, reason, details) "
            + "VALUES (nextval('ledger_history_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_CLUE = "INSERT INTO ledger_evidence (id, item_id, kind, run_id, clue, added_by, "
            + "added_at) VALUES (nextval('ledger_evidence_seq'), ?, 'CLUE', ?, ?, 'system', ?)";

    private final JdbcTemplate jdbc;
    private final LedgerSettings settings;

    public LedgerStore(JdbcTemplate jdbc, LedgerSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public long nextItemId() {
        return jdbc.queryForObject("SELECT nextval('ledger_item_seq')", Long.class);
    }

    // ---------------------------------------------------------------- items

    public Optional<LedgerItem> find(long id) {
        return jdbc.query("SELECT " + ITEM_COLUMNS + " FROM ledger_item WHERE id = ?", this::item, id).stream()
                .findFirst();
    }

    public void insert(NewItem n) {
        jdbc.update(INSERT_ITEM, itemArgs(n));
    }

    /** Many new items in JDBC batches. */
    public void insertAll(List<NewItem> items) {
        batch(INSERT_ITEM, items.stream().map(LedgerStore::itemArgs).toList());
    }

    private static Object[] itemArgs(NewItem n) {
        return new Object[] {n.id(), n.source().name(), n.rule(), truncate(n.subject(), 200), n.severity().name(),
                truncate(n.variant() == null ? "" : n.variant(), 40), n.status().name(), n.regionCode(), n.townCode(),
                n.responsibleRegion(), n.deadline(), truncate(n.program(), 24), truncate(n.enrollmentId(), 40),
                truncate(n.householdId(), 40), truncate(n.idNo(), 18), truncate(n.cardNo(), 400), n.periodFrom(),
                n.periodTo(), n.amountAtRisk(), n.owed(), truncate(n.explanation(), 2000), n.runId(), n.runId(),
                n.at(), n.at()};
    }

    /**
     * Changes an item if, and only if, it still has the version the change was decided on; increments the
     * version. The column names are the code's own, never a user's.
     *
     * @throws LedgerException CONFLICT when someone else changed it meanwhile
     */
    public void update(long id, long version, Map<String, Object> columns, OffsetDateTime at) {
        StringJoiner set = new StringJoiner(", ");
        List<Object> args = new ArrayList<>();
        columns.forEach((column, value) -> {
            if (!column.matches("[a-z_]+")) {
                throw new IllegalArgumentException(column);
            }
            set.add(column + " = ?");
            args.add(value);
        });
        set.add("updated_at = ?");
        args.add(at);
        set.add("version = version + 1");
        args.add(id);
        args.add(version);
        int n;
        try {
            n = jdbc.update("UPDATE ledger_item SET " + set + " WHERE id = ? AND version = ?", args.toArray());
        } catch (ConcurrencyFailureException e) {
            // H2 reports a row changed by a concurrent, now committed, transaction this way
            throw LedgerException.conflict(id);
        }
        if (n != 1) {
            throw LedgerException.conflict(id);
        }
    }

    /** The items an actor may see that a query asks for, newest first. */
    public List<LedgerItem> search(String visiblePrefix, LedgerQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + ITEM_COLUMNS + " FROM ledger_item WHERE region_code LIKE ?");
        List<Object> args = new ArrayList<>();
        args.add(visiblePrefix + "%");
        if (q.regionCode() != null) {
            sql.append(" AND region_code LIKE ?");
            args.add(Actor.prefixOf(q.regionCode()) + "%");
        }
        if (q.status() != null) {
            sql.append(" AND status = ?");
            args.add(q.status().name());
        }
        if (q.source() != null) {
            sql.append(" AND source = ?");
            args.add(q.source().name());
        }
        if (q.rule() != null) {
            sql.append(" AND rule = ?");
            args.add(q.rule());
        }
        if (q.overdue() != null) {
            sql.append(q.overdue() ? " AND status NOT IN ('DISMISSED', 'CLOSED') AND deadline < ?"
                    : " AND NOT (status NOT IN ('DISMISSED', 'CLOSED') AND deadline < ?)");
            args.add(settings.now());
        }
        int limit = q.limit() == null ? 100 : Math.max(1, Math.min(1000, q.limit()));
        int offset = q.offset() == null ? 0 : Math.max(0, q.offset());
        sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), this::item, args.toArray());
    }

    /**
     * A page of the items an actor may see that a filter asks for, and how many there are in all. Only the code's
     * own column names are put into the SQL; every value is a parameter.
     */
    public LedgerPage page(String visiblePrefix, String actorRegion, LedgerFilter f) {
        StringBuilder where = new StringBuilder(" FROM ledger_item WHERE region_code LIKE ?");
        List<Object> args = new ArrayList<>();
        args.add(visiblePrefix + "%");
        if (f.regionCode() != null) {
            where.append(" AND region_code LIKE ?");
            args.add(Actor.prefixOf(f.regionCode()) + "%");
        }
        if (f.source() != null) {
            where.append(" AND source = ?");
            args.add(f.source().name());
        }
        in(where, args, "rule", f.rules().stream().sorted().toList());
        in(where, args, "severity", f.severities().stream().map(Enum::name).sorted().toList());
        in(where, args, "status", f.statuses().stream().map(Enum::name).sorted().toList());
        if (f.program() != null) {
            where.append(" AND program = ?");
            args.add(f.program());
        }
        if (f.runId() != null) {
            where.append(" AND id IN (SELECT item_id FROM ledger_evidence WHERE run_id = ?)");
            args.add(f.runId());
        }
        if (f.minAmount() != null) {
            where.append(" AND amount_at_risk >= ?");
            args.add(f.minAmount());
        }
        if (f.maxAmount() != null) {
            where.append(" AND amount_at_risk <= ?");
            args.add(f.maxAmount());
        }
        if (f.text() != null) {
            String like = "%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" AND (subject LIKE ? ESCAPE '\\' OR explanation LIKE ? ESCAPE '\\' OR id_no = ?"
                    + " OR household_id = ? OR enrollment_id = ?");
            args.add(like);
            args.add(like);
            args.add(f.text().toUpperCase(java.util.Locale.ROOT));
            args.add(f.text());
            args.add(f.text());
            if (f.text().matches("\\d{1,18}")) {
                where.append(" OR id = ?");
                args.add(Long.parseLong(f.text()));
            }
            where.append(")");
        }
        if (f.overdue() != null) {
            where.append(f.overdue() ? " AND status NOT IN ('DISMISSED', 'CLOSED') AND deadline < ?"
                    : " AND NOT (status NOT IN ('DISMISSED', 'CLOSED') AND deadline < ?)");
            args.add(settings.now());
        }
        if (f.mine()) {
            where.append(" AND responsible_region = ? AND status NOT IN ('DISMISSED', 'CLOSED')");
            args.add(actorRegion);
        }
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        String dir = f.descending() ? " DESC" : " ASC";
        String order = switch (f.sort()) {
            case ID -> "id" + dir;
            case RULE -> "rule" + dir + ", id DESC";
            case SEVERITY -> "CASE severity WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END"
                    + dir + ", id DESC";
            case STATUS -> "status" + dir + ", id DESC";
            case REGION -> "region_code" + dir + ", id DESC";
            case AMOUNT -> "amount_at_risk" + dir + ", id DESC";
            // items without a deadline (done) last either way
            case DEADLINE -> "CASE WHEN deadline IS NULL THEN 1 ELSE 0 END, deadline" + dir + ", id DESC";
        };
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(f.size());
        pageArgs.add((long) f.page() * f.size());
        List<LedgerItem> items = jdbc.query("SELECT " + ITEM_COLUMNS + where + " ORDER BY " + order
                + " LIMIT ? OFFSET ?", this::item, pageArgs.toArray());
        return new LedgerPage(items, total, f.page(), f.size());
    }

    private static void in(StringBuilder where, List<Object> args, String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        StringJoiner marks = new StringJoiner(", ", " AND " + column + " IN (", ")");
        for (String v : values) {
            marks.add("?");
            args.add(v);
        }
        where.append(marks);
    }

    /** Identities of every item from the cross-check: rule|subject → id and status. */
    public Map<String, Known> checkItems() {
        Map<String, Known> known = new HashMap<>();
        jdbc.query("SELECT id, rule, subject, status FROM ledger_item WHERE source = 'CHECK'", rs -> {
            known.put(rs.getString(2) + "|" + rs.getString(3),
                    new Known(rs.getLong(1), LedgerStatus.valueOf(rs.getString(4))));
        });
        return known;
    }

    /** Open items past their deadline at a time, oldest deadline first. */
    public List<LedgerItem> overdue(OffsetDateTime now) {
        return jdbc.query("SELECT " + ITEM_COLUMNS + " FROM ledger_item WHERE status NOT IN ('DISMISSED', 'CLOSED') "
                + "AND deadline < ? ORDER BY deadline, id", this::item, now);
    }

    // ---------------------------------------------------------------- history

    public void history(long itemId, Who who, String action, LedgerStatus from, LedgerStatus to, String reason,
                        Map<String, Object> details, OffsetDateTime at) {
        jdbc.update(INSERT_HISTORY, historyArgs(itemId, who, action, from, to, reason, details, at));
    }

    public void historyAll(List<Object[]> rows) {
        batch(INSERT_HISTORY, rows);
    }

    public static Object[] historyArgs(long itemId, Who who, String action, LedgerStatus from, LedgerStatus to,
                                       String reason, Map<String, Object> details, OffsetDateTime at) {
        return new Object[] {itemId, at, truncate(who.id(), 100), truncate(who.name(), 100), who.role(), who.region(),
                action, from == null ? null : from.name(), to == null ? null : to.name(), truncate(reason, 4000),
                details == null || details.isEmpty() ? null : truncate(Json.write(details), 8000)};
    }

    public List<HistoryEntry> history(long itemId) {
        return jdbc.query("SELECT id, item_id, at, actor_id, actor_name, actor_role, actor_region, action, "
                + "from_status, to_status, reason, details FROM ledger_history WHERE item_id = ? ORDER BY id",
                (rs, i) -> new HistoryEntry(rs.getLong(1), rs.getLong(2), time(rs, 3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        status(rs.getString(9)), status(rs.getString(10)), rs.getString(11), rs.getString(12)),
                itemId);
    }

    /** The user who last took a step on an item, if anyone did. */
    public Optional<String> lastActorOf(long itemId, String action) {
        return jdbc.queryForList("SELECT actor_id FROM ledger_history WHERE item_id = ? AND action = ? "
                + "ORDER BY id DESC LIMIT 1", String.class, itemId, action).stream().findFirst();
    }

    // ---------------------------------------------------------------- evidence

    public void clueEvidenceAll(List<Object[]> rows) {
        batch(INSERT_CLUE, rows);
    }

    public static Object[] clueArgs(long itemId, long runId, String clueJson, OffsetDateTime at) {
        return new Object[] {itemId, runId, truncate(clueJson, 100000), at};
    }

    /** The items that already hold a run's clue. */
    public java.util.Set<Long> itemsWithRun(long runId) {
        return new java.util.HashSet<>(jdbc.queryForList(
                "SELECT item_id FROM ledger_evidence WHERE run_id = ?", Long.class, runId));
    }

    public Evidence insertFile(long itemId, EvidenceFiles.Stored file, String originalName, String note,
                               String addedBy, OffsetDateTime at) {
        long id = jdbc.queryForObject("SELECT nextval('ledger_evidence_seq')", Long.class);
        jdbc.update("INSERT INTO ledger_evidence (id, item_id, kind, content_hash, size_bytes, media_type, "
                        + "original_name, note, added_by, added_at) VALUES (?, ?, 'FILE', ?, ?, ?, ?, ?, ?, ?)",
                id, itemId, file.hash(), file.size(), file.mediaType(), truncate(originalName, 255),
                truncate(note, 2000), truncate(addedBy, 100), at);
        return evidence(itemId, id).orElseThrow();
    }

    private static final String EVIDENCE_COLUMNS = "id, item_id, kind, run_id, clue, content_hash, size_bytes, "
            + "media_type, original_name, note, added_by, added_at";

    public List<Evidence> evidence(long itemId) {
        return jdbc.query("SELECT " + EVIDENCE_COLUMNS + " FROM ledger_evidence WHERE item_id = ? ORDER BY id",
                LedgerStore::evidence, itemId);
    }

    public Optional<Evidence> evidence(long itemId, long evidenceId) {
        return jdbc.query("SELECT " + EVIDENCE_COLUMNS + " FROM ledger_evidence WHERE item_id = ? AND id = ?",
                LedgerStore::evidence, itemId, evidenceId).stream().findFirst();
    }

    public int fileCount(long itemId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_evidence WHERE item_id = ? AND kind = 'FILE'",
                Integer.class, itemId);
    }

    private static Evidence evidence(ResultSet rs, int i) throws SQLException {
        return new Evidence(rs.getLong(1), rs.getLong(2), Evidence.Kind.valueOf(rs.getString(3)), nullableLong(rs, 4),
                rs.getString(5), rs.getString(6), nullableLong(rs, 7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), time(rs, 12));
    }

    // ---------------------------------------------------------------- actions

    private static final String ACTION_COLUMNS = "id, item_id, kind, action_date, amount, reference, body, note, "
            + "recorded_by, recorded_at, outcome, outcome_date, people_handled";

    public RectificationAction insertAction(long itemId, ActionKind kind, LocalDate date, BigDecimal amount,
                                            String reference, String body, String note, String by,
                                            OffsetDateTime at) {
        long id = jdbc.queryForObject("SELECT nextval('ledger_action_seq')", Long.class);
        jdbc.update("INSERT INTO ledger_action (id, item_id, kind, action_date, amount, reference, body, note, "
                        + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, itemId, kind.name(), date, amount, truncate(reference, 100), truncate(body, 200),
                truncate(note, 2000), truncate(by, 100), at);
        return action(itemId, id).orElseThrow();
    }

    public List<RectificationAction> actions(long itemId) {
        return jdbc.query("SELECT " + ACTION_COLUMNS + " FROM ledger_action WHERE item_id = ? ORDER BY id",
                LedgerStore::action, itemId);
    }

    public Optional<RectificationAction> action(long itemId, long actionId) {
        return jdbc.query("SELECT " + ACTION_COLUMNS + " FROM ledger_action WHERE item_id = ? AND id = ?",
                LedgerStore::action, itemId, actionId).stream().findFirst();
    }

    public int actionCount(long itemId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_action WHERE item_id = ?", Integer.class, itemId);
    }

    public void recordOutcome(long actionId, String outcome, LocalDate date, int people, String by) {
        jdbc.update("UPDATE ledger_action SET outcome = ?, outcome_date = ?, people_handled = ?, "
                + "outcome_recorded_by = ? WHERE id = ? AND outcome IS NULL", truncate(outcome, 2000), date, people,
                truncate(by, 100), actionId);
    }

    private static RectificationAction action(ResultSet rs, int i) throws SQLException {
        return new RectificationAction(rs.getLong(1), rs.getLong(2), ActionKind.valueOf(rs.getString(3)),
                rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), time(rs, 10), rs.getString(11), rs.getObject(12, LocalDate.class),
                nullableInt(rs, 13));
    }

    // ---------------------------------------------------------------- complaints

    public void insertComplaint(long itemId, String channel, String trackingHash, String content, String aboutName,
                                String aboutIdNo, String name, String contact, String receivedBy,
                                OffsetDateTime at) {
        jdbc.update("INSERT INTO ledger_complaint (item_id, channel, tracking_hash, content, about_name, "
                        + "about_id_no, complainant_name, complainant_contact, received_by, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                itemId, channel, trackingHash, content, aboutName, aboutIdNo, name, contact, receivedBy, at);
    }

    /** The item of a complaint by its tracking code's hash. */
    public Optional<Long> complaintItem(String trackingHash) {
        return jdbc.queryForList("SELECT item_id FROM ledger_complaint WHERE tracking_hash = ?", Long.class,
                trackingHash).stream().findFirst();
    }

    // ---------------------------------------------------------------- figures

    /** The items an actor may see, added up by status (statuses without items absent). */
    public Map<LedgerStatus, StatusTotals> totalsByStatus(String visiblePrefix) {
        Map<LedgerStatus, StatusTotals> totals = new EnumMap<>(LedgerStatus.class);
        jdbc.query("SELECT status, COUNT(*), SUM(CASE WHEN status NOT IN ('DISMISSED', 'CLOSED') AND deadline < ? "
                + "THEN 1 ELSE 0 END), COALESCE(SUM(amount_at_risk), 0), COALESCE(SUM(amount_recovered), 0) "
                + "FROM ledger_item WHERE region_code LIKE ? GROUP BY status", rs -> {
                    LedgerStatus status = LedgerStatus.valueOf(rs.getString(1));
                    totals.put(status, new StatusTotals(status, rs.getLong(2), rs.getLong(3),
                            rs.getBigDecimal(4).setScale(2), rs.getBigDecimal(5).setScale(2)));
                }, settings.now(), visiblePrefix + "%");
        return totals;
    }

    /** Reporting figures of the items an actor may see, optionally only those created in [from, to). */
    public List<ItemFigures> figures(String visiblePrefix, OffsetDateTime from, OffsetDateTime to) {
        StringBuilder sql = new StringBuilder("SELECT i.id, i.source, i.rule, i.region_code, i.program, i.status, "
                + "i.created_at, i.amount_at_risk, i.amount_to_recover, i.amount_recovered, "
                + "(SELECT COUNT(*) FROM ledger_action a WHERE a.item_id = i.id "
                + "AND a.kind IN ('STOP_BENEFIT', 'ADJUST_BENEFIT')), "
                + "(SELECT COUNT(*) FROM ledger_action a WHERE a.item_id = i.id AND a.kind = 'DISCIPLINE_TRANSFER'), "
                + "(SELECT COALESCE(SUM(a.people_handled), 0) FROM ledger_action a WHERE a.item_id = i.id) "
                + "FROM ledger_item i WHERE i.region_code LIKE ?");
        List<Object> args = new ArrayList<>();
        args.add(visiblePrefix + "%");
        if (from != null) {
            sql.append(" AND i.created_at >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" AND i.created_at < ?");
            args.add(to);
        }
        sql.append(" ORDER BY i.id");
        return jdbc.query(sql.toString(), (rs, i) -> new ItemFigures(rs.getLong(1),
                LedgerSource.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                LedgerStatus.valueOf(rs.getString(6)), time(rs, 7), rs.getBigDecimal(8),
                rs.getBigDecimal(9) == null ? BigDecimal.ZERO.setScale(2) : rs.getBigDecimal(9),
                rs.getBigDecimal(10), rs.getInt(11), rs.getInt(12), rs.getInt(13)), args.toArray());
    }

    // ---------------------------------------------------------------- mapping

    private LedgerItem item(ResultSet rs, int i) throws SQLException {
        LedgerStatus status = LedgerStatus.valueOf(rs.getString("status"));
        OffsetDateTime deadline = time(rs, "deadline");
        BigDecimal toRecover = rs.getBigDecimal("amount_to_recover");
        BigDecimal recovered = rs.getBigDecimal("amount_recovered");
        BigDecimal outstanding = toRecover == null ? BigDecimal.ZERO.setScale(2) : toRecover.subtract(recovered);
        return new LedgerItem(
                rs.getLong("id"),
                LedgerSource.valueOf(rs.getString("source")),
                rs.getString("rule"),
                rs.getString("subject"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("variant"),
                status,
                rs.getString("region_code"),
                rs.getString("town_code"),
                rs.getString("responsible_region"),
                rs.getInt("escalations"),
                deadline,
                status.isOpen() && deadline != null && deadline.isBefore(settings.now()),
                rs.getString("program"),
                rs.getString("enrollment_id"),
                rs.getString("household_id"),
                rs.getString("id_no"),
                rs.getString("card_no"),
                rs.getString("period_from"),
                rs.getString("period_to"),
                rs.getBigDecimal("amount_at_risk"),
                rs.getBigDecimal("owed"),
                toRecover,
                recovered,
                outstanding,
                rs.getString("explanation"),
                rs.getString("finding"),
                rs.getInt("recurrences"),
                nullableLong(rs, "first_run_id"),
                nullableLong(rs, "last_run_id"),
                time(rs, "created_at"),
                time(rs, "updated_at"),
                time(rs, "closed_at"),
                rs.getLong("version"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(LedgerSettings.ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(LedgerSettings.ZONE).toOffsetDateTime();
    }

    private static LedgerStatus status(String s) {
        return s == null ? null : LedgerStatus.valueOf(s);
    }

    private static Long nullableLong(ResultSet rs, Object column) throws SQLException {
        long v = column instanceof String c ? rs.getLong(c) : rs.getLong((Integer) column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }
}
