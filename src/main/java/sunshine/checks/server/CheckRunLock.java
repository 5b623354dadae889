package sunshine.checks.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The lock that lets one check run at a time, also across processes sharing the database: the row of
 * {@code check_lock}, locked with {@code SELECT ... FOR UPDATE NOWAIT} on a connection of its own and held until
 * the run ends. Asking never waits: a locked row means another run is going on. The lock belongs to the connection,
 * so a process that dies mid-run leaves no lock behind (PostgreSQL ends its session; an embedded H2 ends with it).
 */
@Component
public class CheckRunLock {

    /** A held lock; {@link #close()} releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final DataSource dataSource;

    public CheckRunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The lock, or empty when another run holds it.
     *
     * @throws IllegalStateException when the database cannot be asked
     */
    public Optional<Held> tryAcquire() {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM check_lock WHERE id = 1 FOR UPDATE NOWAIT")) {
                if (!rs.next()) {
                    throw new IllegalStateException("check_lock has no row 1 (see V3__checks.sql)");
                }
            }
            return Optional.of(() -> release(c));
        } catch (SQLException e) {
            release(c);
            if (isLocked(e)) {
                return Optional.empty();
            }
            throw new IllegalStateException("cannot lock check_lock: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(c);
            throw e;
        }
    }

    /** PostgreSQL: lock_not_available; H2: lock timeout (NOWAIT) or a concurrent update of the row. */
    private static boolean isLocked(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.equals("55P03") || state.equals("HYT00") || state.equals("40001")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void release(Connection c) {
        try {
            try {
                c.rollback();
            } finally {
                c.close();
            }
        } catch (SQLException ignored) {
            // the connection is gone, and its lock with it
        }
    }
}
