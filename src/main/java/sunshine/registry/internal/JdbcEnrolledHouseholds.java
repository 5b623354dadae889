package sunshine.registry.internal;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import sunshine.registry.EnrolledHouseholds;
import sunshine.security.Actor;

/** {@link EnrolledHouseholds} read from {@code enrollments}, {@code households}, {@code persons}, {@code enrollment_members}. */
@Component
class JdbcEnrolledHouseholds implements EnrolledHouseholds {

    private final JdbcTemplate jdbc;

    JdbcEnrolledHouseholds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Enrolled> activeInVillage(Actor actor, String villageCode) {
        if (!actor.role().handlesPersonalData()) {
            throw new AccessDeniedException("the role does not handle personal data: " + actor.role());
        }
        if (villageCode == null || !villageCode.matches("\\d{12}") || !actor.canSee(villageCode)) {
            return List.of();
        }
        // persons have no unique key in the database (the importer checks it): MIN picks one name should a
        // number be listed twice
        return jdbc.query("""
                SELECT e.enrollment_id, e.program, e.monthly_amount,
                       COALESCE((SELECT MIN(p.name) FROM persons p WHERE p.id_no = e.payee_id_no),
                                (SELECT MIN(p.name) FROM persons p WHERE p.id_no = h.head_id_no)) AS name,
                       (SELECT COUNT(DISTINCT m.id_no) FROM enrollment_members m
                         WHERE m.enrollment_id = e.enrollment_id) AS covered
                FROM enrollments e JOIN households h ON h.household_id = e.household_id
                WHERE e.status = 'ACTIVE' AND h.region_code = ?
                ORDER BY e.enrollment_id
                """, (rs, i) -> new Enrolled(rs.getString("enrollment_id"), rs.getString("program"),
                rs.getString("name"), rs.getInt("covered"), rs.getBigDecimal("monthly_amount")), villageCode);
    }
}
