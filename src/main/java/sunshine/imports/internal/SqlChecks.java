package sunshine.imports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.contract.Column;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.Reason;
import sunshine.contract.RowError;
import sunshine.contract.ValueType;

/**
 * The checks that need the database, run after the types inside the import's transaction, over the dataset
 * tables: key duplicates (within the file and against rows of earlier imports), references (each value present
 * in the target dataset's table), enrollment membership, and references into a replaced dataset from datasets
 * the import did not touch. Every finding is a {@link RowError}; results are streamed, never collected.
 */
@Component
class SqlChecks {

    /** Programs paid to one person: an enrollment of one of them has exactly one member. */
    static final List<String> INDIVIDUAL_PROGRAMS = List.of("ORPHAN", "TEKUN", "DISABILITY_LIVING", "DISABILITY_CARE");
    static final String ENROLLMENTS = "enrollments";
    static final String MEMBERS = "enrollment_members";
    static final String REGIONS = "regions";

    private final JdbcTemplate jdbc;
    private final DataContract contract;

    SqlChecks(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        // stream large results (PostgreSQL fetches everything unless told otherwise)
        this.jdbc.setFetchSize(1000);
        this.contract = DataContract.standard();
    }

    // ------------------------------------------------------------------ keys

    /**
     * Every row of the file whose key another row of the table also has: another row of the file, or a row of an
     * earlier import (of another period) that stays.
     */
    void keys(FileJob job, Function<Long, String> fileNameOfImport) {
        Dataset d = job.dataset;
        if (d.key().isEmpty()) {
            return;
        }
        String keys = String.join(", ", d.key());
        boolean nullable = d.key().stream().anyMatch(k -> !d.column(k).map(Column::required).orElse(false));
        List<Map<String, Object>> any;
        if (nullable) {
            // NULL is a value of the key here (e.g. a standard for both urban and rural): group, NULLs together
            any = jdbc.queryForList("SELECT 1 AS x FROM " + d.name() + " GROUP BY " + keys
                    + " HAVING COUNT(*) > 1 LIMIT 1");
        } else {
            // probe the key index with the file's rows only: cheap when the table is much larger than the file
            String same = d.key().stream().map(k -> "o." + k + " = s." + k).collect(Collectors.joining(" AND "));
            any = jdbc.queryForList("SELECT 1 AS x FROM " + d.name() + " s WHERE s.import_id = ? AND EXISTS "
                    + "(SELECT 1 FROM " + d.name() + " o WHERE " + same
                    + " AND (o.import_id <> s.import_id OR o.source_row <> s.source_row)) LIMIT 1", job.importId);
        }
        if (any.isEmpty()) {
            return;
        }
        String w = "OVER (PARTITION BY " + keys + ")";
        String sql = "SELECT " + keys + ", source_row, n, earlier_import, earlier_row, first_row, second_row FROM ("
                + "SELECT " + keys + ", import_id, source_row, COUNT(*) " + w + " AS n, "
                + "MIN(CASE WHEN import_id <> ? THEN import_id END) " + w + " AS earlier_import, "
                + "MIN(CASE WHEN import_id <> ? THEN source_row END) " + w + " AS earlier_row, "
                + "MIN(source_row) " + w + " AS first_row, "
                + "NTH_VALUE(source_row, 2) OVER (PARTITION BY " + keys + " ORDER BY source_row "
                + "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS second_row "
                + "FROM " + d.name() + ") x WHERE n > 1 AND import_id = ? ORDER BY source_row";
        String column = String.join(", ", d.key());
        String labels = d.key().stream().map(k -> label(d, k)).collect(Collectors.joining("+"));
        Map<Long, String> names = new HashMap<>();
        jdbc.query(sql, rs -> {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= d.key().size(); i++) {
                String v = rs.getString(i);
                values.add(v == null ? "" : v.strip());
            }
            int k = d.key().size();
            long row = rs.getLong(k + 1);
            long n = rs.getLong(k + 2);
            long earlierImport = rs.getLong(k + 3);
            boolean earlier = !rs.wasNull();
            long earlierRow = rs.getLong(k + 4);
            long first = rs.getLong(k + 5);
            long second = rs.getLong(k + 6);
            Reason reason;
            if (earlier) {
                String file = names.computeIfAbsent(earlierImport, fileNameOfImport);
                reason = new Reason(
                        labels + "重复：之前导入的文件" + file + "（导入#" + earlierImport + "）第" + earlierRow + "行已有相同的值",
                        "duplicate " + column + ": row " + earlierRow + " of " + file + " (import #" + earlierImport
                                + "), imported earlier, has the same value");
            } else {
                long other = row == first ? second : first;
                reason = new Reason(
                        labels + "重复：与本文件第" + other + "行相同" + (n > 2 ? "（共" + n + "行）" : ""),
                        "duplicate " + column + ": same as row " + other + " of this file"
                                + (n > 2 ? " (" + n + " rows in all)" : ""));
            }
            job.spool.error(new RowError(job.name, row, column, String.join(", ", values), reason));
        }, job.importId, job.importId, job.importId);
    }

    // ------------------------------------------------------------------ references

    /**
     * Every row of the file whose reference column holds a value absent from the target dataset's table. Skips the
     * references into datasets that are incomplete in this import (they failed: their absence would only echo
     * their own errors).
     */
    void references(FileJob job, Predicate<String> targetComplete) {
        Dataset d = job.dataset;
        for (Map.Entry<String, String> ref : sorted(d)) {
            String col = ref.getKey();
            String target = ref.getValue().substring(0, ref.getValue().indexOf('.'));
            String targetCol = ref.getValue().substring(ref.getValue().indexOf('.') + 1);
            if (!targetComplete.test(target)) {
                continue;
            }
            Dataset t = contract.dataset(target);
            Reason reason = new Reason(
                    label(t, targetCol) + "在" + t.label() + "中不存在（" + target + "." + targetCol + "）",
                    "not found in " + target + "." + targetCol);
            String sql = "SELECT s.source_row, s." + col + " FROM " + d.name() + " s WHERE s.import_id = ? AND s." + col
                    + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + target + " x WHERE x." + targetCol + " = s." + col
                    + ") ORDER BY s.source_row";
            jdbc.query(sql, rs -> {
                job.spool.error(new RowError(job.name, rs.getLong(1), col, text(rs, 2), reason));
            }, job.importId);
        }
    }

    /** The references in the order of the dataset's columns (stable reports). */
    private static List<Map.Entry<String, String>> sorted(Dataset d) {
        List<Map.Entry<String, String>> refs = new ArrayList<>(d.references().entrySet());
        refs.sort((a, b) -> Integer.compare(d.indexOf(a.getKey()), d.indexOf(b.getKey())));
        return refs;
    }

    // ------------------------------------------------------------------ enrollment membership

    /**
     * After enrollment_members: an enrollment of an individual program has exactly one member (each member row of
     * such an enrollment with more than one is reported), and every enrollment has at least one (an enrollment
     * without one is reported on the enrollments file when this import loaded it, else on the members file).
     */
    void membership(FileJob members, FileJob enrollmentsJob) {
        String in = INDIVIDUAL_PROGRAMS.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
        var programs = contract.enumType("program");
        jdbc.query("SELECT m.source_row, m.enrollment_id, e.program, c.n FROM " + MEMBERS + " m "
                + "JOIN (SELECT enrollment_id, COUNT(*) AS n FROM " + MEMBERS + " GROUP BY enrollment_id "
                + "HAVING COUNT(*) > 1) c ON c.enrollment_id = m.enrollment_id "
                + "JOIN (SELECT enrollment_id, MIN(program) AS program FROM " + ENROLLMENTS + " WHERE program IN (" + in
                + ") GROUP BY enrollment_id) e ON e.enrollment_id = m.enrollment_id "
                + "WHERE m.import_id = ? ORDER BY m.source_row", rs -> {
                    String id = rs.getString(2);
                    String program = rs.getString(3);
                    long n = rs.getLong(4);
                    members.spool.error(new RowError(members.name, rs.getLong(1), "enrollment_id", id, new Reason(
                            programs.labelOf(program) + "为个人项目，每个待遇只能有一名保障对象，待遇" + id + "有" + n + "名",
                            program + " is an individual program: enrollment " + id
                                    + " must have exactly one member, it has " + n)));
                }, members.importId);
        jdbc.query("SELECT e.import_id, e.source_row, e.enrollment_id FROM " + ENROLLMENTS + " e WHERE NOT EXISTS "
                + "(SELECT 1 FROM " + MEMBERS + " m WHERE m.enrollment_id = e.enrollment_id) "
                + "ORDER BY e.import_id, e.source_row", rs -> {
                    String id = rs.getString(3);
                    Reason reason = new Reason("待遇" + id + "没有保障对象（enrollment_members中没有该待遇编号）",
                            "enrollment " + id + " has no member in enrollment_members");
                    if (enrollmentsJob != null && rs.getLong(1) == enrollmentsJob.importId) {
                        enrollmentsJob.spool.error(new RowError(enrollmentsJob.name, rs.getLong(2), "enrollment_id", id,
                                reason));
                    } else {
                        members.spool.error(new RowError(members.name, 0, "enrollment_id", id, reason));
                    }
                });
    }

    // ------------------------------------------------------------------ references into a replaced dataset

    /**
     * After a dataset was replaced: the rows of datasets this import did not load must still find what they refer
     * to (a new households file must not drop a household that persons still name). Reported on the new file, one
     * error per missing value, row 0. Region columns that must be known count as references to regions.code.
     */
    void inbound(FileJob job, Set<String> loadedDatasets) {
        String x = job.dataset.name();
        for (Dataset y : contract.datasets()) {
            if (loadedDatasets.contains(y.name())) {
                continue;
            }
            for (Map.Entry<String, String> ref : sorted(y)) {
                String target = ref.getValue();
                if (target.startsWith(x + ".")) {
                    inbound(job, y, ref.getKey(), target.substring(x.length() + 1));
                }
            }
            if (x.equals(REGIONS)) {
                for (Column c : y.columns()) {
                    if (c.type() == ValueType.REGION && c.known()) {
                        inbound(job, y, c.name(), "code");
                    }
                }
            }
        }
    }

    private void inbound(FileJob job, Dataset y, String col, String targetCol) {
        Dataset x = job.dataset;
        jdbc.query("SELECT y." + col + ", COUNT(*) FROM " + y.name() + " y WHERE y." + col + " IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM " + x.name() + " x WHERE x." + targetCol + " = y." + col + ") "
                + "GROUP BY y." + col + " ORDER BY y." + col, rs -> {
                    String value = text(rs, 1);
                    long n = rs.getLong(2);
                    job.spool.error(new RowError(job.name, 0, targetCol, value, new Reason(
                            "新文件中没有该" + label(x, targetCol) + "，但" + y.label() + "（" + y.name() + "." + col + "）中仍有"
                                    + n + "行引用它",
                            "missing from the new file, but " + n + " rows of " + y.name() + "." + col
                                    + " still refer to it")));
                });
    }

    // ------------------------------------------------------------------ helpers

    private static String label(Dataset d, String column) {
        return d.column(column).map(Column::label).orElse(column);
    }

    private static String text(ResultSet rs, int i) throws SQLException {
        String v = rs.getString(i);
        return v == null ? "" : v;
    }
}
