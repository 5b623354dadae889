package sunshine.checks;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import sunshine.checks.data.Regions;
import sunshine.checks.data.Snapshot;
import sunshine.checks.engine.CheckContext;
import sunshine.checks.engine.Clues;
import sunshine.checks.engine.Months;
import sunshine.checks.engine.RegionCodes;
import sunshine.checks.engine.Rule;
import sunshine.checks.load.SnapshotLoader;
import sunshine.checks.rules.Rules;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.DatasetKind;
import sunshine.contract.Reason;

/**
 * The cross-check engine: loads what the rules need from a {@link CheckSource} into one in-memory snapshot, runs
 * the rules on it in parallel, and returns the clues with the record of how they were found.
 * <pre>
 * CheckEngine engine = CheckEngine.standard();
 * CheckParameters params = engine.defaultParameters().with("A02.enterprise_capital", "50000");
 * try (CheckSource source = CheckSource.folder(dir)) {
 *     CheckResult result = engine.run(source, YearMonth.of(2026, 10), params, CheckProgress.none());
 * }
 * </pre>
 * Thread-safe; one engine may run many checks.
 */
public final class CheckEngine {

    private final List<Rule> known;
    private final List<Rule> selected;
    private final DataContract contract = DataContract.standard();

    private CheckEngine(List<Rule> known, List<Rule> selected) {
        this.known = List.copyOf(known);
        this.selected = List.copyOf(selected);
        Set<String> codes = new LinkedHashSet<>();
        for (Rule r : known) {
            if (!codes.add(r.code())) {
                throw new IllegalArgumentException("two rules with code " + r.code());
            }
            for (String d : r.requires()) {
                checkDataset(r, d);
            }
            for (String d : r.uses()) {
                checkDataset(r, d);
            }
        }
    }

    /** Every rule of rules.md implemented so far. */
    public static CheckEngine standard() {
        return of(Rules.all());
    }

    /** An engine with exactly these rules (tests, benchmarks). */
    public static CheckEngine of(List<? extends Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort((a, b) -> a.code().compareTo(b.code()));
        return new CheckEngine(sorted, sorted);
    }

    /**
     * This engine running only some of its rules; the parameters stay those of all its rules.
     *
     * @throws CheckException for an unknown code
     */
    public CheckEngine only(Collection<String> codes) {
        Map<String, Rule> byCode = known.stream().collect(Collectors.toMap(Rule::code, r -> r));
        List<Rule> chosen = new ArrayList<>();
        for (String code : new TreeMap<>(codes.stream().collect(Collectors.toMap(c -> c, c -> c, (a, b) -> a)))
                .keySet()) {
            Rule r = byCode.get(code);
            if (r == null) {
                throw new CheckException("未知规则：" + code + "（可用：" + String.join(", ", byCode.keySet()) + "）",
                        "unknown rule: " + code + " (known: " + String.join(", ", byCode.keySet()) + ")");
            }
            chosen.add(r);
        }
        return new CheckEngine(known, chosen);
    }

    /** The rules that run, by code. */
    public List<RuleInfo> rules() {
        return selected.stream().map(Rule::info).toList();
    }

    /** The defaults of every parameter of the engine's rules, {@code lookback} first. */
    public CheckParameters defaultParameters() {
        List<ParameterSpec> specs = new ArrayList<>();
        known.forEach(r -> specs.addAll(r.parameters()));
        return CheckParameters.defaults(specs);
    }

    public CheckResult run(CheckSource source, YearMonth period, CheckParameters parameters) {
        return run(source, period, parameters, CheckProgress.none());
    }

