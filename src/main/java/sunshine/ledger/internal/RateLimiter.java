package sunshine.ledger.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window limit per key (a client address): at most {@code max} events per window. In memory, per
 * server: behind several servers each counts on its own. Bounded: past 100,000 keys the oldest are dropped.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

    /** Counts an event for the key at a time (milliseconds); false when the key is over its limit (not counted). */
    public boolean tryAcquire(String key, long nowMillis, int max, Duration window) {
        if (events.size() > MAX_KEYS) {
            purge(nowMillis, window);
        }
        Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            long from = nowMillis - window.toMillis();
            while (!times.isEmpty() && times.peekFirst() <= from) {
                times.pollFirst();
            }
            if (times.size() >= max) {
                return false;
            }
            times.addLast(nowMillis);
            return true;
        }
    }

    private void purge(long nowMillis, Duration window) {
        long from = nowMillis - window.toMillis();
        for (Iterator<Map.Entry<String, Deque<Long>>> it = events.entrySet().iterator(); it.hasNext(); ) {
            Deque<Long> times = it.next().getValue();
            synchronized (times) {
                if (times.isEmpty() || times.peekLast() <= from) {
                    it.remove();
                }
            }
        }
        if (events.size() > MAX_KEYS) {
            events.clear();
        }
    }
}
