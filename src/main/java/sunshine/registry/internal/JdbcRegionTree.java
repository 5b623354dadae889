package sunshine.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.registry.RegionTree;
import sunshine.security.Actor;

/**
 * {@link RegionTree} read from the {@code regions} table. The table has no unique key (the importer checks it):
 * a code listed twice is answered once.
 */
@Component
class JdbcRegionTree implements RegionTree {

    private static final String SELECT = "SELECT code, MIN(name) AS name, MIN(level) AS level, "
            + "MIN(parent_code) AS parent_code FROM regions ";

    private final JdbcTemplate jdbc;

    JdbcRegionTree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Region> find(String code) {
        if (code == null || !code.matches("\\d{12}")) {
            return Optional.empty();
        }
        return jdbc.query(SELECT + "WHERE code = ? GROUP BY code", JdbcRegionTree::region, code).stream()
                .findFirst();
    }

    @Override
    public List<Region> children(String parentCode) {
        if (parentCode == null || !parentCode.matches("\\d{12}")) {
            return List.of();
        }
        return jdbc.query(SELECT + "WHERE parent_code = ? GROUP BY code ORDER BY code", JdbcRegionTree::region,
                parentCode);
    }

    @Override
    public List<Region> ofLevel(String level) {
        return jdbc.query(SELECT + "WHERE level = ? GROUP BY code ORDER BY code", JdbcRegionTree::region, level);
    }

    @Override
    public List<Region> within(String regionCode, String level) {
        if (regionCode == null || !regionCode.matches("\\d{12}")) {
            return List.of();
        }
        return jdbc.query(SELECT + "WHERE code LIKE ? AND level = ? GROUP BY code ORDER BY code",
                JdbcRegionTree::region, Actor.prefixOf(regionCode) + "%", level);
    }

    @Override
    public List<Region> search(String level, String nameContains, int limit) {
        String text = nameContains == null ? "" : nameContains.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query(SELECT + "WHERE level = ? AND name LIKE ? ESCAPE '\\' GROUP BY code ORDER BY code LIMIT ?",
                JdbcRegionTree::region, level, pattern, Math.max(1, Math.min(limit, 500)));
    }

    private static Region region(ResultSet rs, int i) throws SQLException {
        return new Region(rs.getString("code"), rs.getString("name"), rs.getString("level"),
                rs.getString("parent_code"));
    }
}
