package sunshine.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.audit.AuditEntry;
import sunshine.audit.AuditLog;
import sunshine.audit.AuditVerification;
import sunshine.security.Actor;
import sunshine.security.Role;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@link AuditLog} in the {@code audit_entry} and {@code audit_head} tables. */
@Component
class JdbcAuditLog implements AuditLog {

    private static final String COLUMNS = "seq, recorded_at, actor_id, actor_role, actor_region, action, subject, "
            + "details, previous_hash, hash";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate required;
    private final TransactionTemplate readOnly;
    /** Appends one at a time within this server; the row lock on audit_head does it across processes. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    JdbcAuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.required = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    @Override
    public AuditEntry record(Actor actor, String action, String subject, Map<String, ?> details) {
        return record(actor.userId(), actor.role(), actor.regionCode(), action, subject, details);
    }

    @Override
    public AuditEntry record(String actorId, Role role, String regionCode, String action, String subject,
                             Map<String, ?> details) {
        if (actorId == null || actorId.isBlank() || action == null || action.isBlank() || subject == null) {
            throw new IllegalArgumentException("an audit entry needs an actor, an action and a subject");
        }
        String text = json.writeValueAsString(details == null ? Map.of() : details);
        lock.lock();
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            // inside the caller's transaction: the entry, and the lock, last until it ends
            try {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        lock.unlock();
                    }
                });
            } catch (RuntimeException e) {
                lock.unlock();
                throw e;
            }
            return append(actorId, role, regionCode, action, subject, text);
        }
        try {
            return required.execute(s -> append(actorId, role, regionCode, action, subject, text));
        } finally {
            lock.unlock();
        }
    }

    private AuditEntry append(String actorId, Role role, String regionCode, String action, String subject,
                              String details) {
        Head head = jdbc.queryForObject("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2)));
        long seq = head.lastSeq() + 1;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String actor = truncate(actorId, 100);
        String region = regionCode == null || !regionCode.matches("\\d{12}") ? null : regionCode;
        String act = truncate(action, 60);
        String subj = truncate(subject, 500);
        String hash = AuditChain.hash(head.lastHash(), seq, at, actor, role == null ? null : role.name(), region, act,
                subj, details);
        jdbc.update("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, role == null ? null : role.name(), region,
                act, subj, details, head.lastHash(), hash);
        jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, hash);
        return new AuditEntry(seq, at, actor, role, region, act, subj, details, head.lastHash(), hash);
    }

    @Override
    public AuditVerification verify() {
        return readOnly.execute(s -> {
            Walk walk = new Walk();
            jdbc.query(con -> {
                var ps = con.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq");
                ps.setFetchSize(1000);
                return ps;
            }, rs -> {
                if (walk.broken == null) {
                    walk.check(stored(rs));
                }
            });
            if (walk.broken != null) {
                return new AuditVerification(false, walk.checked, walk.broken, walk.zh, walk.en, walk.lastHash);
            }
            Head head = head();
            if (head.lastSeq() != walk.lastSeq || !head.lastHash().equals(walk.lastHash)) {
                long missing = walk.lastSeq + 1;
                return new AuditVerification(false, walk.checked, missing,
                        "记录末尾缺失：链头指向第" + head.lastSeq() + "条，而最后一条为第" + walk.lastSeq + "条",
                        "entries are missing at the end: the head names entry " + head.lastSeq()
                                + ", the last present is entry " + walk.lastSeq, walk.lastHash);
            }
            return new AuditVerification(true, walk.checked, null, null, null, walk.lastHash);
        });
    }

    /** The chain walked entry by entry: the first entry that does not fit stops it. */
    private static final class Walk {
        long checked;
        long lastSeq;
        String lastHash = AuditChain.GENESIS;
        Long broken;
        String zh;
        String en;

        void check(Stored e) {
            long expected = lastSeq + 1;
            if (e.seq() != expected) {
                fail(expected, "缺少第" + expected + "条记录（下一条为第" + e.seq() + "条）",
                        "entry " + expected + " is missing (the next present is entry " + e.seq() + ")");
                return;
            }
            if (!lastHash.equals(e.previousHash())) {
                fail(e.seq(), "第" + e.seq() + "条记录与前一条的链接不符（前一条被改动、删除或插入）",
                        "entry " + e.seq() + " does not link to the entry before it (that one was changed, "
                                + "deleted or inserted)");
                return;
            }
            String recomputed = AuditChain.hash(e.previousHash(), e.seq(), e.recordedAt(), e.actorId(),
                    e.actorRole(), e.actorRegion(), e.action(), e.subject(), e.details());
            if (!recomputed.equals(e.hash())) {
                fail(e.seq(), "第" + e.seq() + "条记录的内容与其摘要不符（记录被改动）",
                        "entry " + e.seq() + " does not match its hash (it was changed)");
                return;
            }
            checked++;
            lastSeq = e.seq();
            lastHash = e.hash();
        }

        private void fail(long seq, String zh, String en) {
            this.broken = seq;
            this.zh = zh;
            this.en = en;
        }
    }

    @Override
    public Head head() {
        return jdbc.queryForObject("SELECT last_seq, last_hash FROM audit_head WHERE id = 1",
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2)));
    }

    @Override
    public List<AuditEntry> recent(Actor viewer, int limit) {
        if (viewer == null || !(viewer.role().readOnly() || viewer.role() == Role.ADMIN)) {
            throw new AccessDeniedException("the audit record is read by audit, discipline inspection and "
                    + "administrators");
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry WHERE actor_region LIKE ? OR actor_region IS NULL "
                        + "ORDER BY seq DESC LIMIT ?", this::entry, viewer.regionPrefix() + "%",
                Math.max(1, Math.min(limit, 10_000)));
    }

    /** An entry's columns exactly as stored (verification hashes what is there, not what it should be). */
    private record Stored(long seq, Instant recordedAt, String actorId, String actorRole, String actorRegion,
                          String action, String subject, String details, String previousHash, String hash) {
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_id"), rs.getString("actor_role"), rs.getString("actor_region"),
                rs.getString("action"), rs.getString("subject"), rs.getString("details"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    private AuditEntry entry(ResultSet rs, int rowNum) throws SQLException {
        String role = rs.getString("actor_role");
        Role r = null;
        if (role != null) {
            try {
                r = Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                // a role that does not exist (a changed row): verify() will name it
                r = null;
            }
        }
        return new AuditEntry(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_id"), r, rs.getString("actor_region"), rs.getString("action"),
                rs.getString("subject"), rs.getString("details"), rs.getString("previous_hash"),
                rs.getString("hash"));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
