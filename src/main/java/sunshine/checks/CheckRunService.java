package sunshine.checks;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sunshine.checks.CheckResult.Totals;
import sunshine.checks.output.CheckOutput;
import sunshine.checks.server.CheckClueStore;
import sunshine.checks.server.RunProgressTracker;
import sunshine.checks.server.CheckRunLock;
import sunshine.checks.server.CheckRunStore;
import sunshine.checks.source.DatabaseSource;
import sunshine.contract.Reason;
import sunshine.contract.RowError;
import sunshine.security.Actor;
import sunshine.security.Role;

/**
 * The check engine in the server: runs the rules over the imported registry (a {@link CheckSource#database
 * database source}) and keeps every run and its clues.
 * <ul>
 *   <li><b>Start</b> ({@link #start}): on demand, by county, city or province staff or an administrator; the
 *       monthly schedule starts one as {@code system} ({@link #startScheduled}). One run at a time, also across
 *       processes sharing the database: a second start is refused at once ({@link CheckRunBusyException}), never
 *       queued. The run is recorded RUNNING and goes on in the background; {@link #run} shows its progress.</li>
 *   <li><b>Store</b>: the run's clues ({@code check_run_clue}, exactly as found), their identities ({@code clue}:
 *       the same rule and subject keep their id across runs), the totals per town, the imports read with their SM3
 *       hashes and the COMPLETED status, all in one transaction; {@link CheckRunCompleted} is published inside it,
 *       so that transactional listeners (the problem ledger) hear of it once, after the commit. A run that fails
 *       (refused input, a rule's error, the database) stores nothing but its FAILED status and error.</li>
 *   <li><b>Read</b>: runs, a run's clues (filtered, sorted and paged in the database), summaries and downloads
 *       (clues.csv, summary.xlsx by {@link CheckOutput}), each within the asking user's region: a user sees only the
 *       clues whose region code {@link Actor#canSee} allows, and totals of those only.
 *       {@link #clues(long)} ({@link CheckRuns}, for the ledger) is not scoped.</li>
 * </ul>
 * The engine is {@link CheckEngine#standard()} unless the application defines a {@link CheckEngine} bean.
 */
@Service
public class CheckRunService implements CheckRuns {

    private static final Logger log = LoggerFactory.getLogger(CheckRunService.class);

    /** Who may start a run: county level and above, and the administrator. */
    private static final Set<Role> MAY_START = EnumSet.of(Role.PROVINCE, Role.CITY, Role.COUNTY, Role.ADMIN);

    /** Bad rows of refused input kept with a failed run. */
    static final int ERROR_ROWS_KEPT = 200;

    private final CheckEngine engine;
    private final DataSource dataSource;
    private final CheckRunStore runs;
    private final CheckClueStore clueStore;
    private final CheckRunLock lock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final ApplicationEventPublisher events;
    private final ExecutorService executor;
    private final AtomicReference<Running> running = new AtomicReference<>();

    /** The run going on in this process. */
    private record Running(long id, YearMonth period, CheckParameters parameters, RunProgressTracker progress,
                           CheckRunLock.Held lock, CountDownLatch done) {
    }

