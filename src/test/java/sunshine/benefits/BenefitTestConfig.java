package sunshine.benefits;

import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;
import sunshine.security.Role;

/**
 * What the benefit tests put in place of the parts others build or the world provides: the signed-in actor
 * ({@link CurrentActor}, set by the test, per thread or for all threads) and a clock the test moves.
 */
@TestConfiguration
public class BenefitTestConfig {

    public static final ZoneId BEIJING = sunshine.TestClock.BEIJING;

    public static final String COUNTY = "371526000000";
    public static final String TOWN_1 = "371526100000";
    public static final String TOWN_2 = "371526101000";
    public static final String VILLAGE_1 = "371526100201";
    public static final String VILLAGE_2 = "371526100202";
    public static final String VILLAGE_3 = "371526101201";
    public static final String CITY = "371500000000";
    public static final String OTHER_COUNTY = "371525000000";

    public static final Actor COUNTY_STAFF = new Actor("county1", "县民政局 李明", Role.COUNTY, COUNTY);
    public static final Actor CITY_STAFF = new Actor("city1", "市民政局 孙丽", Role.CITY, CITY);
    public static final Actor TOWN_STAFF = new Actor("town1", "乡镇 赵强", Role.TOWN, TOWN_1);
    public static final Actor TOWN_2_STAFF = new Actor("town2", "乡镇 钱进", Role.TOWN, TOWN_2);
    public static final Actor VILLAGE_STAFF = new Actor("v1", "村委会 冯涛", Role.VILLAGE, VILLAGE_1);
    public static final Actor AUDITOR = new Actor("sj1", "县审计局 郑敏", Role.AUDIT, COUNTY);
    public static final Actor OTHER_COUNTY_STAFF = new Actor("countyB", "冠县民政局", Role.COUNTY, OTHER_COUNTY);

    /** The actor of "the current request". */
    public static final class TestActor implements CurrentActor {
        private final ThreadLocal<Actor> mine = new ThreadLocal<>();
        private volatile Actor all = COUNTY_STAFF;

        @Override
        public Actor get() {
            Actor a = mine.get();
            return a != null ? a : all;
        }

        public void set(Actor actor) {
            all = actor;
        }

        public void setForThisThread(Actor actor) {
            mine.set(actor);
        }
    }

    /** A clock the test sets (Beijing time). */
    public static final class MutableClock extends sunshine.TestClock {
    }

    @Bean
    @Primary
    TestActor testActor() {
        return new TestActor();
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }
}
