package sunshine.imports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.contract.Reason;
import sunshine.imports.ImportRun;
import sunshine.imports.ImportStatus;
import sunshine.security.Actor;

/** The importer's bookkeeping tables: {@code import_run} and {@code import_replacement}. */
@Component
public class RunStore {

    /** What is recorded about one file. */
    public record RunRecord(
            long id,
            long batchId,
            String dataset,
            String fileName,
            long fileSize,
            String contentHash,
            String format,
            List<String> periods,
            ImportStatus status,
            long rowCount,
            long errorCount,
            long warningCount,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            Long replacedImportId,
            String archivedFile,
            String reportCsv,
            String reportXlsx,
            Reason message,
            String importedBy,
            String regionCode) {
    }

    private static final String COLUMNS = "id, batch_id, dataset, file_name, file_size, content_hash, format, periods, "
            + "status, row_count, error_count, warning_count, started_at, finished_at, replaced_import_id, "
            + "superseded_by, archived_file, report_csv, report_xlsx, message_zh, message_en, imported_by, region_code";

    private final JdbcTemplate jdbc;
    private final ImportSettings settings;

    public RunStore(JdbcTemplate jdbc, ImportSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public long nextRunId() {
        return jdbc.queryForObject("SELECT nextval('import_run_seq')", Long.class);
    }

    public long nextBatchId() {
        return jdbc.queryForObject("SELECT nextval('import_batch_seq')", Long.class);
    }

    /** Waits for, and holds until the transaction ends, the lock that lets one import run at a time. */
    public void lockImports() {
        try {
            jdbc.queryForList("SELECT id FROM import_lock WHERE id = 1 FOR UPDATE");
        } catch (org.springframework.dao.DataAccessException e) {
            // H2 gives up after its lock timeout; PostgreSQL waits
            throw new sunshine.imports.ImportRequestException(new Reason(
                    "另一个导入正在进行（可能在另一个进程中），请稍后再试", "another import is running (perhaps in another "
                    + "process): try again later"));
        }
    }

    /** The current (IMPORTED) import of a dataset with this content, if any. */
    public Optional<Long> currentImportWithHash(String dataset, String hash) {
        return jdbc.queryForList("SELECT id FROM import_run WHERE dataset = ? AND content_hash = ? AND status = ? "
                + "ORDER BY id DESC", Long.class, dataset, hash, ImportStatus.IMPORTED.name()).stream().findFirst();
    }

    public void insert(RunRecord r) {
        jdbc.update("INSERT INTO import_run (" + COLUMNS + ") VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.batchId(), r.dataset(), truncate(r.fileName(), 500), r.fileSize(), r.contentHash(),
                r.format(), r.periods().isEmpty() ? null : truncate(String.join(",", r.periods()), 4000),
                r.status().name(), r.rowCount(), r.errorCount(), r.warningCount(), r.startedAt(), r.finishedAt(),
                r.replacedImportId(), null, r.archivedFile(), r.reportCsv(), r.reportXlsx(),
                r.message() == null ? null : truncate(r.message().zh(), 4000),
                r.message() == null ? null : truncate(r.message().en(), 4000),
                truncate(r.importedBy(), 100), r.regionCode());
    }

    /** Marks an earlier import as replaced (wholly or for some periods) by a later one. */
    public void supersede(long replacedId, long byId, String periods, long rows) {
        jdbc.update("UPDATE import_run SET status = ?, superseded_by = ? WHERE id = ?",
                ImportStatus.SUPERSEDED.name(), byId, replacedId);
        jdbc.update("INSERT INTO import_replacement (import_id, replaced_import_id, periods, row_count) "
                + "VALUES (?, ?, ?, ?)", byId, replacedId, periods, rows);
    }

    public Optional<ImportRun> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM import_run WHERE id = ?", this::run, id).stream().findFirst();
    }

    /** The most recent runs, newest first. */
    public List<ImportRun> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM import_run ORDER BY id DESC LIMIT ?", this::run, limit);
    }

    /**
     * The most recent runs an actor may see, newest first: the platform's own (no region: the whole database),
     * those made within the actor's region, and those made for a region above it (which hold the actor's data).
     */
    public List<ImportRun> recent(Actor actor, int limit) {
        List<Object> args = new ArrayList<>();
        String where = visibleTo(actor, args);
        args.add(limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM import_run WHERE " + where + " ORDER BY id DESC LIMIT ?",
                this::run, args.toArray());
    }

    /** One run, if the actor may see it (see {@link #recent(Actor, int)}). */
    public Optional<ImportRun> find(Actor actor, long id) {
        List<Object> args = new ArrayList<>();
        args.add(id);
        String where = visibleTo(actor, args);
        return jdbc.query("SELECT " + COLUMNS + " FROM import_run WHERE id = ? AND (" + where + ")", this::run,
                args.toArray()).stream().findFirst();
    }

    private static String visibleTo(Actor actor, List<Object> args) {
        StringBuilder where = new StringBuilder("(region_code IS NULL OR region_code LIKE ?");
        args.add(actor.regionPrefix() + "%");
        List<String> above = Actor.regionsAbove(actor.regionCode());
        if (!above.isEmpty()) {
            where.append(" OR region_code IN (").append(String.join(", ", java.util.Collections.nCopies(above.size(),
                    "?"))).append(")");
            args.addAll(above);
        }
        return where.append(")").toString();
    }

    /** The file name of a run, or "#id" when there is none. */
    public String fileName(long id) {
        return jdbc.queryForList("SELECT file_name FROM import_run WHERE id = ?", String.class, id).stream()
                .findFirst().orElse("#" + id);
    }

    private ImportRun run(ResultSet rs, int rowNum) throws SQLException {
        String periods = rs.getString("periods");
        String zh = rs.getString("message_zh");
        String en = rs.getString("message_en");
        return new ImportRun(
                rs.getLong("id"),
                rs.getLong("batch_id"),
                rs.getString("dataset"),
                rs.getString("file_name"),
                rs.getLong("file_size"),
                rs.getString("content_hash"),
                rs.getString("format"),
                periods == null || periods.isEmpty() ? List.of() : Arrays.asList(periods.split(",")),
                ImportStatus.valueOf(rs.getString("status")),
                rs.getLong("row_count"),
                rs.getLong("error_count"),
                rs.getLong("warning_count"),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class),
                nullableLong(rs, "replaced_import_id"),
                nullableLong(rs, "superseded_by"),
                settings.resolve(rs.getString("archived_file")),
                settings.resolve(rs.getString("report_csv")),
                settings.resolve(rs.getString("report_xlsx")),
                zh == null && en == null ? null : new Reason(zh, en),
                rs.getString("imported_by"),
                rs.getString("region_code"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }
}
