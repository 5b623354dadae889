package sunshine.registry.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import sunshine.registry.Households;
import sunshine.security.Actor;

/** {@link Households} read from the {@code households}, {@code persons} and {@code regions} tables. */
@Component
class JdbcHouseholds implements Households {

    private final JdbcTemplate jdbc;

    JdbcHouseholds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Household> find(Actor actor, String householdId) {
        if (!actor.role().handlesPersonalData()) {
            throw new AccessDeniedException("the role does not handle personal data: " + actor.role());
        }
        if (householdId == null || householdId.isBlank()) {
            return Optional.empty();
        }
        // the region condition is part of the query: a household outside the actor's region is never read
        return jdbc.query("""
                        SELECT h.household_id, h.region_code, r.name AS region_name, h.address, h.head_id_no,
                               h.urban_rural
                        FROM households h LEFT JOIN regions r ON r.code = h.region_code
                        WHERE h.household_id = ? AND h.region_code LIKE ?
                        """, (rs, i) -> new Household(rs.getString("household_id"), rs.getString("region_code"),
                        rs.getString("region_name"), rs.getString("address"), rs.getString("head_id_no"),
                        rs.getString("urban_rural"), members(rs.getString("household_id"))),
                householdId.strip(), actor.regionPrefix() + "%").stream().findFirst();
    }

    private List<Member> members(String householdId) {
        return jdbc.query("""
                SELECT id_no, name, gender, birth_date, relation, disability_level
                FROM persons WHERE household_id = ? ORDER BY import_id, source_row
                """, (rs, i) -> {
            long level = rs.getLong("disability_level");
            Integer disability = rs.wasNull() ? null : (int) level;
            return new Member(rs.getString("id_no"), rs.getString("name"), rs.getString("gender"),
                    rs.getObject("birth_date", LocalDate.class), rs.getString("relation"), disability);
        }, householdId);
    }
}