    CheckRunService(ObjectProvider<CheckEngine> engine, DataSource dataSource, CheckRunStore runs, CheckClueStore clueStore,
                    CheckRunLock lock, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.engine = engine.getIfAvailable(CheckEngine::standard);
        this.dataSource = dataSource;
        this.runs = runs;
        this.clueStore = clueStore;
        this.lock = lock;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.events = events;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "check-run");
            t.setDaemon(true);
            return t;
        });
    }

    // ------------------------------------------------------------------ starting

    /** The rules the server runs. */
    public List<RuleInfo> rules() {
        return engine.rules();
    }

    /** Every parameter with its rules.md default ({@code lookback} first). */
    public CheckParameters defaultParameters() {
        return engine.defaultParameters();
    }

    /** Whether the actor may start a run: county, city or province staff, or an administrator. */
    public boolean mayStart(Actor actor) {
        return actor != null && MAY_START.contains(actor.role());
    }

    /**
     * Starts a run for month P over the imported data; it goes on in the background.
     *
     * @param parameters overrides by name ({@code lookback}, {@code A02.enterprise_capital} ...); the rest keep
     *                   their defaults
     * @return the run, RUNNING
     * @throws CheckAccessDeniedException when the actor may not start runs
     * @throws CheckRunBusyException      when a run is going on (here or in another process)
     * @throws CheckException             for a missing period, an unknown parameter or a bad value
     */
    public CheckRun start(YearMonth period, Map<String, String> parameters, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        if (!mayStart(actor)) {
            throw new CheckAccessDeniedException(new Reason(
                    "只有县级及以上民政部门或系统管理员可以发起比对（当前角色：" + actor.role().label() + "）",
                    "only county, city or province staff or an administrator may start a check run (role: "
                            + actor.role() + ")"));
        }
        long id = begin(period, parameters, actor.userId());
        return run(id, actor).orElseThrow();
    }

    /**
     * Starts the monthly run for P, as {@code system}, with the default parameters (the schedule).
     *
     * @return the run's id
     * @throws CheckRunBusyException when a run is going on
     */
    public long startScheduled(YearMonth period) {
        return begin(period, Map.of(), CheckRun.SYSTEM);
    }

    private long begin(YearMonth period, Map<String, String> given, String startedBy) {
        if (period == null) {
            throw new CheckException("请给出比对月份（如2026-10）", "the check month is required (such as 2026-10)");
        }
        CheckParameters parameters = engine.defaultParameters();
        for (Map.Entry<String, String> e : (given == null ? Map.<String, String>of() : given).entrySet()) {
            parameters = parameters.with(e.getKey(), e.getValue());
        }
        synchronized (this) {
            Running current = running.get();
            if (current != null && !finishing(current)) {
                throw busy(current.id());
            }
            CheckRunLock.Held held = lock.tryAcquire().orElseThrow(() -> busy(runs.running().orElse(null)));
            long id;
            try {
                OffsetDateTime now = OffsetDateTime.now();
                int abandoned = runs.failAbandoned(now);
                if (abandoned > 0) {
                    log.warn("{} check run(s) left RUNNING by a stopped process marked FAILED", abandoned);
                }
                id = runs.nextRunId();
                runs.insertRunning(id, period, parameters, engine.rules().stream().map(RuleInfo::code).toList(),
                        startedBy, now);
            } catch (RuntimeException e) {
                held.close();
                throw e;
            }
            Running r = new Running(id, period, parameters, new RunProgressTracker(engine.rules().size()), held,
                    new CountDownLatch(1));
            running.set(r);
            try {
                executor.execute(() -> execute(r));
            } catch (RejectedExecutionException e) {
                fail(r, e);
                finish(r);
                throw new CheckException("服务正在停止，无法开始比对", "the server is stopping: no check can start");
            }
            log.info("check run {} for {} started by {} ({})", id, period, startedBy, parameters);
            return id;
        }
    }

    /**
     * Whether a run of this process has committed its outcome and is only releasing its lock (a user who sees it
     * COMPLETED and starts the next one is not refused): waits for that, briefly.
     */
    private boolean finishing(Running r) {
        if (runs.find(r.id()).map(CheckRun::status).orElse(CheckRun.Status.RUNNING) == CheckRun.Status.RUNNING) {
            return false;
        }
        try {
            return r.done().await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CheckRunBusyException busy(Long runningId) {
        String which = runningId == null ? "" : "（第" + runningId + "号）";
        return new CheckRunBusyException(new Reason(
                "另一个比对" + which + "正在运行（可能在另一个进程中），同一时间只能运行一个比对，请在它结束后再试",
                "another check run" + (runningId == null ? "" : " (run " + runningId + ")")
                        + " is running, perhaps in another process; one runs at a time: try again when it has "
                        + "finished"), runningId);
    }

    private void execute(Running r) {
        try {
            CheckResult result;
            List<DatabaseSource.ImportRead> imports;
            try (DatabaseSource source = new DatabaseSource(dataSource)) {
                result = engine.run(source, r.period(), r.parameters(), r.progress());
                imports = source.imports();
            }
            r.progress().storing();
            tx.executeWithoutResult(status -> {
                runs.storeCompleted(r.id(), result, imports, r.progress()::stored, OffsetDateTime.now());
                // inside the transaction: @TransactionalEventListener listeners hear it once, after the commit
                events.publishEvent(new CheckRunCompleted(r.id(), r.period(), result.clues().size()));
            });
            log.info("check run {} for {} completed: {} clues (read {} ms, rules {} ms)", r.id(), r.period(),
                    result.clues().size(), result.loadTime().toMillis(), result.ruleTime().toMillis());
        } catch (Throwable e) {
            fail(r, e);
            if (e instanceof Error error && !(e instanceof OutOfMemoryError)) {
                throw error;
            }
        } finally {
            finish(r);
        }
    }

    private void fail(Running r, Throwable e) {
        Reason reason;
        String detail = null;
        if (e instanceof CheckInputException input) {
            reason = input.reason();
            detail = errorLines(input);
        } else if (e instanceof CheckException check) {
            reason = check.reason();
        } else {
            String what = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            reason = new Reason("比对失败，未保存任何线索：" + what, "the check failed, no clue was stored: " + what);
        }
        log.warn("check run {} for {} failed: {}", r.id(), r.period(), reason.en(),
                e instanceof CheckException ? null : e);
        try {
            runs.markFailed(r.id(), reason, detail, OffsetDateTime.now());
        } catch (RuntimeException x) {
            log.error("cannot record check run {} as FAILED", r.id(), x);
        }
    }

    private static String errorLines(CheckInputException e) {
        List<RowError> errors = e.errors();
        if (errors.isEmpty()) {
            return null; // a missing dataset: the reason says which
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < errors.size() && i < ERROR_ROWS_KEPT; i++) {
            RowError r = errors.get(i);
            sb.append(r.file());
            if (r.row() > 0) {
                sb.append(" row ").append(r.row());
            }
            if (!r.column().isEmpty()) {
                sb.append(" column ").append(r.column());
            }
            if (!r.value().isEmpty()) {
                sb.append(" \"").append(r.value()).append('"');
            }
            sb.append(": ").append(r.reason().zh()).append(" / ").append(r.reason().en()).append('\n');
        }
        long more = e.errorCount() - Math.min(errors.size(), ERROR_ROWS_KEPT);
        if (more > 0) {
            sb.append("… and ").append(more).append(" more / 另有").append(more).append("处错误\n");
        }
        return sb.toString();
    }

    private void finish(Running r) {
        r.lock().close();
        running.compareAndSet(r, null);
        r.done().countDown();
    }

    /**
     * On start: a run left RUNNING by a process that stopped is marked FAILED (when no process holds the run lock,
     * no run is going on).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void recoverAbandonedRuns() {
        try {
            lock.tryAcquire().ifPresent(held -> {
                try {
                    int n = runs.failAbandoned(OffsetDateTime.now());
                    if (n > 0) {
                        log.warn("{} check run(s) left RUNNING by a stopped process marked FAILED", n);
                    }
                } finally {
                    held.close();
                }
            });
        } catch (RuntimeException e) {
            log.warn("cannot look for abandoned check runs: {}", e.getMessage());
        }
    }

    /** Stops a run going on (it is recorded FAILED when the database is still there). */
    @jakarta.annotation.PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ reading

    /** What the run going on in this process is doing, if one is. */
    public Optional<CheckRunProgress> progress() {
        Running r = running.get();
        return r == null ? Optional.empty() : Optional.of(r.progress().snapshot());
    }

    /** A run, with its inputs, its totals within the actor's region, and its progress while it runs here. */
    public Optional<CheckRun> run(long id, Actor actor) {
        return runs.find(id).map(r -> scoped(r, actor, r.status() == CheckRun.Status.COMPLETED
                ? clueStore.runTotals(List.of(id), actor.regionPrefix()).get(id) : null));
    }

    /** The most recent runs, newest first, with their totals within the actor's region (no inputs). */
    public List<CheckRun> runs(int limit, Actor actor) {
        List<CheckRun> recent = runs.recent(Math.max(1, Math.min(limit, 1000)));
        Map<Long, Totals> totals = clueStore.runTotals(recent.stream()
                .filter(r -> r.status() == CheckRun.Status.COMPLETED).map(CheckRun::id).toList(),
                actor.regionPrefix());
        return recent.stream().map(r -> scoped(r, actor, totals.get(r.id()))).toList();
    }

    private CheckRun scoped(CheckRun r, Actor actor, Totals totals) {
        Objects.requireNonNull(actor, "actor");
        boolean completed = r.status() == CheckRun.Status.COMPLETED;
        Totals t = completed ? (totals == null ? ZERO : totals) : null;
        Running now = running.get();
        CheckRunProgress progress = r.status() == CheckRun.Status.RUNNING && now != null && now.id() == r.id()
                ? now.progress().snapshot() : null;
        return new CheckRun(r.id(), r.period(), r.lookback(), r.windowFrom(), r.status(), r.error(), r.errorDetail(),
                r.startedBy(), r.startedAt(), r.finishedAt(), r.rules(), r.parameters(), r.inputs(), r.absent(),
                t == null ? null : t.clues(), t == null ? null : t.amountAtRisk(), t == null ? null : t.owed(),
                progress);
    }

    private static final Totals ZERO = Totals.empty();

    /** A page of a run's clues within the actor's region; empty when there is no such run. */
    public Optional<CluePage> clues(long runId, ClueQuery query, Actor actor) {
        if (runs.find(runId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(clueStore.page(runId, query, actor.regionPrefix()));
    }

    /** A run's totals per rule, per town and in all, within the actor's region; empty when there is no such run. */
    public Optional<CheckRunSummary> summary(long runId, Actor actor) {
        Optional<CheckRun> found = runs.find(runId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String scope = actor.regionPrefix();
        Map<String, Totals> byRule = clueStore.byRule(runId, scope);
        Map<String, RuleInfo> known = new LinkedHashMap<>();
        engine.rules().forEach(r -> known.put(r.code(), r));
        List<CheckRunSummary.RuleTotals> rules = new ArrayList<>();
        List<String> codes = new ArrayList<>(found.get().rules());
        byRule.keySet().stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        Totals total = ZERO;
        for (String code : codes) {
            RuleInfo info = known.get(code);
            Totals t = byRule.getOrDefault(code, ZERO);
            rules.add(new CheckRunSummary.RuleTotals(code, info == null ? "" : info.name(),
                    info == null ? "" : info.nameZh(), t));
            total = plus(total, t);
        }
        return Optional.of(new CheckRunSummary(runId, rules, clueStore.byTown(runId, scope), total));
    }

    private static Totals plus(Totals a, Totals b) {
        return new Totals(a.clues() + b.clues(), a.critical() + b.critical(), a.high() + b.high(),
                a.medium() + b.medium(), a.low() + b.low(), a.amountAtRisk().add(b.amountAtRisk()),
                a.owed().add(b.owed()));
    }

    /** Streams a run's clues within the actor's region, in clues.csv order. */
    public void forEachClue(long runId, Actor actor, Consumer<StoredClue> each) {
        readTx.executeWithoutResult(s -> clueStore.forEach(runId, actor.regionPrefix(), each));
    }

    /** Writes clues.csv of a run (the clues within the actor's region) onto the stream, and closes it. */
    public void writeCluesCsv(long runId, Actor actor, OutputStream out) throws IOException {
        try (CheckOutput.ClueCsv csv = CheckOutput.clueCsv(out)) {
            forEachClue(runId, actor, c -> csv.write(c.clue()));
        }
    }

    /** Writes summary.xlsx of a run (the clues within the actor's region) onto the stream. */
    public void writeSummaryXlsx(long runId, Actor actor, OutputStream out) throws IOException {
        CheckRun run = runs.find(runId).orElseThrow(() -> new CheckException("没有第" + runId + "号比对",
                "no check run " + runId));
        String scope = actor.regionPrefix();
        List<Clue> clues = readTx.execute(s -> clueStore.light(runId, scope));
        Map<String, RuleInfo> known = new LinkedHashMap<>();
        engine.rules().forEach(r -> known.put(r.code(), r));
        List<RuleInfo> rules = run.rules().stream().map(c -> known.getOrDefault(c, new RuleInfo(c, "", "",
                Severity.MEDIUM, List.of(), Set.of(), Set.of()))).toList();
        CheckParameters parameters = engine.defaultParameters();
        for (Map.Entry<String, String> p : run.parameters().entrySet()) {
            if (parameters.specs().stream().anyMatch(s -> s.name().equals(p.getKey()))) {
                parameters = parameters.with(p.getKey(), p.getValue());
            }
        }
        Map<String, String> towns = new LinkedHashMap<>();
        clueStore.byTown(runId, scope).forEach(t -> towns.put(t.townCode(), t.townName()));
        List<InputInfo> inputs = run.inputs().stream().map(i -> new InputInfo(i.dataset(),
                "table " + i.dataset() + " (import " + i.importId() + " " + i.fileName() + ")", "DATABASE", i.rows(),
                0, "SM3", i.contentHash() == null ? "" : i.contentHash())).toList();
        CheckResult result = new CheckResult("check run " + runId, run.period(), run.windowFrom(), run.period(), rules,
                parameters, inputs, run.absent(), clues, towns, java.time.Duration.ZERO, java.time.Duration.ZERO);
        CheckOutput.writeXlsx(result, out);
    }

    /** {@inheritDoc} Every clue of the run, wherever it is (the problem ledger assigns them to towns). */
    @Override
    public List<Clue> clues(long runId) {
        return readTx.execute(s -> clueStore.all(runId));
    }
}
