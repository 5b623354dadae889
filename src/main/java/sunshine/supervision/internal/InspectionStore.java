package sunshine.supervision.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.supervision.Draw;
import sunshine.supervision.InspectionPlan;
import sunshine.supervision.InspectionResult;
import sunshine.supervision.Inspector;
import sunshine.supervision.PoolTarget;
import sunshine.supervision.ResultInput;
import sunshine.supervision.Sample;
import sunshine.supervision.SupervisionException;
import sunshine.supervision.TargetKind;

/** The random inspections' tables, in SQL that H2 (PostgreSQL mode) and PostgreSQL both run. */
@Component
public class InspectionStore {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String PLAN_COLUMNS = "p.id, p.name, p.region_code, p.target_kind, p.announcement, "
            + "p.draw_date, p.pool_hash, p.sample_mode, p.sample_size, p.confidence, p.margin, p.proportion, "
            + "p.inspectors_per_target, p.status, p.beacon, p.seed, p.created_by, p.created_at, p.drawn_at, "
            + "p.published_at, (SELECT COUNT(*) FROM inspection_target t WHERE t.plan_id = p.id), "
            + "(SELECT COUNT(*) FROM inspection_inspector i WHERE i.plan_id = p.id), p.version";

    private final JdbcTemplate jdbc;

    public InspectionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insertPlan(String name, String region, TargetKind kind, String announcement, LocalDate drawDate,
                           String poolHash, Sample.Mode mode, int size, BigDecimal confidence, BigDecimal margin,
                           BigDecimal proportion, int perTarget, String by, OffsetDateTime at,
                           List<PoolTarget> targets, List<Inspector> inspectors) {
        long id = jdbc.queryForObject("SELECT nextval('inspection_plan_seq')", Long.class);
        jdbc.update("INSERT INTO inspection_plan (id, name, region_code, target_kind, announcement, draw_date, "
                        + "pool_hash, sample_mode, sample_size, confidence, margin, proportion, inspectors_per_target, "
                        + "status, created_by, created_at, version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ANNOUNCED', ?, ?, 1)",
                id, name, region, kind.name(), announcement, drawDate, poolHash, mode.name(), size, confidence, margin,
                proportion, perTarget, by, at);
        jdbc.batchUpdate("INSERT INTO inspection_target (plan_id, target_id, region_code, label) VALUES (?, ?, ?, ?)",
                targets.stream().map(t -> new Object[] {id, t.id(), t.regionCode(), cut(t.label(), 200)}).toList());
        jdbc.batchUpdate("INSERT INTO inspection_inspector (plan_id, inspector_id, name, region_code) "
                        + "VALUES (?, ?, ?, ?)",
                inspectors.stream().map(p -> new Object[] {id, p.id(), cut(p.name(), 60), p.regionCode()}).toList());
        return id;
    }

    public Optional<InspectionPlan> plan(long id) {
        return jdbc.query("SELECT " + PLAN_COLUMNS + " FROM inspection_plan p WHERE p.id = ?", InspectionStore::plan,
                id).stream().findFirst();
    }

    /** Plans within a region prefix, newest first. */
    public List<InspectionPlan> plans(String prefix) {
        return jdbc.query("SELECT " + PLAN_COLUMNS + " FROM inspection_plan p WHERE p.region_code LIKE ? "
                + "ORDER BY p.id DESC", InspectionStore::plan, prefix + "%");
    }

    public List<PoolTarget> targets(long planId) {
        return jdbc.query("SELECT target_id, region_code, label FROM inspection_target WHERE plan_id = ? "
                + "ORDER BY target_id", (rs, i) -> new PoolTarget(rs.getString(1), rs.getString(2), rs.getString(3)),
                planId);
    }

    public List<Inspector> inspectors(long planId) {
        return jdbc.query("SELECT inspector_id, name, region_code FROM inspection_inspector WHERE plan_id = ? "
                + "ORDER BY inspector_id", (rs, i) -> new Inspector(rs.getString(1), rs.getString(2),
                rs.getString(3)), planId);
    }

