package sunshine.disclosure.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;
import sunshine.disclosure.DisclosureException;

/**
 * How often one client address may use the public verification page ({@code sunshine.disclosure.verify.per-address}
 * per {@code sunshine.disclosure.verify.window}: 120 per hour). In memory, per server: enough against a script,
 * not against a botnet, which a reverse proxy's limits must meet. The address is never stored.
 */
@Component
public class PublicLimits {

    private static final int MAX_ADDRESSES = 100_000;

    private final int perAddress;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public PublicLimits(@Value("${sunshine.disclosure.verify.per-address:120}") int perAddress,
                        @Value("${sunshine.disclosure.verify.window:1h}") String window) {
        this.perAddress = perAddress;
        this.window = DurationStyle.detectAndParse(window);
    }

    /**
     * Counts one verification of an address.
     *
     * @throws DisclosureException RATE_LIMITED past the limit
     */
    public void verification(String address) {
        long now = clock.millis();
        long from = now - window.toMillis();
        if (recent.size() > MAX_ADDRESSES) {
            sweep(from);
        }
        Deque<Long> times = recent.computeIfAbsent(address == null || address.isBlank() ? "unknown" : address,
                a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= from) {
                times.pollFirst();
            }
            if (times.size() >= perAddress) {
                throw new DisclosureException(DisclosureException.Kind.RATE_LIMITED,
                        "核验过于频繁，请稍后再试", "too many verifications from your address: try again later");
            }
            times.addLast(now);
        }
    }

    private void sweep(long from) {
        for (Iterator<Map.Entry<String, Deque<Long>>> it = recent.entrySet().iterator(); it.hasNext(); ) {
            Deque<Long> times = it.next().getValue();
            synchronized (times) {
                if (times.isEmpty() || times.peekLast() <= from) {
                    it.remove();
                }
            }
        }
    }

    /** An upload or form over its size limit. */
    public static DisclosureException tooLarge(long maxBytes) {
        String size = maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
        return new DisclosureException(DisclosureException.Kind.TOO_LARGE, "提交的内容过大（不能超过" + size + "）",
                "what you sent is too large (at most " + size + ")");
    }
}