    /**
     * Runs the check for month P over the window of {@code lookback} months ending at P.
     *
     * @throws CheckInputException when a required dataset is missing or the input has bad rows
     * @throws CheckException      when the parameters are not this engine's
     */
    public CheckResult run(CheckSource source, YearMonth period, CheckParameters parameters,
                           CheckProgress progress) {
        Set<String> expected = defaultParameters().specs().stream().map(ParameterSpec::name)
                .collect(Collectors.toSet());
        Set<String> given = parameters.specs().stream().map(ParameterSpec::name).collect(Collectors.toSet());
        if (!expected.equals(given)) {
            throw new IllegalArgumentException("the parameters are not this engine's: start from defaultParameters()");
        }
        int p = Months.of(period);
        int windowFrom = p - (parameters.lookback() - 1);

        Set<String> registry = new LinkedHashSet<>(SnapshotLoader.BASE);
        Set<String> required = new LinkedHashSet<>(SnapshotLoader.BASE);
        Set<String> external = new LinkedHashSet<>();
        for (Rule r : selected) {
            required.addAll(r.requires());
            registry.addAll(r.requires());
            for (String d : r.uses()) {
                if (contract.dataset(d).kind() == DatasetKind.EXTERNAL) {
                    external.add(d);
                } else {
                    registry.add(d);
                }
            }
        }
        List<String> missing = required.stream().filter(d -> !source.has(d)).toList();
        if (!missing.isEmpty()) {
            String zh = missing.stream().map(d -> d + "（" + contract.dataset(d).label() + "）")
                    .collect(Collectors.joining("、"));
            throw new CheckInputException(new Reason(
                    "缺少必需的数据集：" + zh + "；" + source.describe(),
                    "missing required dataset" + (missing.size() > 1 ? "s" : "") + ": " + String.join(", ", missing)
                            + " in " + source.describe()), List.of(), missing.size());
        }
        List<String> absent = new ArrayList<>();
        for (Dataset d : contract.datasets()) {
            if ((registry.contains(d.name()) || external.contains(d.name())) && !source.has(d.name())) {
                absent.add(d.name());
            }
        }
        for (String d : absent) {
            progress.message("dataset " + d + " is absent: the rules that read it find nothing in it / 数据集" + d
                    + "缺失，依赖它的规则不产生线索");
        }

        long started = System.nanoTime();
        Snapshot snapshot = new SnapshotLoader(source, contract, progress).load(registry, external, windowFrom, p);
        Duration loadTime = Duration.ofNanos(System.nanoTime() - started);

        started = System.nanoTime();
        CheckContext ctx = new CheckContext(snapshot, p, parameters);
        List<Clue> clues = runRules(ctx, progress);
        Duration ruleTime = Duration.ofNanos(System.nanoTime() - started);

        Map<String, String> towns = new TreeMap<>();
        Regions regions = snapshot.regions();
        for (int r = 0; r < regions.size(); r++) {
            if (regions.isTown(r)) {
                towns.put(RegionCodes.text(regions.code(r)), regions.name(r));
            }
        }
        return new CheckResult(source.describe(), period, Months.toYearMonth(windowFrom), period, rules(), parameters,
                source.inputs(), absent, clues, towns, loadTime, ruleTime);
    }

    private List<Clue> runRules(CheckContext ctx, CheckProgress progress) {
        int threads = Math.max(1, Math.min(selected.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "check-rule");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Rule, Future<List<Clue>>> futures = new LinkedHashMap<>();
            for (Rule rule : selected) {
                futures.put(rule, pool.submit(() -> {
                    progress.ruleStarted(rule.code(), rule.name());
                    long t0 = System.nanoTime();
                    Clues out = Clues.of(rule, ctx);
                    rule.run(ctx, out);
                    progress.ruleDone(rule.code(), out.size(), Duration.ofNanos(System.nanoTime() - t0));
                    return out.list();
                }));
            }
            List<Clue> all = new ArrayList<>();
            for (Map.Entry<Rule, Future<List<Clue>>> f : futures.entrySet()) {
                try {
                    all.addAll(f.getValue().get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw new IllegalStateException("rule " + f.getKey().code() + " failed: " + cause, cause);
                }
            }
            all.sort(Clue.ORDER);
            return List.copyOf(all);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void checkDataset(Rule r, String d) {
        if (!contract.hasDataset(d)) {
            throw new IllegalArgumentException("rule " + r.code() + " names an unknown dataset " + d);
        }
    }
}
