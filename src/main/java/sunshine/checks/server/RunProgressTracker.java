package sunshine.checks.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import sunshine.checks.CheckProgress;
import sunshine.checks.CheckRunProgress;
import sunshine.checks.CheckRunProgress.Phase;

/** The progress of one run, fed by the engine (from several threads) and the store, read by the screens. */
public final class RunProgressTracker implements CheckProgress {

    private final int rulesTotal;
    private volatile Phase phase = Phase.STARTING;
    private volatile String dataset;
    private volatile long rowsRead;
    private final AtomicInteger datasetsRead = new AtomicInteger();
    private final AtomicLong rowsBefore = new AtomicLong();
    private final ConcurrentSkipListSet<String> running = new ConcurrentSkipListSet<>();
    private final AtomicInteger rulesDone = new AtomicInteger();
    private final AtomicLong cluesFound = new AtomicLong();
    private final AtomicLong cluesStored = new AtomicLong();

    public RunProgressTracker(int rulesTotal) {
        this.rulesTotal = rulesTotal;
    }

    @Override
    public void datasetStarted(String name) {
        phase = Phase.READING;
        rowsRead = 0;
        dataset = name;
    }

    @Override
    public void rows(String name, long read) {
        rowsRead = read;
    }

    @Override
    public void datasetDone(String name, long read, long kept, Duration took) {
        rowsBefore.addAndGet(read);
        datasetsRead.incrementAndGet();
        dataset = null;
        rowsRead = 0;
    }

    @Override
    public void ruleStarted(String code, String name) {
        phase = Phase.CHECKING;
        dataset = null;
        running.add(code);
    }

    @Override
    public void ruleDone(String code, int clues, Duration took) {
        running.remove(code);
        rulesDone.incrementAndGet();
        cluesFound.addAndGet(clues);
    }

    /** The clues are being stored. */
    public void storing() {
        phase = Phase.STORING;
        dataset = null;
    }

    public void stored(long clues) {
        cluesStored.set(clues);
    }

    public CheckRunProgress snapshot() {
        Phase p = phase;
        String reading = p == Phase.READING ? dataset : null;
        long current = reading == null ? 0 : rowsRead;
        return new CheckRunProgress(p, reading, current, datasetsRead.get(), rowsBefore.get() + current,
                List.copyOf(running), rulesDone.get(), rulesTotal, cluesFound.get(), cluesStored.get());
    }
}
