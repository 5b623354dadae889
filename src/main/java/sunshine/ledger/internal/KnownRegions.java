package sunshine.ledger.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import sunshine.registry.Regions;

/**
 * Whether a region code is one of the registry's, for complaints from the public. The directory is read at most
 * every ten minutes. Before any region was imported every well-formed code is accepted.
 */
@Component
public class KnownRegions {

    private static final long TTL_MILLIS = 10 * 60 * 1000;

    private final Regions regions;
    private volatile Map<String, String> levels;
    private volatile long readAt;

    public KnownRegions(Regions regions) {
        this.regions = regions;
    }

    public boolean known(String code) {
        Map<String, String> l = levels;
        long now = System.currentTimeMillis();
        if (l == null || now - readAt > TTL_MILLIS || l.isEmpty()) {
            l = regions.levels();
            levels = l;
            readAt = now;
        }
        return l.isEmpty() || l.containsKey(code);
    }
}
