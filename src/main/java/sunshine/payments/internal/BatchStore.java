package sunshine.payments.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import sunshine.checks.Clue;
import sunshine.payments.BatchClue;
import sunshine.payments.BatchEvent;
import sunshine.payments.BatchKind;
import sunshine.payments.BatchLine;
import sunshine.payments.BatchStatus;
import sunshine.payments.PaymentBatch;
import sunshine.payments.PaymentException;
import sunshine.payments.UnpaidEnrollment;
import sunshine.audit.AuditLog;
import sunshine.registry.PlatformRows;
import sunshine.security.Actor;

/** The payment cycle's tables (V6__benefits.sql), in plain SQL. */
@Component
public class BatchStore {

    private static final String BATCH_COLUMNS = """
            b.batch_id, b.kind, b.town_code, b.period, b.status, b.line_count, b.total, b.submission,
            b.submitted_count, b.submitted_total, b.blocking,
            (SELECT COUNT(*) FROM payment_batch_exception x WHERE x.batch_id = b.batch_id) AS unpaid,
            b.reissue_of, b.pay_date, b.created_at, b.created_by, b.updated_at, b.version
            """;

    private static final RowMapper<PaymentBatch> BATCH = (rs, i) -> new PaymentBatch(rs.getString(1),
            BatchKind.valueOf(rs.getString(2)), rs.getString(3), YearMonth.parse(rs.getString(4).strip()),
            BatchStatus.valueOf(rs.getString(5)), rs.getInt(6), rs.getBigDecimal(7), rs.getString(8),
            (Integer) rs.getObject(9, Integer.class), rs.getBigDecimal(10), rs.getInt(11), rs.getInt(12),
            rs.getString(13), rs.getObject(14, LocalDate.class), rs.getObject(15, OffsetDateTime.class),
            rs.getString(16), rs.getObject(17, OffsetDateTime.class), rs.getLong(18));

    private static final RowMapper<BatchLine> LINE = (rs, i) -> new BatchLine(rs.getInt(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public BatchStore(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    // ------------------------------------------------------------------ batches

    public Optional<PaymentBatch> find(String batchId) {
        return jdbc.query("SELECT " + BATCH_COLUMNS + " FROM payment_batch b WHERE b.batch_id = ?", BATCH, batchId)
                .stream().findFirst();
    }

    /** Locks the batch's row for the rest of the transaction ({@code SELECT ... FOR UPDATE}) and reads it. */
    public PaymentBatch lock(String batchId) {
        List<String> found = jdbc.queryForList("SELECT batch_id FROM payment_batch WHERE batch_id = ? FOR UPDATE",
                String.class, batchId);
        if (found.isEmpty()) {
            throw PaymentException.notFound(batchId);
        }
        return find(batchId).orElseThrow();
    }

    public boolean exists(String batchId) {
        return !jdbc.queryForList("SELECT 1 FROM payment_batch WHERE batch_id = ?", Integer.class, batchId).isEmpty();
    }

    /** Batches whose id starts with a prefix (the supplements or re-issues of a town's month). */
    public int countLike(String prefix) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM payment_batch WHERE batch_id LIKE ?", Integer.class,
                prefix + "%");
        return n == null ? 0 : n;
    }

    public List<PaymentBatch> list(String regionPrefix, YearMonth period, BatchStatus status, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + BATCH_COLUMNS + " FROM payment_batch b WHERE b.town_code LIKE ?");
        List<Object> args = new ArrayList<>(List.of(regionPrefix + "%"));
        if (period != null) {
            sql.append(" AND b.period = ?");
            args.add(period.toString());
        }
        if (status != null) {
            sql.append(" AND b.status = ?");
            args.add(status.name());
        }
        sql.append(" ORDER BY b.period DESC, b.town_code, b.batch_id LIMIT ").append(Math.max(1, Math.min(limit, 10_000)));
        return jdbc.query(sql.toString(), BATCH, args.toArray());
    }

