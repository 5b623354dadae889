package sunshine.applications.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.applications.Application;
import sunshine.applications.ApplicationEvent;
import sunshine.applications.ApplicationException;
import sunshine.applications.ApplicationStatus;
import sunshine.applications.Level;
import sunshine.audit.AuditLog;
import sunshine.security.Actor;

/** The application tables (V6__benefits.sql), in plain SQL. */
@Component
public class ApplicationStore {

    /** An application row. */
    public record Row(String applicationId, String program, ApplicationStatus status, String regionCode,
                      String urbanRural, String householdId, boolean newHousehold, String address,
                      String applicantIdNo, String payeeIdNo, String cardNo, String bank, BigDecimal declaredIncome,
                      BigDecimal verifiedIncome, boolean special, String specialReason, Level approvalLevel,
                      boolean relativeCase, int complaints, String countyVisitReason, Integer countyVisitDraw,
                      boolean countyVisited, Boolean stable, BigDecimal monthlyAmount, BigDecimal perCapitaIncome,
                      String calculation, String overrideReason, LocalDate approvedDate, YearMonth startMonth,
                      String approverIdNo, String investigatorIdNo, LocalDate noticeFrom, LocalDate noticeTo,
                      ApplicationStatus rejectedFrom, String rejectionReason, LocalDate refusalNotifiedOn,
                      int appeals, String enrollmentId, OffsetDateTime checkedOn, String checkError,
                      OffsetDateTime appliedAt, OffsetDateTime acceptedAt, OffsetDateTime townReviewedAt,
                      LocalDate countyReceivedOn, OffsetDateTime decidedAt, OffsetDateTime rejectedAt,
                      OffsetDateTime enrolledAt, OffsetDateTime updatedAt, long version) {

        /** The income the amount is computed from: as the visit found it, else as declared. */
        public BigDecimal income() {
            return verifiedIncome != null ? verifiedIncome : declaredIncome;
        }
    }

    private static final String COLUMNS = """
            application_id, program, status, region_code, urban_rural, household_id, new_household, address,
            applicant_id_no, payee_id_no, card_no, bank, declared_income, verified_income, special_case, special_reason,
            approval_level, relative_case, complaints, county_visit_reason, county_visit_draw, county_visited, stable,
            monthly_amount, per_capita_income, calculation, override_reason, approved_date, start_month,
            approver_id_no, investigator_id_no, notice_from, notice_to, rejected_from, rejection_reason,
            refusal_notified_on, appeals, enrollment_id, checked_on, check_error, applied_at, accepted_at,
            town_reviewed_at, county_received_on, decided_at, rejected_at, enrolled_at, updated_at, version
            """;

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public ApplicationStore(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private static Row row(ResultSet rs) throws SQLException {
        int i = 1;
        return new Row(rs.getString(i++), rs.getString(i++), ApplicationStatus.valueOf(rs.getString(i++)),
                rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getBoolean(i++), rs.getString(i++),
                rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getBigDecimal(i++),
                rs.getBigDecimal(i++), rs.getBoolean(i++), rs.getString(i++), Level.valueOf(rs.getString(i++)),
                rs.getBoolean(i++), rs.getInt(i++), rs.getString(i++), rs.getObject(i++, Integer.class),
                rs.getBoolean(i++), rs.getObject(i++, Boolean.class), rs.getBigDecimal(i++), rs.getBigDecimal(i++),
                rs.getString(i++), rs.getString(i++), rs.getObject(i++, LocalDate.class), month(rs.getString(i++)),
                rs.getString(i++), rs.getString(i++), rs.getObject(i++, LocalDate.class),
                rs.getObject(i++, LocalDate.class), status(rs.getString(i++)), rs.getString(i++),
                rs.getObject(i++, LocalDate.class), rs.getInt(i++), rs.getString(i++),
                rs.getObject(i++, OffsetDateTime.class), rs.getString(i++), rs.getObject(i++, OffsetDateTime.class),
                rs.getObject(i++, OffsetDateTime.class), rs.getObject(i++, OffsetDateTime.class),
                rs.getObject(i++, LocalDate.class), rs.getObject(i++, OffsetDateTime.class),
                rs.getObject(i++, OffsetDateTime.class), rs.getObject(i++, OffsetDateTime.class),
                rs.getObject(i++, OffsetDateTime.class), rs.getLong(i));
    }

    private static YearMonth month(String s) {
        return s == null ? null : YearMonth.parse(s.strip());
    }

    private static ApplicationStatus status(String s) {
        return s == null ? null : ApplicationStatus.valueOf(s);
    }

    public String nextId(String county6, int year) {
        long seq = jdbc.queryForObject("SELECT nextval('application_seq')", Long.class);
        return "A" + county6 + year + String.format("%06d", seq);
    }

    public Optional<Row> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM application WHERE application_id = ?", (rs, n) -> row(rs), id)
                .stream().findFirst();
    }

