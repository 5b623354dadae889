package sunshine.checks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import sunshine.checks.engine.Rule;
import sunshine.checks.rules.Rules;
import sunshine.security.Actor;
import sunshine.security.CurrentActor;
import sunshine.security.Role;

/**
 * What the server's check tests add to the application: the engine with every rule of {@link Rules#all()} and the
 * {@link TestRule}; a signed-in user the test chooses (the security module's own {@code CurrentActor} is not part
 * of these tests); and a recorder of the {@link CheckRunCompleted} events.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CheckServerTestConfig {

    public static final String COUNTY = "371526000000";

    /** The county's administration: may start runs, sees the whole county. */
    public static Actor county() {
        return new Actor("county-user", "县民政局", Role.COUNTY, COUNTY);
    }

    /** The rules of {@link Rules#all()} and the test rule Z98. */
    public static CheckEngine engine() {
        List<Rule> rules = new ArrayList<>(Rules.all());
        rules.add(new TestRule());
        return CheckEngine.of(rules);
    }

    @Bean
    CheckEngine checkEngine() {
        return engine();
    }

    @Bean
    @org.springframework.context.annotation.Primary
    TestActor testActor() {
        return new TestActor();
    }

    @Bean
    Events checkRunEvents(DataSource dataSource) {
        return new Events(dataSource);
    }

    /** The signed-in user, as a test sets it (a county user until it says otherwise). */
    public static final class TestActor extends sunshine.security.TestCurrentActor {
        public TestActor() {
            super(county());
        }
    }

    /** The CheckRunCompleted events, as a transactional listener and a plain one hear them. */
    public static final class Events {

        /** Heard after the commit, with the run's status as another connection saw it then. */
        public record Heard(CheckRunCompleted event, String committedStatus) {
        }

        private final DataSource dataSource;
        public final List<Heard> afterCommit = new CopyOnWriteArrayList<>();
        /** For each event a plain listener heard: whether a transaction was active (it is published inside one). */
        public final List<Boolean> publishedInTransaction = new CopyOnWriteArrayList<>();

        Events(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @TransactionalEventListener
        public void afterCommit(CheckRunCompleted e) {
            afterCommit.add(new Heard(e, statusSeenElsewhere(e.runId())));
        }

        @EventListener
        public void published(CheckRunCompleted e) {
            publishedInTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
        }

        public void clear() {
            afterCommit.clear();
            publishedInTransaction.clear();
        }

        private String statusSeenElsewhere(long runId) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT status FROM check_run WHERE id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            } catch (SQLException e) {
                return "error: " + e.getMessage();
            }
        }
    }
}
