package sunshine.registry.internal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.contract.RegionDirectory;
import sunshine.registry.Regions;

/** {@link Regions} read from the {@code regions} table with plain JDBC. */
@Component
class JdbcRegions implements Regions {

    private final JdbcTemplate jdbc;

    JdbcRegions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RegionDirectory directory() {
        return RegionDirectory.of(levels());
    }

    @Override
    public Map<String, String> levels() {
        Map<String, String> levels = new HashMap<>();
        Map<String, String> shared = new HashMap<>();
        jdbc.query("SELECT code, level FROM regions", rs -> {
            String level = rs.getString(2);
            // a handful of distinct levels: share their strings
            levels.put(rs.getString(1), shared.computeIfAbsent(level, l -> l));
        });
        return java.util.Collections.unmodifiableMap(levels);
    }
}