    /** Locks the application's row for the rest of the transaction and reads it. */
    public Row lock(String id) {
        if (jdbc.queryForList("SELECT application_id FROM application WHERE application_id = ? FOR UPDATE",
                String.class, id).isEmpty()) {
            throw ApplicationException.notFound(id);
        }
        return find(id).orElseThrow();
    }

    public List<Row> list(String regionPrefix, ApplicationStatus status, String program, int limit) {
        return list(regionPrefix, status, program, 0, limit);
    }

    /** A page of cases whose village starts with the prefix, newest first. */
    public List<Row> list(String regionPrefix, ApplicationStatus status, String program, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM application WHERE region_code LIKE ?");
        List<Object> args = new ArrayList<>(List.of(regionPrefix + "%"));
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (program != null) {
            sql.append(" AND program = ?");
            args.add(program);
        }
        sql.append(" ORDER BY applied_at DESC, application_id DESC LIMIT ").append(Math.max(1, Math.min(limit, 10_000)))
                .append(" OFFSET ").append(Math.max(0, offset));
        return jdbc.query(sql.toString(), (rs, n) -> row(rs), args.toArray());
    }

    public void insert(Row r) {
        jdbc.update("INSERT INTO application (" + COLUMNS + ") VALUES (" + "?, ".repeat(48) + "?)",
                r.applicationId(), r.program(), r.status().name(), r.regionCode(), r.urbanRural(), r.householdId(),
                r.newHousehold(), r.address(), r.applicantIdNo(), r.payeeIdNo(), r.cardNo(), r.bank(),
                r.declaredIncome(), r.verifiedIncome(), r.special(), r.specialReason(), r.approvalLevel().name(),
                r.relativeCase(), r.complaints(), r.countyVisitReason(), r.countyVisitDraw(), r.countyVisited(),
                r.stable(), r.monthlyAmount(), r.perCapitaIncome(), r.calculation(), r.overrideReason(),
                r.approvedDate(), r.startMonth() == null ? null : r.startMonth().toString(), r.approverIdNo(),
                r.investigatorIdNo(), r.noticeFrom(), r.noticeTo(),
                r.rejectedFrom() == null ? null : r.rejectedFrom().name(), r.rejectionReason(),
                r.refusalNotifiedOn(), r.appeals(), r.enrollmentId(), r.checkedOn(), r.checkError(), r.appliedAt(),
                r.acceptedAt(), r.townReviewedAt(), r.countyReceivedOn(), r.decidedAt(), r.rejectedAt(),
                r.enrolledAt(), r.updatedAt(), r.version());
    }

    /** Sets columns by name (and bumps the version). Values: LocalDate, OffsetDateTime, enums by name, ... */
    public void update(String id, OffsetDateTime now, Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("UPDATE application SET updated_at = ?, version = version + 1");
        List<Object> args = new ArrayList<>();
        args.add(now);
        columns.forEach((c, v) -> {
            sql.append(", ").append(c).append(" = ?");
            args.add(v instanceof Enum<?> e ? e.name() : v instanceof YearMonth m ? m.toString() : v);
        });
        sql.append(" WHERE application_id = ?");
        args.add(id);
        jdbc.update(sql.toString(), args.toArray());
    }

    public static Map<String, Object> cols(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    // ------------------------------------------------------------------ children

    public void insertMembers(String id, List<Application.MemberView> members) {
        jdbc.batchUpdate("INSERT INTO application_member (application_id, id_no, name, relation, disability_level, "
                + "covered, in_registry) VALUES (?, ?, ?, ?, ?, ?, ?)", members.stream().map(m -> new Object[]{id,
                m.idNo(), m.name(), m.relation(), m.disabilityLevel(), m.covered(), m.inRegistry()}).toList());
    }

    public List<Application.MemberView> members(String id) {
        return jdbc.query("SELECT id_no, name, relation, disability_level, covered, in_registry FROM application_member "
                + "WHERE application_id = ? ORDER BY covered DESC, id_no", (rs, n) -> new Application.MemberView(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, Integer.class), rs.getBoolean(5),
                rs.getBoolean(6)), id);
    }

    public void replaceStaffLinks(String id, List<Application.StaffLink> links) {
        jdbc.update("DELETE FROM application_staff_link WHERE application_id = ?", id);
        jdbc.batchUpdate("INSERT INTO application_staff_link (application_id, member_id_no, staff_id_no, staff_level, "
                + "relation, filing_id) VALUES (?, ?, ?, ?, ?, ?)", links.stream().map(l -> new Object[]{id,
                l.memberIdNo(), l.staffIdNo(), l.staffLevel().name(), l.relation(), l.filingId()}).toList());
    }

