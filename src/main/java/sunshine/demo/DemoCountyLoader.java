package sunshine.demo;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import sunshine.checks.CheckRun;
import sunshine.checks.CheckRunService;
import sunshine.imports.ImportResult;
import sunshine.imports.ImportService;
import sunshine.scenario.GenerateCommand;
import sunshine.security.Actor;

/**
 * Loads the generated demo county into an empty embedded database after the server has started, in the background,
 * so the pages answer (and show the import's progress) while it loads; once the import is done, runs a check
 * (every rule, the rules.md defaults, started by {@code system}) for the scenario's check month, so that the clues,
 * the problem ledger and the dashboard have content at first sight, and prints its outcome in the start-up log.
 */
@Component
@ConditionalOnProperty(name = "sunshine.demo.load", havingValue = "true")
class DemoCountyLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoCountyLoader.class);
    static final String SEED = "1";
    /** The check month the demo county is generated around (its payments run for the twelve months up to it). */
    static final YearMonth PERIOD = YearMonth.of(2026, 10);
    /** How long the loader waits for the first check run before it stops watching (the run goes on). */
    static final Duration CHECK_WAIT = Duration.ofMinutes(30);

    private final ImportService imports;
    private final CheckRunService checks;
    private final Path dataDir;
    private final String datasourceUrl;
    private final String covered;

    DemoCountyLoader(ImportService imports, CheckRunService checks, @Value("${sunshine.data-dir}") Path dataDir,
                     @Value("${spring.datasource.url}") String datasourceUrl,
                     @Value("${sunshine.demo.covered:}") String covered) {
        this.imports = imports;
        this.checks = checks;
        this.dataDir = dataDir;
        this.datasourceUrl = datasourceUrl;
        this.covered = covered == null ? "" : covered.trim();
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenEmpty() {
        if (!datasourceUrl.startsWith("jdbc:h2:")) {
            log.info("demo county not loaded: the database is not the embedded one");
            return;
        }
        if (!imports.recentRuns(1).isEmpty()) {
            return;
        }
        Thread loader = new Thread(this::load, "demo-county");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * Generates (once) and imports the demo county, then runs the first check and waits for it.
     *
     * @return the first check run as it ended (or as it was when the loader stopped waiting); empty when the county
     *         could not be loaded or the check could not start
     */
    Optional<CheckRun> load() {
        try {
            Path dir = dataDir.resolve("demo").resolve("county-seed-" + SEED);
            if (!Files.isRegularFile(dir.resolve("ground_truth.csv"))) {
                log.info("生成演示县数据 generating the demo county into {}", dir.toAbsolutePath());
                List<String> args = new ArrayList<>(List.of("--scale", "county", "--seed", SEED,
                        "--period", PERIOD.toString(), "--out", dir.toString()));
                if (!covered.isEmpty()) {
                    args.addAll(List.of("--covered", covered));
                }
                int exit = GenerateCommand.run(args.toArray(String[]::new));
                if (exit != 0) {
                    log.error("the demo county could not be generated (exit code {})", exit);
                    return Optional.empty();
                }
            }
            log.info("导入演示县数据 importing the demo county from {}", dir.toAbsolutePath());
            ImportResult result = imports.importFolder(dir, "demo");
            log.info("{} / {}", result.message().zh(), result.message().en());
            if (!result.accepted()) {
                return Optional.empty();
            }
            return firstCheck();
        } catch (RuntimeException e) {
            log.error("the demo county could not be loaded", e);
            return Optional.empty();
        }
    }

    /** Runs every rule for the scenario's check month over what was just imported, and reports its outcome. */
    private Optional<CheckRun> firstCheck() {
        log.info("比对演示县数据 checking the demo county for {}", PERIOD);
        long id = checks.startScheduled(PERIOD);
        Actor everything = Actor.system(DemoUsers.PROVINCE);
        long deadline = System.nanoTime() + CHECK_WAIT.toNanos();
        CheckRun run = checks.run(id, everything).orElseThrow();
        while (run.status() == CheckRun.Status.RUNNING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(run);
            }
            run = checks.run(id, everything).orElseThrow();
        }
        System.out.println(banner(run));
        return Optional.of(run);
    }

    /** The start-up log's banner for the first check run. */
    static String banner(CheckRun run) {
        String line = "=".repeat(78);
        StringBuilder sb = new StringBuilder("\n").append(line).append('\n');
        switch (run.status()) {
            case COMPLETED -> {
                BigDecimal amount = run.amountAtRisk() == null ? BigDecimal.ZERO : run.amountAtRisk();
                sb.append(String.format("  演示县首次比对完成：第%d号比对，比对月份%s，线索%,d条，涉及金额%,.2f元%n",
                        run.id(), run.period(), run.clueCount(), amount));
                sb.append(String.format("  demo county checked: check run %d for %s, %,d clues, %,.2f yuan at risk%n",
                        run.id(), run.period(), run.clueCount(), amount));
                sb.append("  线索已进入问题台账，概览页显示风险概况 / the clues are in the problem ledger;")
                        .append(" the overview shows the dashboard\n");
            }
            case FAILED -> sb.append(String.format("  演示县首次比对失败 / the demo county's first check run %d failed:"
                    + " %s%n", run.id(), run.error() == null ? "" : run.error().zh() + " / " + run.error().en()));
            default -> sb.append(String.format("  演示县首次比对（第%d号）仍在运行 / the demo county's first check run %d"
                    + " is still running%n", run.id(), run.id()));
        }
        return sb.append(line).toString();
    }
}