    /** Stores a draw and marks the plan DRAWN, if it still has the version the draw was decided on. */
    public void storeDraw(long planId, long version, String beacon, String seed, Draw draw, String by,
                          OffsetDateTime at) {
        bump(planId, version, "status = 'DRAWN', beacon = ?, seed = ?, drawn_by = ?, drawn_at = ?", beacon, seed, by,
                at);
        for (Draw.Assignment a : draw.assignments()) {
            jdbc.update("UPDATE inspection_target SET drawn_order = ? WHERE plan_id = ? AND target_id = ?",
                    a.order(), planId, a.targetId());
            for (int k = 0; k < a.inspectorIds().size(); k++) {
                jdbc.update("INSERT INTO inspection_assignment (plan_id, target_id, position, inspector_id) "
                        + "VALUES (?, ?, ?, ?)", planId, a.targetId(), k + 1, a.inspectorIds().get(k));
            }
        }
    }

    /** The stored draw, or null before the draw. */
    public Draw draw(InspectionPlan plan) {
        if (plan.seed() == null) {
            return null;
        }
        Map<String, List<String>> inspectors = new LinkedHashMap<>();
        jdbc.query("SELECT target_id, inspector_id FROM inspection_assignment WHERE plan_id = ? "
                + "ORDER BY target_id, position", rs -> {
            inspectors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, plan.id());
        List<Draw.Assignment> assignments = jdbc.query("SELECT drawn_order, target_id, region_code "
                        + "FROM inspection_target WHERE plan_id = ? AND drawn_order IS NOT NULL ORDER BY drawn_order",
                (rs, i) -> new Draw.Assignment(rs.getInt(1), rs.getString(2), rs.getString(3),
                        List.copyOf(inspectors.getOrDefault(rs.getString(2), List.of()))), plan.id());
        return new Draw(plan.poolHash(), plan.seed(), assignments);
    }

    public void insertResult(long planId, ResultInput r, String findings, String summary, List<Long> items,
                             String by, OffsetDateTime at) {
        jdbc.update("INSERT INTO inspection_result (plan_id, target_id, outcome, inspected_on, findings, "
                        + "public_summary, ledger_item_ids, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                planId, r.targetId(), r.outcome().name(), r.inspectedOn(), findings, summary,
                items.isEmpty() ? null : String.join(",", items.stream().map(String::valueOf).toList()), by, at);
    }

    public List<InspectionResult> results(long planId) {
        return jdbc.query("SELECT r.target_id, r.outcome, r.inspected_on, r.findings, r.public_summary, "
                + "r.ledger_item_ids, r.recorded_by, r.recorded_at FROM inspection_result r "
                + "JOIN inspection_target t ON t.plan_id = r.plan_id AND t.target_id = r.target_id "
                + "WHERE r.plan_id = ? ORDER BY t.drawn_order", (rs, i) -> {
            String ids = rs.getString(6);
            return new InspectionResult(rs.getString(1), ResultInput.Outcome.valueOf(rs.getString(2)),
                    rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                    ids == null ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList(),
                    rs.getString(7), time(rs, 8));
        }, planId);
    }

    public void publish(long planId, long version, OffsetDateTime at) {
        bump(planId, version, "status = 'PUBLISHED', published_at = ?", at);
    }

    /** Bumps a plan's version (every change of a drawn plan does, so that two never cross). */
    public void touch(long planId, long version) {
        bump(planId, version, "status = status");
    }

    private void bump(long planId, long version, String set, Object... args) {
        Object[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = planId;
        all[args.length + 1] = version;
        int n;
        try {
            n = jdbc.update("UPDATE inspection_plan SET " + set + ", version = version + 1 WHERE id = ? "
                    + "AND version = ?", all);
        } catch (ConcurrencyFailureException e) {
            n = 0;
        }
        if (n != 1) {
            throw new SupervisionException(SupervisionException.Kind.CONFLICT,
                    "抽查计划" + planId + "已被他人修改，请刷新后重试", "inspection " + planId
                    + " was changed by someone else meanwhile: reload it and try again");
        }
    }

    private static InspectionPlan plan(ResultSet rs, int i) throws SQLException {
        return new InspectionPlan(rs.getLong(1), rs.getString(2), rs.getString(3), TargetKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7),
                Sample.Mode.valueOf(rs.getString(8)), rs.getInt(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
                rs.getBigDecimal(12), rs.getInt(13), InspectionPlan.Status.valueOf(rs.getString(14)),
                rs.getString(15), rs.getString(16), rs.getString(17), time(rs, 18), time(rs, 19), time(rs, 20),
                rs.getInt(21), rs.getInt(22), rs.getLong(23));
    }

    static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
