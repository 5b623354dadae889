package sunshine.payments.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** Small JDBC helpers. */
public final class Jdbc {

    /** Parameters per {@code IN (...)}. */
    static final int CHUNK = 500;

    private Jdbc() {
    }

    /**
     * Runs {@code sql} once per chunk of {@code values}, its {@code (?)} placeholder {@code IN} list replaced by as
     * many parameters as the chunk holds; {@code before} are the parameters ahead of the list.
     */
    public static void inChunks(JdbcTemplate jdbc, String sql, Collection<String> values, RowCallbackHandler rows,
                                Object... before) {
        List<String> all = new ArrayList<>(values);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String marks = chunk.stream().map(v -> "?").collect(Collectors.joining(", "));
            List<Object> args = new ArrayList<>(List.of(before));
            args.addAll(chunk);
            jdbc.query(sql.replace("(?)", "(" + marks + ")"), rows, args.toArray());
        }
    }
}
