package sunshine.supervision.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sunshine.supervision.Campaign;
import sunshine.supervision.CampaignStage;

/** The campaigns' tables. */
@Component
public class CampaignStore {

    private final JdbcTemplate jdbc;

    public CampaignStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String name, String owner, List<String> regions, List<String> programs, LocalDate from,
                       LocalDate to, List<CampaignStage> stages, String by, OffsetDateTime at) {
        long id = jdbc.queryForObject("SELECT nextval('campaign_seq')", Long.class);
        jdbc.update("INSERT INTO campaign (id, name, owner_region, programs, period_from, period_to, created_by, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, name, owner,
                programs.isEmpty() ? null : String.join(",", programs), from, to, by, at);
        for (String r : regions) {
            jdbc.update("INSERT INTO campaign_region (campaign_id, region_code) VALUES (?, ?)", id, r);
        }
        for (CampaignStage s : stages) {
            jdbc.update("INSERT INTO campaign_stage (campaign_id, kind, starts_on, ends_on) VALUES (?, ?, ?, ?)", id,
                    s.kind().name(), s.startsOn(), s.endsOn());
        }
        return id;
    }

    public Optional<Campaign> find(long id, LocalDate today) {
        return jdbc.query("SELECT id, name, owner_region, programs, period_from, period_to, created_by, created_at "
                + "FROM campaign WHERE id = ?", (rs, i) -> campaign(rs, today), id).stream().findFirst();
    }

    public List<Campaign> all(LocalDate today) {
        return jdbc.query("SELECT id, name, owner_region, programs, period_from, period_to, created_by, created_at "
                + "FROM campaign ORDER BY id DESC", (rs, i) -> campaign(rs, today));
    }

    private Campaign campaign(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        long id = rs.getLong(1);
        String programs = rs.getString(4);
        List<String> regions = jdbc.queryForList("SELECT region_code FROM campaign_region WHERE campaign_id = ? "
                + "ORDER BY region_code", String.class, id);
        List<CampaignStage> stages = jdbc.query("SELECT kind, starts_on, ends_on FROM campaign_stage "
                        + "WHERE campaign_id = ? ORDER BY starts_on, kind",
                (r, n) -> new CampaignStage(CampaignStage.Kind.valueOf(r.getString(1)),
                        r.getObject(2, LocalDate.class), r.getObject(3, LocalDate.class)), id);
        CampaignStage.Kind current = stages.stream()
                .filter(s -> !today.isBefore(s.startsOn()) && !today.isAfter(s.endsOn()))
                .map(CampaignStage::kind).findFirst().orElse(null);
        return new Campaign(id, rs.getString(2), rs.getString(3), regions,
                programs == null ? List.of() : Arrays.asList(programs.split(",")),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), stages, current, rs.getString(7),
                InspectionStore.time(rs, 8));
    }
}