    public List<Application.StaffLink> staffLinks(String id) {
        return jdbc.query("SELECT member_id_no, staff_id_no, staff_level, relation, filing_id FROM application_staff_link "
                + "WHERE application_id = ? ORDER BY member_id_no, staff_id_no", (rs, n) -> new Application.StaffLink(
                rs.getString(1), rs.getString(2), Level.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)), id);
    }

    public void replaceFindings(String id, List<Application.Finding> findings) {
        jdbc.update("DELETE FROM application_finding WHERE application_id = ?", id);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Application.Finding f = findings.get(i);
            rows.add(new Object[]{id, i + 1, f.rule(), f.ruleName() == null ? f.rule() : f.ruleName(), f.severity(),
                    f.variant(), f.rule() + "/" + (f.idNo() == null ? "" : f.idNo()), f.idNo(), f.explanation(),
                    f.evidence()});
        }
        jdbc.batchUpdate("INSERT INTO application_finding (application_id, seq, rule, rule_name, severity, variant, "
                + "subject, id_no, explanation, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public List<Application.Finding> findings(String id) {
        return jdbc.query("SELECT rule, rule_name, severity, variant, id_no, explanation, evidence "
                + "FROM application_finding WHERE application_id = ? ORDER BY seq", (rs, n) -> new Application.Finding(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7)), id);
    }

    public void insertVisit(String id, Level level, LocalDate date, List<String> investigators, String findings) {
        jdbc.update("INSERT INTO application_visit (application_id, seq, level, visit_date, investigators, findings) "
                + "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM application_visit WHERE application_id = ?), "
                + "?, ?, ?, ?)", id, id, level.name(), date, String.join(",", investigators), findings);
    }

    public List<Application.VisitView> visits(String id) {
        return jdbc.query("SELECT level, visit_date, investigators, findings FROM application_visit "
                + "WHERE application_id = ? ORDER BY seq", (rs, n) -> new Application.VisitView(
                Level.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                Arrays.asList(rs.getString(3).split(",")), rs.getString(4)), id);
    }

    public void insertNotice(String id, ApplicationStatus kind, LocalDate from, LocalDate to) {
        jdbc.update("INSERT INTO application_notice (application_id, seq, kind, notice_from, notice_to) "
                + "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM application_notice WHERE application_id = ?), "
                + "?, ?, ?)", id, id, kind.name(), from, to);
    }

    /** Ends the running notice: PASSED, or OBJECTED with the objection. */
    public void endNotice(String id, String outcome, String objection) {
        jdbc.update("UPDATE application_notice SET outcome = ?, objection = ? WHERE application_id = ? AND outcome IS NULL",
                outcome, objection, id);
    }

    public List<Application.NoticeView> notices(String id) {
        return jdbc.query("SELECT kind, notice_from, notice_to, outcome, objection FROM application_notice "
                + "WHERE application_id = ? ORDER BY seq", (rs, n) -> new Application.NoticeView(
                ApplicationStatus.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)), id);
    }

    // ------------------------------------------------------------------ history

    public void event(String id, Actor actor, String action, ApplicationStatus from, ApplicationStatus to,
                      String reason, String detail, OffsetDateTime now) {
        jdbc.update("""
                INSERT INTO application_event (application_id, seq, at, user_id, user_name, user_role, action,
                    from_status, to_status, reason, detail)
                VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM application_event WHERE application_id = ?), ?, ?, ?,
                    ?, ?, ?, ?, ?, ?)
                """, id, id, now, actor.userId(), actor.displayName(), actor.role().name(), action,
                from == null ? null : from.name(), to.name(), reason, detail);
        audit(actor, "APPLICATION_" + action, "application:" + id, from == null ? null : from.name(), to.name(),
                reason, detail);
    }

    /** Records a decision in the tamper-evident audit log ({@code sunshine.audit}), in the caller's transaction. */
    public void audit(Actor actor, String action, String subject, String from, String to, String reason,
                      String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (from != null) {
            m.put("from", from);
        }
        if (to != null) {
            m.put("to", to);
        }
        if (reason != null) {
            m.put("reason", reason);
        }
        if (detail != null) {
            m.put("detail", detail);
        }
        audit.record(actor, action, subject, m);
    }

    public List<ApplicationEvent> history(String id) {
        return jdbc.query("""
                SELECT seq, at, user_id, user_name, user_role, action, from_status, to_status, reason, detail
                FROM application_event WHERE application_id = ? ORDER BY seq
                """, (rs, n) -> new ApplicationEvent(rs.getInt(1), rs.getObject(2, OffsetDateTime.class),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10)), id);
    }
}
