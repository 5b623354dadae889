package sunshine.applications;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.applications.internal.Access;
import sunshine.applications.internal.ApplicationSettings;
import sunshine.applications.internal.ApplicationStore;
import sunshine.applications.internal.Entitlement;
import sunshine.security.Actor;

/**
 * Periodic reviews of enrolled households (动态管理): stable households yearly, the others every six months
 * (configurable). The worklist holds every ACTIVE enrollment of the actor's region (imported or enrolled here, not
 * temporary assistance) whose next review falls within the horizon: the last review, or the approval when none was
 * recorded, plus the household's interval. A household is stable when the decision or a review said so; without a
 * judgement, by its program (TEKUN, ORPHAN and the disability subsidies by default).
 * <p>
 * A review's outcome changes the registry's enrollment: ADJUST its amount (with a reason), SUSPEND, RESUME, or
 * TERMINATE it (its end month); every review is recorded with who, when and why.
 * <p>
 * When a standard changes, {@link #rerate} brings the amounts that followed the formula to the new standard (rules.md
 * C02's expected amount) from the month it takes effect; amounts that did not follow it (an override with a
 * reason, an error) are listed for a person to look at, never changed silently.
 * <p>
 * A new amount (ADJUST, RERATE) is a new decision: the enrollment's {@code approved_date} becomes its date (for a
 * re-rating, the first day of the month it applies from), because the registry holds one amount per enrollment and
 * the rules compare payments from month(approved_date) on with it (C01, C02); the earlier date stays in the
 * review's record and the application's history.
 */
@Service
public class Reviews {

    private static final Set<String> OUTCOMES = Set.of("CONTINUE", "ADJUST", "SUSPEND", "RESUME", "TERMINATE");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationSettings settings;
    private final Entitlement entitlement;
    private final ApplicationStore store;
    private final Clock clock;

