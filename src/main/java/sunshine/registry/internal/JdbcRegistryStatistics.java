package sunshine.registry.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.registry.RegistryStatistics;
import sunshine.security.Actor;

/** {@link RegistryStatistics} counted in the database. */
@Component
class JdbcRegistryStatistics implements RegistryStatistics {

    private final JdbcTemplate jdbc;

    JdbcRegistryStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Dataset d : DataContract.standard().datasets()) {
            // table names come from the contract, never from input
            counts.put(d.name(), jdbc.queryForObject("SELECT COUNT(*) FROM " + d.name(), Long.class));
        }
        return counts;
    }

    @Override
    public List<ProgramFigures> activeByProgram(Actor actor) {
        return jdbc.query("""
                SELECT e.program, COUNT(*) AS enrollments, SUM(e.monthly_amount) AS monthly_amount,
                       SUM((SELECT COUNT(*) FROM enrollment_members m WHERE m.enrollment_id = e.enrollment_id)) AS covered
                FROM enrollments e JOIN households h ON h.household_id = e.household_id
                WHERE e.status = 'ACTIVE' AND h.region_code LIKE ?
                GROUP BY e.program
                ORDER BY e.program
                """, (rs, i) -> new ProgramFigures(rs.getString("program"), rs.getLong("enrollments"),
                rs.getLong("covered"), rs.getBigDecimal("monthly_amount")), actor.regionPrefix() + "%");
    }

    @Override
    public List<ProgramFigures> activeByProgram() {
        return jdbc.query("""
                SELECT e.program, COUNT(*) AS enrollments, SUM(e.monthly_amount) AS monthly_amount,
                       SUM((SELECT COUNT(*) FROM enrollment_members m WHERE m.enrollment_id = e.enrollment_id)) AS covered
                FROM enrollments e
                WHERE e.status = 'ACTIVE'
                GROUP BY e.program
                ORDER BY e.program
                """, (rs, i) -> new ProgramFigures(rs.getString("program"), rs.getLong("enrollments"),
                rs.getLong("covered"), rs.getBigDecimal("monthly_amount")));
    }
}
