package sunshine.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.checks.CheckRuns;
import sunshine.checks.Clue;
import sunshine.checks.Severity;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;
import sunshine.security.Role;

/**
 * What ledger and supervision tests put in place of the parts other engineers build: the signed-in actor
 * ({@link CurrentActor}), stored check runs ({@link CheckRuns}), and a clock the test sets.
 */
@TestConfiguration
public class LedgerTestConfig {

    /** 2026-11-02 09:00 in Beijing: a Monday. */
    public static final Instant START = sunshine.TestClock.START;

    // a county of Liaocheng (3715) with two towns and their villages; a second county; another city
    public static final String PROVINCE = "370000000000";
    public static final String CITY = "371500000000";
    public static final String COUNTY = "371526000000";
    public static final String TOWN_1 = "371526100000";
    public static final String TOWN_2 = "371526101000";
    public static final String VILLAGE_1 = "371526100201";
    public static final String VILLAGE_2 = "371526101203";
    public static final String COUNTY_B = "371525000000";
    public static final String TOWN_B = "371525102000";
    public static final String VILLAGE_B = "371525102201";
    public static final String CITY_C = "371400000000";
    public static final String COUNTY_C = "371402000000";
    public static final String VILLAGE_C = "371402001001";

    public static final Actor COUNTY_STAFF = new Actor("county1", "县民政局 李明", Role.COUNTY, COUNTY);
    public static final Actor COUNTY_REVIEWER = new Actor("county2", "县民政局 王芳", Role.COUNTY, COUNTY);
    public static final Actor TOWN_STAFF = new Actor("town1", "乡镇 赵强", Role.TOWN, TOWN_1);
    public static final Actor OTHER_TOWN = new Actor("town2", "乡镇 钱进", Role.TOWN, TOWN_2);
    public static final Actor CITY_STAFF = new Actor("city1", "市民政局 孙丽", Role.CITY, CITY);
    public static final Actor PROVINCE_STAFF = new Actor("prov1", "省民政厅 周杰", Role.PROVINCE, PROVINCE);
    public static final Actor DISCIPLINE = new Actor("jw1", "县纪委 吴刚", Role.DISCIPLINE, COUNTY);
    public static final Actor AUDITOR = new Actor("sj1", "县审计局 郑敏", Role.AUDIT, COUNTY);
    public static final Actor VILLAGE = new Actor("v1", "村委会 冯涛", Role.VILLAGE, VILLAGE_1);
    public static final Actor OTHER_COUNTY = new Actor("countyB", "冠县民政局", Role.COUNTY, COUNTY_B);

    /** A clock the test moves. */
    public static final class MutableClock extends sunshine.TestClock {
    }

    /** The signed-in actor of MockMvc requests: whoever the test says. */
    public static final class TestActor extends sunshine.security.TestCurrentActor {
    }

    /** Stored check runs: whatever the test puts in. */
    public static final class TestRuns implements CheckRuns {
        public final Map<Long, List<Clue>> runs = new ConcurrentHashMap<>();

        @Override
        public List<Clue> clues(long runId) {
            return runs.getOrDefault(runId, List.of());
        }
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    @Primary
    TestActor testActor() {
        return new TestActor();
    }

    @Bean
    @Primary
    TestRuns testRuns() {
        return new TestRuns();
    }

    /** A clue as a check run would find it. */
    public static Clue clue(String rule, String subject, String region, String amount, Severity severity) {
        return new Clue(rule, severity, subject, "", subject.split("/")[0], "H" + subject.hashCode(), null, null,
                region, YearMonth.of(2026, 1), YearMonth.of(2026, 10), new BigDecimal(amount), null,
                "测试线索 " + rule + " " + subject, "{\"program\":\"DIBAO_RURAL\",\"facts\":[1,2]}");
    }

    /** Empties the ledger and supervision tables (the history with TRUNCATE: PostgreSQL refuses DELETE on it). */
    public static void clear(JdbcTemplate jdbc) {
        for (String t : List.of("inspection_result", "inspection_assignment", "inspection_target",
                "inspection_inspector", "inspection_plan", "campaign_stage", "campaign_region", "campaign")) {
            try {
                jdbc.update("DELETE FROM " + t);
            } catch (RuntimeException notThere) {
                // the supervision tables
            }
        }
        jdbc.execute("TRUNCATE TABLE ledger_history");
        jdbc.update("DELETE FROM ledger_evidence");
        jdbc.update("DELETE FROM ledger_action");
        jdbc.update("DELETE FROM ledger_complaint");
        jdbc.update("DELETE FROM ledger_item");
    }
}