    Reviews(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationSettings settings,
            Entitlement entitlement, ApplicationStore store, ObjectProvider<Clock> clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.settings = settings;
        this.entitlement = entitlement;
        this.clock = clock.getIfAvailable(() -> Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    /** Enrollments due for review by {@code asOf} + {@code horizonDays}, the most overdue first. */
    public List<ReviewItem> worklist(Actor actor, LocalDate asOf, int horizonDays) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        LocalDate until = day.plusDays(Math.max(0, horizonDays));
        List<ReviewItem> out = new ArrayList<>();
        jdbc.query("""
                SELECT e.enrollment_id, e.program, e.household_id, h.region_code, e.payee_id_no, e.monthly_amount,
                       e.approved_date, p.stable,
                       (SELECT MAX(r.reviewed_on) FROM enrollment_review r WHERE r.enrollment_id = e.enrollment_id
                        AND r.outcome <> 'RERATE')
                FROM enrollments e JOIN households h ON h.household_id = e.household_id
                LEFT JOIN enrollment_profile p ON p.enrollment_id = e.enrollment_id
                WHERE e.status = 'ACTIVE' AND e.program <> 'TEMP_ASSIST' AND h.region_code LIKE ?
                  AND (e.end_month IS NULL OR e.end_month >= ?)
                """, rs -> {
            String program = rs.getString(2);
            Boolean stable = rs.getObject(8, Boolean.class);
            boolean isStable = stable != null ? stable : settings.stableByDefault(program);
            LocalDate reviewed = rs.getObject(9, LocalDate.class);
            LocalDate last = reviewed != null ? reviewed : rs.getObject(7, LocalDate.class);
            LocalDate due = last.plusMonths(settings.reviewMonths(isStable));
            if (!due.isAfter(until)) {
                out.add(new ReviewItem(rs.getString(1), program, rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBigDecimal(6), isStable, last, due, due.isBefore(day)));
            }
        }, actor.regionPrefix() + "%", YearMonth.from(day).toString());
        out.sort(Comparator.comparing(ReviewItem::due).thenComparing(ReviewItem::enrollmentId));
        return out;
    }

    /** Records a review of an enrollment and applies its outcome to the registry's enrollment. */
    public ReviewRecord review(Actor actor, String enrollmentId, ReviewRecord.Request req) {
        if (req == null || req.outcome() == null || !OUTCOMES.contains(req.outcome())) {
            throw ApplicationException.invalid("复核结论须为" + OUTCOMES + "之一", "the outcome must be one of " + OUTCOMES);
        }
        if (req.reason() == null || req.reason().isBlank()) {
            throw ApplicationException.invalid("复核须说明理由", "a review needs its reason");
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT e.status, e.monthly_amount, e.program, e.start_month, "
                + "h.region_code FROM enrollments e JOIN households h ON h.household_id = e.household_id "
                + "WHERE e.enrollment_id = ?", enrollmentId);
        if (rows.isEmpty() || !actor.canSee((String) rows.get(0).get("region_code"))) {
            throw ApplicationException.notFound(enrollmentId);
        }
        Access.step(actor, Level.TOWN, (String) rows.get(0).get("region_code"), "复核", "review");
        return tx.execute(status -> {
            List<Map<String, Object>> locked = jdbc.queryForList("SELECT status, monthly_amount, program FROM enrollments "
                    + "WHERE enrollment_id = ? FOR UPDATE", enrollmentId);
            String oldStatus = (String) locked.get(0).get("status");
            BigDecimal oldAmount = ((BigDecimal) locked.get(0).get("monthly_amount")).setScale(2);
            String program = (String) locked.get(0).get("program");
            LocalDate today = LocalDate.now(clock);
            String newStatus = oldStatus;
            BigDecimal newAmount = oldAmount;
            YearMonth end = null;
            switch (req.outcome()) {
                case "ADJUST" -> {
                    if (req.amount() == null || req.amount().signum() < 0) {
                        throw ApplicationException.invalid("调整须给出新的月发放金额", "an adjustment needs the new amount");
                    }
                    newAmount = req.amount().setScale(2, RoundingMode.HALF_UP);
                }
                case "SUSPEND" -> {
                    if (!"ACTIVE".equals(oldStatus)) {
                        throw ApplicationException.illegal("只能暂停正常待遇", "only an ACTIVE enrollment is suspended");
                    }
                    newStatus = "SUSPENDED";
                }
                case "RESUME" -> {
                    if (!"SUSPENDED".equals(oldStatus)) {
                        throw ApplicationException.illegal("只能恢复暂停的待遇", "only a SUSPENDED enrollment is resumed");
                    }
                    newStatus = "ACTIVE";
                }
                case "TERMINATE" -> {
                    if ("TERMINATED".equals(oldStatus)) {
                        throw ApplicationException.illegal("待遇已终止", "the enrollment is already terminated");
                    }
                    newStatus = "TERMINATED";
                    end = req.endMonth() != null ? req.endMonth() : YearMonth.from(today);
                }
                default -> {
                    if (!"ACTIVE".equals(oldStatus)) {
                        throw ApplicationException.illegal("只有正常待遇继续保障", "only an ACTIVE enrollment continues");
                    }
                }
            }
            if (end != null) {
                jdbc.update("UPDATE enrollments SET status = ?, monthly_amount = ?, end_month = ? WHERE enrollment_id = ?",
                        newStatus, newAmount, end.toString(), enrollmentId);
            } else if (newAmount.compareTo(oldAmount) != 0) {
                // a new amount is a new decision: approved_date is the date of the terms in force
                jdbc.update("UPDATE enrollments SET monthly_amount = ?, approved_date = ? WHERE enrollment_id = ?",
                        newAmount, today, enrollmentId);
            } else {
                jdbc.update("UPDATE enrollments SET status = ?, monthly_amount = ? WHERE enrollment_id = ?", newStatus,
                        newAmount, enrollmentId);
            }
            Boolean had = jdbc.queryForList("SELECT stable FROM enrollment_profile WHERE enrollment_id = ?",
                    Boolean.class, enrollmentId).stream().findFirst().orElse(null);
            boolean stable = req.stable() != null ? req.stable() : had != null ? had : settings.stableByDefault(program);
            if (had == null) {
                jdbc.update("INSERT INTO enrollment_profile (enrollment_id, stable, application_id) VALUES (?, ?, NULL)",
                        enrollmentId, stable);
            } else {
                jdbc.update("UPDATE enrollment_profile SET stable = ? WHERE enrollment_id = ?", stable, enrollmentId);
            }
            long id = jdbc.queryForObject("SELECT nextval('enrollment_review_seq')", Long.class);
            OffsetDateTime now = OffsetDateTime.now(clock);
            jdbc.update("""
                    INSERT INTO enrollment_review (review_id, enrollment_id, reviewed_on, outcome, reason, old_status,
                        new_status, old_amount, new_amount, end_month, stable, at, user_id, user_name, user_role)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, id, enrollmentId, today, req.outcome(), req.reason().strip(), oldStatus, newStatus, oldAmount,
                    newAmount, end == null ? null : end.toString(), stable, now, actor.userId(), actor.displayName(),
                    actor.role().name());
            store.audit(actor, "ENROLLMENT_" + req.outcome(), "enrollment:" + enrollmentId, oldStatus, newStatus,
                    req.reason().strip(), "{\"oldAmount\":\"" + oldAmount + "\",\"newAmount\":\"" + newAmount + "\"}");
            return new ReviewRecord(id, enrollmentId, today, req.outcome(), req.reason().strip(), oldStatus, newStatus,
                    oldAmount, newAmount, end, stable, now, actor.userId(), actor.displayName());
        });
    }

    /** The reviews of an enrollment, oldest first. */
    public List<ReviewRecord> reviews(Actor actor, String enrollmentId) {
        List<String> region = jdbc.queryForList("SELECT h.region_code FROM enrollments e JOIN households h "
                + "ON h.household_id = e.household_id WHERE e.enrollment_id = ?", String.class, enrollmentId);
        if (region.isEmpty() || !actor.canSee(region.get(0))) {
            throw ApplicationException.notFound(enrollmentId);
        }
        return jdbc.query("""
                SELECT review_id, enrollment_id, reviewed_on, outcome, reason, old_status, new_status, old_amount,
                       new_amount, end_month, stable, at, user_id, user_name
                FROM enrollment_review WHERE enrollment_id = ? ORDER BY review_id
                """, (rs, i) -> new ReviewRecord(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8),
                rs.getBigDecimal(9), rs.getString(10) == null ? null : YearMonth.parse(rs.getString(10).strip()),
                rs.getBoolean(11), rs.getObject(12, OffsetDateTime.class), rs.getString(13), rs.getString(14)),
                enrollmentId);
    }

    /**
     * Standard adjustment (保障标准调整) for month {@code month}: every ACTIVE enrollment of the actor's region in a
     * program with a standard (DIBAO, TEKUN, ORPHAN, disability subsidies) whose amount differs from C02's expected
     * amount for the month by C02's tolerance (1.00) or more. One whose amount was the expected amount of the month before (within C02's tolerance of
     * 1.00: it followed the formula, the standard changed) gets the new amount when {@code apply} (recorded as a review RERATE, which does not reset
     * the review rhythm); any other is listed, unchanged.
     */
    public List<Rerating> rerate(Actor actor, YearMonth month, boolean apply) {
        if (apply) {
            Access.step(actor, Level.COUNTY, actor.regionCode(), "按新标准调整金额", "re-rate amounts");
        }
        record Row(String id, String program, String region, String urbanRural, BigDecimal amount, BigDecimal pci,
                   int covered) {
        }
        List<Row> rows = jdbc.query("""
                SELECT e.enrollment_id, e.program, h.region_code, h.urban_rural, e.monthly_amount, e.per_capita_income,
                       (SELECT COUNT(*) FROM enrollment_members m WHERE m.enrollment_id = e.enrollment_id)
                FROM enrollments e JOIN households h ON h.household_id = e.household_id
                WHERE e.status = 'ACTIVE' AND e.program <> 'TEMP_ASSIST' AND h.region_code LIKE ?
                  AND e.start_month <= ? AND (e.end_month IS NULL OR e.end_month >= ?)
                ORDER BY e.enrollment_id
                """, (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5).setScale(2), rs.getBigDecimal(6), rs.getInt(7)), actor.regionPrefix() + "%",
                month.toString(), month.toString());
        List<Rerating> out = new ArrayList<>();
        Map<String, List<Entitlement.Standard>> standards = new java.util.HashMap<>();
        for (Row r : rows) {
            List<Entitlement.Standard> s = standards.computeIfAbsent(r.program(), entitlement::standards);
            var now = entitlement.computeForPerCapita(s, r.program(), r.region(), r.urbanRural(), month, r.pci(),
                    r.covered());
            if (now.isEmpty() || now.get().amount().subtract(r.amount()).abs().compareTo(BigDecimal.ONE) < 0) {
                continue;
            }
            var before = entitlement.computeForPerCapita(s, r.program(), r.region(), r.urbanRural(),
                    month.minusMonths(1), r.pci(), r.covered());
            // on the formula before: within C02's tolerance of the month before's expected amount
            boolean onFormula = before.isPresent()
                    && before.get().amount().subtract(r.amount()).abs().compareTo(BigDecimal.ONE) < 0;
            if (!onFormula || !apply) {
                out.add(new Rerating(r.id(), r.program(), r.amount(), now.get().amount(), now.get().formula(), false,
                        onFormula ? null : "核定金额与原标准的计算不一致，需人工复核 / the amount did not follow the "
                                + "formula before: a person must look at it"));
                continue;
            }
            ReviewRecord done = reviewRerate(actor, r.id(), r.amount(), now.get().amount(), month,
                    now.get().formula());
            out.add(new Rerating(r.id(), r.program(), r.amount(), done.newAmount(), now.get().formula(), true, null));
        }
        return out;
    }

    private ReviewRecord reviewRerate(Actor actor, String enrollmentId, BigDecimal old, BigDecimal amount,
                                      YearMonth month, String formula) {
        return tx.execute(status -> {
            LocalDate approvedBefore = jdbc.queryForObject("SELECT approved_date FROM enrollments WHERE enrollment_id = ?",
                    LocalDate.class, enrollmentId);
            // the new amount is a new decision: its date is the first day of the month it applies from, so that the
            // amount and approved_date always belong together (C01, C02 compare payments from month(approved_date))
            jdbc.update("UPDATE enrollments SET monthly_amount = ?, approved_date = ? WHERE enrollment_id = ? "
                    + "AND monthly_amount = ?", amount, month.atDay(1), enrollmentId, old);
            boolean stable = jdbc.queryForList("SELECT stable FROM enrollment_profile WHERE enrollment_id = ?",
                    Boolean.class, enrollmentId).stream().findFirst().orElse(false);
            long id = jdbc.queryForObject("SELECT nextval('enrollment_review_seq')", Long.class);
            OffsetDateTime now = OffsetDateTime.now(clock);
            String reason = month + "起执行新保障标准：" + formula + "（原审批日期" + approvedBefore + "）";
            jdbc.update("""
                    INSERT INTO enrollment_review (review_id, enrollment_id, reviewed_on, outcome, reason, old_status,
                        new_status, old_amount, new_amount, end_month, stable, at, user_id, user_name, user_role)
                    VALUES (?, ?, ?, 'RERATE', ?, 'ACTIVE', 'ACTIVE', ?, ?, NULL, ?, ?, ?, ?, ?)
                    """, id, enrollmentId, LocalDate.now(clock), reason, old, amount, stable, now, actor.userId(),
                    actor.displayName(), actor.role().name());
            store.audit(actor, "ENROLLMENT_RERATE", "enrollment:" + enrollmentId, "ACTIVE", "ACTIVE", reason,
                    "{\"oldAmount\":\"" + old + "\",\"newAmount\":\"" + amount + "\"}");
            return new ReviewRecord(id, enrollmentId, LocalDate.now(clock), "RERATE", reason, "ACTIVE", "ACTIVE", old,
                    amount, null, stable, now, actor.userId(), actor.displayName());
        });
    }
}