    public void insertBatch(String batchId, BatchKind kind, String town, YearMonth period, List<Payroll.Listed> lines,
                            String reissueOf, Actor actor, OffsetDateTime now) {
        BigDecimal total = lines.stream().map(l -> l.due().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.update("""
                INSERT INTO payment_batch (batch_id, kind, town_code, period, status, line_count, total, blocking,
                    reissue_of, created_at, created_by, updated_at, version)
                VALUES (?, ?, ?, ?, 'GENERATED', ?, ?, 0, ?, ?, ?, ?, 0)
                """, batchId, kind.name(), town, period.toString(), lines.size(), total.setScale(2), reissueOf, now,
                actor.userId(), now);
    }

    /** Sets the batch's status (and bumps its version); the other columns by name. */
    public void update(String batchId, BatchStatus status, OffsetDateTime now, Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("UPDATE payment_batch SET status = ?, updated_at = ?, version = version + 1");
        List<Object> args = new ArrayList<>(List.of(status.name(), now));
        columns.forEach((c, v) -> {
            sql.append(", ").append(c).append(" = ?");
            args.add(v);
        });
        sql.append(" WHERE batch_id = ?");
        args.add(batchId);
        jdbc.update(sql.toString(), args.toArray());
    }

    public void setControlTotals(String batchId, List<Payroll.Listed> lines) {
        BigDecimal total = lines.stream().map(l -> l.due().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.update("UPDATE payment_batch SET line_count = ?, total = ? WHERE batch_id = ?", lines.size(),
                total.setScale(2), batchId);
    }

    // ------------------------------------------------------------------ lines, claims, unpaid

    /** The batch's lines and the claims of their covered members (a clash with another batch fails on the key). */
    public void insertLines(String batchId, YearMonth period, List<Payroll.Listed> lines, List<String> reissueOf) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> claims = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Payroll.Listed l = lines.get(i);
            Payroll.Due d = l.due();
            rows.add(new Object[]{batchId, i + 1, d.enrollmentId(), d.program(), d.regionCode(), d.payeeIdNo(),
                    l.payeeName(), d.amount(), l.cardNo(), l.bank(), reissueOf == null ? null : reissueOf.get(i)});
            if (reissueOf == null && d.program() != null) {
                for (String m : d.members()) {
                    claims.add(new Object[]{d.program(), period.toString(), m, batchId, d.enrollmentId()});
                }
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO payment_batch_line (batch_id, line_no, enrollment_id, program, region_code, payee_id_no,
                    payee_name, amount, card_no, bank, reissue_of)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        jdbc.batchUpdate("INSERT INTO payroll_claim (program, period, id_no, batch_id, enrollment_id) "
                + "VALUES (?, ?, ?, ?, ?)", claims);
    }

    public void insertUnpaid(String batchId, List<UnpaidEnrollment> unpaid) {
        jdbc.batchUpdate("INSERT INTO payment_batch_exception (batch_id, enrollment_id, reason) VALUES (?, ?, ?)",
                unpaid.stream().map(u -> new Object[]{batchId, u.enrollmentId(), u.reason()}).toList());
    }

    /** Forgets the batch's list: lines, claims, unpaid enrollments, its town list, its clues. */
    public void clearList(String batchId) {
        jdbc.update("DELETE FROM payroll_claim WHERE batch_id = ?", batchId);
        jdbc.update("DELETE FROM payment_batch_line WHERE batch_id = ?", batchId);
        jdbc.update("DELETE FROM payment_batch_exception WHERE batch_id = ?", batchId);
        jdbc.update("DELETE FROM payroll_submissions WHERE batch_id = ?", batchId);
        jdbc.update("DELETE FROM payment_batch_clue WHERE batch_id = ?", batchId);
    }

    public List<BatchLine> lines(String batchId) {
        return jdbc.query("""
                SELECT line_no, enrollment_id, program, region_code, payee_id_no, payee_name, amount, card_no, bank,
                       reissue_of, payment_id
                FROM payment_batch_line WHERE batch_id = ? ORDER BY line_no
                """, LINE, batchId);
    }

    public List<UnpaidEnrollment> unpaid(String batchId) {
        return jdbc.query("SELECT enrollment_id, reason FROM payment_batch_exception WHERE batch_id = ? "
                + "ORDER BY enrollment_id", (rs, i) -> new UnpaidEnrollment(rs.getString(1), rs.getString(2)), batchId);
    }

    /** The batch that holds a person's claim for a program and month, if any. */
    public Optional<String> claimHolder(String program, YearMonth period, String idNo) {
        return jdbc.queryForList("SELECT batch_id FROM payroll_claim WHERE program = ? AND period = ? AND id_no = ?",
                String.class, program, period.toString(), idNo).stream().findFirst();
    }

    /** The batch (other than this one) holding a claim for the enrollment in the month, if any. */
    public Optional<String> otherClaim(String enrollmentId, YearMonth period, String batchId) {
        return jdbc.queryForList("SELECT batch_id FROM payroll_claim WHERE enrollment_id = ? AND period = ? "
                + "AND batch_id <> ? ORDER BY batch_id", String.class, enrollmentId, period.toString(), batchId)
                .stream().findFirst();
    }

    // ------------------------------------------------------------------ the town's list (payroll_submissions)

    /** Writes the batch's lines as the town's list (rows of {@code payroll_submissions}, platform rows). */
    public void writeSubmission(PaymentBatch b, List<BatchLine> lines) {
        jdbc.update("DELETE FROM payroll_submissions WHERE batch_id = ?", b.batchId());
        jdbc.batchUpdate("INSERT INTO payroll_submissions (batch_id, region_code, period, enrollment_id, payee_id_no, "
                + "name, amount, card_no, import_id, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('"
                + PlatformRows.ROW_SEQUENCE + "'))", lines.stream().map(l -> new Object[]{b.batchId(), b.townCode(),
                b.period().toString(), l.enrollmentId(), l.payeeIdNo(), l.payeeName(), l.amount(), l.cardNo(),
                PlatformRows.IMPORT_ID}).toList());
    }

    // ------------------------------------------------------------------ clues

    public void replaceClues(String batchId, String stage, List<Clue> clues, List<Boolean> blocking,
                             List<String> notes) {
        jdbc.update("DELETE FROM payment_batch_clue WHERE batch_id = ? AND stage = ?", batchId, stage);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < clues.size(); i++) {
            Clue c = clues.get(i);
            rows.add(new Object[]{batchId, stage, i + 1, c.rule(), c.variant(), c.severity().name(), c.subject(),
                    c.enrollmentId(), c.amountAtRisk(), c.owed(), c.explanation(), c.evidence(), blocking.get(i),
                    notes.get(i)});
        }
        jdbc.batchUpdate("""
                INSERT INTO payment_batch_clue (batch_id, stage, seq, rule, variant, severity, subject, enrollment_id,
                    amount_at_risk, owed, explanation, evidence, blocking, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    public List<BatchClue> clues(String batchId) {
        return jdbc.query("""
                SELECT stage, rule, variant, severity, subject, enrollment_id, amount_at_risk, owed, explanation,
                       evidence, blocking, note
                FROM payment_batch_clue WHERE batch_id = ? ORDER BY stage, seq
                """, (rs, i) -> new BatchClue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9),
                rs.getString(10), rs.getBoolean(11), rs.getString(12)), batchId);
    }

    // ------------------------------------------------------------------ history

    public void event(String batchId, Actor actor, String action, BatchStatus from, BatchStatus to, String reason,
                      String detail, OffsetDateTime now) {
        jdbc.update("""
                INSERT INTO payment_batch_event (batch_id, seq, at, user_id, user_name, user_role, action, from_status,
                    to_status, reason, detail)
                VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM payment_batch_event WHERE batch_id = ?), ?, ?, ?, ?,
                    ?, ?, ?, ?, ?)
                """, batchId, batchId, now, actor.userId(), actor.displayName(), actor.role().name(), action,
                from == null ? null : from.name(), to.name(), reason, detail);
        audit.record(actor, "PAYMENT_BATCH_" + action, "batch:" + batchId, Audit.details(
                from == null ? null : from.name(), to.name(), reason, detail));
    }

    public List<BatchEvent> history(String batchId) {
        return jdbc.query("""
                SELECT seq, at, user_id, user_name, user_role, action, from_status, to_status, reason, detail
                FROM payment_batch_event WHERE batch_id = ? ORDER BY seq
                """, (rs, i) -> event(rs), batchId);
    }

    private static BatchEvent event(ResultSet rs) throws SQLException {
        return new BatchEvent(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
