package sunshine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static sunshine.security.internal.TestUsers.as;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import sunshine.checks.CheckRun;
import sunshine.checks.CheckRunService;
import sunshine.checks.CheckScenario;
import sunshine.imports.ImportService;
import sunshine.ledger.LedgerTestConfig;
import sunshine.registry.TestDatabases;
import sunshine.security.Actor;
import sunshine.security.Role;

/**
 * The dashboard on the overview, over a real check run of a generated county and the ledger items its clues
 * became (H2): the JSON its charts draw reconciles with the stored clues and the ledger to the cent, within the
 * signed-in user's region, and the page shows the same figures in tables.
 */
@SpringBootTest(properties = {"sunshine.checks.schedule.enabled=false", "sunshine.ledger.escalation-cron=-"})
@AutoConfigureMockMvc
@Import(DashboardTest.Clock.class)
class DashboardTest {

    static final Path DATA = TestDatabases.newDataDir();
    static final YearMonth P = YearMonth.of(2026, 10);
    static final String COUNTY = "371526000000";
    static final Actor COUNTY_STAFF = new Actor("dash-county", "县局", Role.COUNTY, COUNTY);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    /** The ledger's clock, which the test moves so that deadlines pass. */
    @TestConfiguration
    static class Clock {
        @Bean
        LedgerTestConfig.MutableClock ledgerClock() {
            return new LedgerTestConfig.MutableClock();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ImportService imports;
    @Autowired
    CheckRunService checks;
    @Autowired
    LedgerTestConfig.MutableClock clock;

    static long runId;

    /** Once: the county imported, checked, its clues taken into the ledger; then ten days pass. */
    @BeforeEach
    void checkedCounty() throws Exception {
        if (runId != 0) {
            return;
        }
        clock.set(Instant.now());
        imports.importFolder(CheckScenario.county(), "tester");
        long id = checks.start(P, Map.of(), COUNTY_STAFF).id();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (checks.run(id, COUNTY_STAFF).orElseThrow().status() == CheckRun.Status.RUNNING
                || checks.progress().isPresent()) {
            assertThat(System.nanoTime()).as("check run still running").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(checks.run(id, COUNTY_STAFF).orElseThrow().status()).isEqualTo(CheckRun.Status.COMPLETED);
        // the ledger takes the run's clues in after the commit, in the background, in one transaction
        while (jdbc.queryForObject("SELECT COUNT(*) FROM ledger_item", Long.class) == 0) {
            assertThat(System.nanoTime()).as("ledger intake").isLessThan(deadline);
            Thread.sleep(100);
        }
        clock.advance(Duration.ofDays(10));
        runId = id;
    }

    private String json(Actor actor) throws Exception {
        return mvc.perform(get("/api/dashboard").with(as(actor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Σ amount at risk and the number of clues of the run, by a column, within a region prefix. */
    private Map<String, Object[]> stored(String column, String prefix) {
        Map<String, Object[]> out = new HashMap<>();
        jdbc.query("SELECT " + column + " AS k, COUNT(*) AS n, SUM(amount_at_risk) AS a FROM check_run_clue "
                        + "WHERE run_id = ? AND region_code LIKE ? GROUP BY " + column,
                rs -> {
                    out.put(rs.getString("k"), new Object[] {rs.getInt("n"), rs.getBigDecimal("a").setScale(2)});
                }, runId, prefix + "%");
        return out;
    }

    private static void reconciles(String json, String list, String key, Map<String, Object[]> expected) {
        List<Map<String, Object>> rows = JsonPath.read(json, "$." + list);
        Map<String, Object[]> shown = new HashMap<>();
        for (Map<String, Object> r : rows) {
            if (((Number) r.get("clues")).intValue() > 0) {
                shown.put((String) r.get(key), new Object[] {((Number) r.get("clues")).intValue(),
                        new BigDecimal((String) r.get("amountAtRisk"))});
            }
        }
        assertThat(shown.keySet()).as(list).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> {
            assertThat(shown.get(k)[0]).as(list + " " + k + " clues").isEqualTo(v[0]);
            // to the cent, scale and all
            assertThat(shown.get(k)[1].toString()).as(list + " " + k + " amount").isEqualTo(v[1].toString());
        });
    }

    @Test
    void theChartsFiguresAreTheStoredCluesAndLedger() throws Exception {
        String json = json(COUNTY_STAFF);
        assertThat(((Number) JsonPath.read(json, "$.run.id")).longValue()).isEqualTo(runId);
        assertThat((String) JsonPath.read(json, "$.run.period")).isEqualTo("2026-10");
        BigDecimal total = jdbc.queryForObject("SELECT SUM(amount_at_risk) FROM check_run_clue WHERE run_id = ?",
                BigDecimal.class, runId).setScale(2);
        assertThat((String) JsonPath.read(json, "$.run.amountAtRisk")).isEqualTo(total.toString());

        Map<String, Object[]> byRule = stored("rule", "371526");
        assertThat(byRule).containsKeys("A01", "C01");
        reconciles(json, "byRule", "rule", byRule);
        reconciles(json, "byTown", "townCode", stored("town_code", "371526"));

        // the town indicators: one row per E01-E03 clue, with its evidence's figures
        List<Map<String, Object>> e = jdbc.queryForList("SELECT rule, region_code FROM check_run_clue "
                + "WHERE run_id = ? AND rule IN ('E01', 'E02', 'E03') ORDER BY rule, region_code", runId);
        List<String> indicators = JsonPath.read(json, "$.indicators[*].rule");
        assertThat(indicators).hasSize(e.size());
        assertThat(e).as("the scenario has town anomalies").isNotEmpty();
        assertThat((List<String>) JsonPath.read(json, "$.indicators[*].z")).allSatisfy(z ->
                assertThat(new BigDecimal(z)).isGreaterThanOrEqualTo(new BigDecimal("3.5")));

        // the ledger: items by status with their amounts; overdue as of the ledger's clock
        OffsetDateTime now = clock.instant().atOffset(java.time.ZoneOffset.ofHours(8));
        for (Map<String, Object> s : jdbc.queryForList("SELECT status, COUNT(*) AS n, SUM(amount_at_risk) AS a, "
                + "SUM(CASE WHEN status NOT IN ('DISMISSED', 'CLOSED') AND deadline < ? THEN 1 ELSE 0 END) AS o "
                + "FROM ledger_item GROUP BY status", now)) {
            String st = (String) s.get("status");
            Map<String, Object> row = ((List<Map<String, Object>>) JsonPath.read(json,
                    "$.ledger.byStatus[?(@.status == '" + st + "')]")).get(0);
            assertThat(((Number) row.get("items")).longValue()).as(st).isEqualTo(((Number) s.get("n")).longValue());
            assertThat((String) row.get("amountAtRisk")).as(st)
                    .isEqualTo(((BigDecimal) s.get("a")).setScale(2).toString());
            assertThat(((Number) row.get("overdue")).longValue()).as(st + " overdue")
                    .isEqualTo(((Number) s.get("o")).longValue());
        }
        long items = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_item", Long.class);
        long overdue = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_item WHERE status NOT IN ('DISMISSED', "
                + "'CLOSED') AND deadline < ?", Long.class, now);
        assertThat(((Number) JsonPath.read(json, "$.ledger.items")).longValue()).isEqualTo(items);
        assertThat(((Number) JsonPath.read(json, "$.ledger.overdue")).longValue()).isEqualTo(overdue);
        assertThat(overdue).as("ten days after intake, some deadlines have passed").isPositive();
        assertThat((List<?>) JsonPath.read(json, "$.ledger.overdueItems")).hasSize((int) Math.min(overdue,
                Dashboard.OVERDUE_LISTED));
        // the most overdue first: the earliest deadlines of all overdue items, in order
        List<String> deadlines = JsonPath.read(json, "$.ledger.overdueItems[*].deadline");
        assertThat(deadlines).isSorted();
        java.sql.Timestamp latestListed = jdbc.queryForObject("SELECT MAX(deadline) FROM (SELECT deadline FROM "
                + "ledger_item WHERE status NOT IN ('DISMISSED', 'CLOSED') AND deadline < ? ORDER BY deadline LIMIT "
                + Dashboard.OVERDUE_LISTED + ") x", java.sql.Timestamp.class, now);
        assertThat(OffsetDateTime.parse(deadlines.get(deadlines.size() - 1)).toInstant())
                .isEqualTo(latestListed.toInstant());
    }

    @Test
    void aTownUserSeesOnlyTheirTown() throws Exception {
        String town = jdbc.queryForObject("SELECT town_code FROM check_run_clue WHERE run_id = ? "
                + "GROUP BY town_code ORDER BY COUNT(*) DESC, town_code LIMIT 1", String.class, runId);
        String prefix = town.substring(0, 9);
        Actor townUser = new Actor("dash-town", "乡镇", Role.TOWN, town);
        String json = json(townUser);

        assertThat((List<String>) JsonPath.read(json, "$.byTown[*].townCode")).containsExactly(town);
        reconciles(json, "byRule", "rule", stored("rule", prefix));
        reconciles(json, "byTown", "townCode", stored("town_code", prefix));
        assertThat((List<String>) JsonPath.read(json, "$.indicators[*].townCode")).allMatch(town::equals);
        long items = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_item WHERE region_code LIKE ?", Long.class,
                prefix + "%");
        assertThat(((Number) JsonPath.read(json, "$.ledger.items")).longValue()).isEqualTo(items)
                .isLessThan(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_item", Long.class));
        assertThat((List<String>) JsonPath.read(json, "$.ledger.overdueItems[*].regionCode"))
                .allMatch(r -> r.startsWith(prefix));

        // another county's user: nothing of this one
        String other = json(new Actor("dash-other", "冠县", Role.COUNTY, "371525000000"));
        assertThat((List<?>) JsonPath.read(other, "$.byRule")).isEmpty();
        assertThat(((Number) JsonPath.read(other, "$.ledger.items")).intValue()).isZero();
    }

    @Test
    void theOverviewShowsTheFiguresInTablesInChineseAndEnglish() throws Exception {
        BigDecimal a01 = jdbc.queryForObject("SELECT SUM(amount_at_risk) FROM check_run_clue WHERE run_id = ? "
                + "AND rule = 'A01'", BigDecimal.class, runId);
        String formatted = new java.text.DecimalFormat("#,##0.00").format(a01);
        mvc.perform(get("/").with(as(COUNTY_STAFF)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("风险概况"), containsString("按规则的涉及金额"),
                        containsString("id=\"chart-rules\""), containsString("data-rule=\"A01\""),
                        containsString(formatted), containsString("问题台账进度"),
                        containsString("/webjars/echarts/5.3.1/dist/echarts.min.js"), containsString("/js/dashboard.js"),
                        // what the overview showed before stays
                        containsString("id=\"programs\""), containsString("id=\"datasets\""),
                        not(containsString("<script>")))));
        mvc.perform(get("/").param("lang", "en").with(as(COUNTY_STAFF)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Amount at risk by rule"),
                        containsString("Problem ledger progress"), containsString("DECEASED_PAID"))));
        // the script and the library are served
        mvc.perform(get("/js/dashboard.js").with(as(COUNTY_STAFF))).andExpect(status().isOk());
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
        // without signing in: no figures
        mvc.perform(get("/api/dashboard")).andExpect(status().isUnauthorized());
    }
}
