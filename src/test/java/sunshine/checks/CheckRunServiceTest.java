package sunshine.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.checks.CheckResult.Totals;
import sunshine.checks.rules.Rules;
import sunshine.checks.server.CheckSchedule;
import sunshine.checks.source.FolderSource;
import sunshine.contract.ContractFolder;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.contract.RowError;
import sunshine.imports.ImportResult;
import sunshine.imports.ImportService;
import sunshine.imports.ImportStatus;
import sunshine.security.Actor;
import sunshine.security.Role;

/**
 * The check engine in the server against a real database: the generated county ({@link CheckScenario}) imported by
 * the importer, checked from its tables, and compared with the engine on the very files that were imported.
 * Abstract: {@link CheckRunServiceH2Test} and {@link CheckRunServicePostgresTest} run it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(CheckServerTestConfig.class)
abstract class CheckRunServiceTest {

    static final YearMonth P = YearMonth.of(2026, 10);

    @Autowired
    CheckRunService checks;
    @Autowired
    ImportService imports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    CheckServerTestConfig.Events events;

    final Actor county = CheckServerTestConfig.county();

    @BeforeEach
    void importedCountyAndNoRuns() {
        TestRule.reset();
        for (String table : List.of("check_run_clue", "clue", "check_run_town", "check_run_input", "check_run")) {
            jdbc.update("DELETE FROM " + table);
        }
        ImportResult r = imports.importFolder(CheckScenario.county(), "tester");
        assertThat(r.status()).as("import").isIn(ImportStatus.IMPORTED, ImportStatus.UNCHANGED);
        events.clear();
    }

    @AfterEach
    void releaseTheTestRule() {
        TestRule.reset();
    }

    // ------------------------------------------------------------------ helpers

    /** Waits until the run is no longer RUNNING and this process has done with it (its listeners heard it). */
    CheckRun await(long id) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            CheckRun r = checks.run(id, county).orElseThrow();
            if (r.status() != CheckRun.Status.RUNNING && checks.progress().isEmpty()) {
                return r;
            }
            sleep(50);
        }
        throw new AssertionError("check run " + id + " still running");
    }

    CheckRun runToCompletion(Map<String, String> parameters) {
        CheckRun started = checks.start(P, parameters, county);
        CheckRun done = await(started.id());
        assertThat(done.status()).as(() -> "run " + done.id() + ": " + done.error() + "\n" + done.errorDetail())
                .isEqualTo(CheckRun.Status.COMPLETED);
        return done;
    }

    /** What the same engine finds on the imported files themselves. */
    static CheckResult onTheFiles(CheckEngine engine, CheckParameters parameters) {
        try (CheckSource folder = CheckSource.folder(CheckScenario.county())) {
            return engine.run(folder, P, parameters);
        }
    }

    static CheckResult onTheFiles() {
        CheckEngine engine = CheckServerTestConfig.engine();
        return onTheFiles(engine, engine.defaultParameters());
    }

    List<StoredClue> stored(long runId) {
        List<StoredClue> out = new ArrayList<>();
        checks.forEachClue(runId, county, out::add);
        return out;
    }

    static Actor actor(Role role, String region) {
        return new Actor(role.name().toLowerCase() + "-" + region, null, role, region);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ the run and its clues

    @Test
    void theStoredCluesAreExactlyWhatTheEngineFindsInTheImportedFiles() throws IOException {
        TestRule.mode = TestRule.Mode.CENSUS;
        CheckRun started = checks.start(P, Map.of(), county);
        assertThat(started.status()).isIn(CheckRun.Status.RUNNING, CheckRun.Status.COMPLETED);
        assertThat(started.startedBy()).isEqualTo("county-user");
        CheckRun run = await(started.id());
        assertThat(run.status()).as(() -> String.valueOf(run.error())).isEqualTo(CheckRun.Status.COMPLETED);

        CheckResult expected = onTheFiles();
        assertThat(expected.clues()).as("enough clues for several batches").hasSizeGreaterThan(1000);
        List<Clue> clues = checks.clues(run.id());
        // every field of every clue, in clues.csv order
        assertThat(clues).containsExactlyElementsOf(expected.clues());
        assertThat(clues).extracting(Clue::rule, Clue::subject, Clue::variant, Clue::amountAtRisk, Clue::owed)
                .containsExactlyElementsOf(expected.clues().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.rule(), c.subject(), c.variant(),
                                c.amountAtRisk(), c.owed())).toList());

        // the rules of Rules.all() on their own, whatever they are, with the standard engine
        CheckResult standard = onTheFiles(CheckEngine.standard(), CheckEngine.standard().defaultParameters());
        Set<String> codes = Rules.all().stream().map(r -> r.code()).collect(Collectors.toSet());
        assertThat(clues.stream().filter(c -> codes.contains(c.rule())).toList())
                .containsExactlyElementsOf(standard.clues());
        assertThat(standard.clues()).as("the scenario's anomalies are found").isNotEmpty();

        // the record of the run
        assertThat(run.period()).isEqualTo(P);
        assertThat(run.lookback()).isEqualTo(12);
        assertThat(run.windowFrom()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(run.rules()).containsExactlyElementsOf(expected.rules().stream().map(RuleInfo::code).toList());
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        expected.parameters().specs().forEach(s -> parameters.put(s.name(), expected.parameters().text(s.name())));
        assertThat(run.parameters()).containsEntry("lookback", "12").containsExactlyEntriesOf(parameters);
        assertThat(run.clueCount()).isEqualTo(expected.total().clues());
        assertThat(run.amountAtRisk()).isEqualTo(expected.total().amountAtRisk());
        assertThat(run.owed()).isEqualTo(expected.total().owed());
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        assertThat(run.progress()).isNull();
        assertThat(run.absent()).isEqualTo(expected.absent());

        // what it read: each dataset's current import, with the SM3 hash of the very file and its rows
        Map<String, InputInfo> files = expected.inputs().stream()
                .collect(Collectors.toMap(InputInfo::dataset, i -> i));
        assertThat(run.inputs()).extracting(CheckRun.Input::dataset)
                .containsExactlyInAnyOrderElementsOf(files.keySet());
        for (CheckRun.Input in : run.inputs()) {
            InputInfo file = files.get(in.dataset());
            assertThat(in.contentHash()).as(in.dataset()).isEqualTo(file.hash())
                    .isEqualTo(FolderSource.sm3(CheckScenario.county().resolve(in.dataset() + ".csv")));
            assertThat(in.rows()).as(in.dataset()).isEqualTo(file.rows());
            assertThat(in.fileName()).isEqualTo(in.dataset() + ".csv");
            assertThat(in.importId()).isEqualTo(jdbc.queryForObject("SELECT id FROM import_run WHERE dataset = ? "
                    + "AND status = 'IMPORTED'", Long.class, in.dataset()));
        }

        // published once, inside the storing transaction, heard after the commit
        assertThat(events.afterCommit).hasSize(1);
        CheckServerTestConfig.Events.Heard heard = events.afterCommit.get(0);
        assertThat(heard.event()).isEqualTo(new CheckRunCompleted(run.id(), P, expected.clues().size()));
        assertThat(heard.committedStatus()).as("another connection already sees it committed")
                .isEqualTo("COMPLETED");
        assertThat(events.publishedInTransaction).containsExactly(true);
    }

    @Test
    void theDatabaseSourceGivesTheFolderSourcesTypedRows() throws IOException {
        DataContract contract = DataContract.standard();
        Path dir = CheckScenario.county();
        assertThat(ContractFolder.find(dir, contract)).hasSize(contract.datasets().size());
        try (CheckSource folder = CheckSource.folder(dir); CheckSource db = CheckSource.database(dataSource)) {
            for (Dataset d : contract.datasets()) {
                assertThat(db.has(d.name())).as(d.name()).isTrue();
                Rows fromFolder = new Rows();
                Rows fromDb = new Rows();
                folder.read(d, fromFolder);
                db.read(d, fromDb);
                assertThat(fromFolder.errors).as(d.name()).isEmpty();
                assertThat(fromDb.errors).as(d.name()).isEmpty();
                assertThat(fromDb.rows).as(d.name()).hasSize(fromFolder.rows.size());
                for (int i = 0; i < fromFolder.rows.size(); i++) {
                    List<Object> want = fromFolder.rows.get(i);
                    List<Object> got = fromDb.rows.get(i);
                    assertThat(got).as(d.name() + " row " + i).isEqualTo(want);
                    for (int c = 1; c < want.size(); c++) {
                        if (want.get(c) != null) {
                            assertThat(got.get(c)).as(d.name() + "." + d.columns().get(c - 1).name())
                                    .isInstanceOf(want.get(c).getClass());
                        }
                    }
                }
            }
            assertThat(db.inputs()).extracting(InputInfo::dataset, InputInfo::rows, InputInfo::hash)
                    .containsExactlyElementsOf(folder.inputs().stream()
                            .map(i -> org.assertj.core.groups.Tuple.tuple(i.dataset(), i.rows(), i.hash())).toList());
        }
    }

    /** Rows as a source gives them: the row number first, then the values (copied: the array is reused). */
    static final class Rows implements CheckSource.Rows {
        final List<List<Object>> rows = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();

        @Override
        public void row(long row, Object[] values) {
            List<Object> r = new ArrayList<>();
            r.add(row);
            r.addAll(Arrays.asList(values));
            rows.add(r);
        }

        @Override
        public void error(RowError error) {
            errors.add(error);
        }

        @Override
        public void warning(RowError warning) {
        }
    }

    @Test
    void aReRunKeepsEachClueItsIdentityAndEachRunWhatItFound() {
        TestRule.mode = TestRule.Mode.CENSUS;
        CheckRun first = runToCompletion(Map.of());
        List<StoredClue> firstClues = stored(first.id());
        // a shorter window: some clues gone, others with other amounts
        CheckRun second = runToCompletion(Map.of("lookback", "3"));
        List<StoredClue> secondClues = stored(second.id());

        CheckEngine engine = CheckServerTestConfig.engine();
        CheckResult expectedFirst = onTheFiles();
        CheckResult expectedSecond = onTheFiles(engine, engine.defaultParameters().with("lookback", "3"));
        assertThat(secondClues).extracting(StoredClue::clue).containsExactlyElementsOf(expectedSecond.clues());
        // the first run's clues are still exactly what it found
        assertThat(checks.clues(first.id())).containsExactlyElementsOf(expectedFirst.clues());
        assertThat(stored(first.id())).isEqualTo(firstClues.stream().map(s -> {
            boolean again = secondClues.stream().anyMatch(t -> t.clue().identity().equals(s.clue().identity()));
            return new StoredClue(s.id(), s.runId(), s.clue(), first.id(), again ? second.id() : first.id(),
                    again ? 2 : 1);
        }).toList());

        Map<String, StoredClue> before = firstClues.stream()
                .collect(Collectors.toMap(s -> s.clue().identity(), s -> s));
        int kept = 0;
        int changed = 0;
        for (StoredClue s : secondClues) {
            StoredClue b = before.get(s.clue().identity());
            if (b != null) {
                kept++;
                assertThat(s.id()).as("same rule and subject, same clue: " + s.clue().identity()).isEqualTo(b.id());
                assertThat(s.firstRunId()).isEqualTo(first.id());
                assertThat(s.lastRunId()).isEqualTo(second.id());
                assertThat(s.runCount()).isEqualTo(2);
                if (!b.clue().equals(s.clue())) {
                    changed++;
                }
            } else {
                assertThat(s.id()).isNotIn(firstClues.stream().map(StoredClue::id).toList());
                assertThat(s.firstRunId()).isEqualTo(second.id());
                assertThat(s.runCount()).isEqualTo(1);
            }
        }
        assertThat(kept).as("clues found again").isGreaterThan(1000);
        assertThat(secondClues.size()).as("clues gone with the shorter window").isLessThan(firstClues.size());
        assertThat(changed).as("clues found again with other amounts").isPositive();
        // the clue's latest fields are the latest run's
        for (StoredClue s : secondClues) {
            Map<String, Object> row = jdbc.queryForMap("SELECT amount_at_risk, evidence, last_run_id FROM clue "
                    + "WHERE id = ?", s.id());
            assertThat((BigDecimal) row.get("amount_at_risk")).isEqualByComparingTo(s.clue().amountAtRisk());
            assertThat(row.get("evidence")).isEqualTo(s.clue().evidence());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM clue", Long.class)).isEqualTo(
                firstClues.size() + secondClues.stream().filter(s -> !before.containsKey(s.clue().identity())).count());
        assertThat(events.afterCommit).extracting(h -> h.event().runId()).containsExactly(first.id(), second.id());
    }

    // ------------------------------------------------------------------ failures

    @Test
    void aRunThatFailsWhileStoringIsRecordedFailedAndStoresNothing() {
        TestRule.mode = TestRule.Mode.CENSUS;
        CheckRun good = runToCompletion(Map.of());
        List<Map<String, Object>> cluesBefore = jdbc.queryForList("SELECT * FROM clue ORDER BY id");
        events.clear();

        // thousands of clues the database takes, then one it refuses
        TestRule.mode = TestRule.Mode.BAD_CLUE;
        CheckRun bad = await(checks.start(P, Map.of(), county).id());

        assertThat(bad.status()).isEqualTo(CheckRun.Status.FAILED);
        assertThat(bad.error().en()).startsWith("the check failed, no clue was stored: ");
        assertThat(bad.error().zh()).startsWith("比对失败，未保存任何线索：");
        assertThat(bad.finishedAt()).isNotNull();
        assertThat(bad.clueCount()).isNull();
        assertThat(bad.inputs()).isEmpty();
        for (String table : List.of("check_run_clue", "check_run_town", "check_run_input")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", Long.class,
                    bad.id())).as(table).isZero();
        }
        assertThat(jdbc.queryForList("SELECT * FROM clue ORDER BY id")).as("the clues as they were")
                .isEqualTo(cluesBefore);
        assertThat(checks.clues(bad.id())).isEmpty();
        assertThat(events.afterCommit).isEmpty();
        assertThat(events.publishedInTransaction).as("the failure comes before the event is published")
                .isEmpty();
        assertThat(checks.run(good.id(), county).orElseThrow().status()).isEqualTo(CheckRun.Status.COMPLETED);

        // a rule that fails
        TestRule.mode = TestRule.Mode.THROW;
        CheckRun thrown = await(checks.start(P, Map.of(), county).id());
        assertThat(thrown.status()).isEqualTo(CheckRun.Status.FAILED);
        assertThat(thrown.error().en()).contains("rule Z98 failed").contains("the test rule fails on purpose");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM check_run_clue WHERE run_id = ?", Long.class,
                thrown.id())).isZero();
        assertThat(events.afterCommit).isEmpty();
    }

    @Test
    void aRunOnInputTheEngineRefusesIsRecordedFailedWithTheBadRows() {
        String payment = jdbc.queryForObject("SELECT payment_id FROM payments ORDER BY import_id, source_row "
                + "LIMIT 1", String.class);
        String enrollment = jdbc.queryForObject("SELECT enrollment_id FROM payments WHERE payment_id = ?",
                String.class, payment);
        long row = jdbc.queryForObject("SELECT source_row FROM payments WHERE payment_id = ?", Long.class, payment);
        jdbc.update("UPDATE payments SET enrollment_id = 'E-NOWHERE' WHERE payment_id = ?", payment);
        try {
            CheckRun run = await(checks.start(P, Map.of(), county).id());
            assertThat(run.status()).isEqualTo(CheckRun.Status.FAILED);
            // the payment, and its receipts that now name no payment
            assertThat(run.error().en()).startsWith("the input has ").contains("nothing was checked");
            assertThat(run.errorDetail()).contains("table payments row " + row + " column enrollment_id "
                    + "\"E-NOWHERE\": ");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM check_run_clue", Long.class)).isZero();
            assertThat(events.afterCommit).isEmpty();
        } finally {
            jdbc.update("UPDATE payments SET enrollment_id = ? WHERE payment_id = ?", enrollment, payment);
        }
    }

    // ------------------------------------------------------------------ one at a time

    @Test
    void aSecondRunIsRefusedWhileOneRunsHereOrInAnotherProcess() throws Exception {
        TestRule.mode = TestRule.Mode.BLOCK;
        CheckRun running = checks.start(P, Map.of(), county);
        CheckRunProgress progress = awaitProgress(running.id(), p -> p.rulesRunning().contains("Z98"));
        assertThat(progress.phase()).isEqualTo(CheckRunProgress.Phase.CHECKING);
        assertThat(progress.datasetsRead()).isGreaterThanOrEqualTo(7);
        assertThat(progress.rowsTotal()).isPositive();
        assertThat(progress.rulesTotal()).isEqualTo(checks.rules().size());
        assertThat(checks.progress()).hasValueSatisfying(p -> assertThat(p.rulesRunning()).contains("Z98"));

        assertThatThrownBy(() -> checks.start(P, Map.of(), county))
                .isInstanceOfSatisfying(CheckRunBusyException.class, e -> {
                    assertThat(e.runningId()).isEqualTo(running.id());
                    assertThat(e.reason().zh()).contains("正在运行");
                    assertThat(e.reason().en()).contains("(run " + running.id() + ") is running");
                });
        assertThatThrownBy(() -> checks.startScheduled(P)).isInstanceOf(CheckRunBusyException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM check_run", Long.class)).isOne();

        TestRule.release();
        assertThat(await(running.id()).status()).isEqualTo(CheckRun.Status.COMPLETED);
        assertThat(checks.progress()).isEmpty();

        // another process running a check holds the lock row
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM check_lock WHERE id = 1 FOR UPDATE")) {
                assertThat(rs.next()).isTrue();
            }
            assertThatThrownBy(() -> checks.start(P, Map.of(), county))
                    .isInstanceOf(CheckRunBusyException.class)
                    .hasMessageContaining("perhaps in another process");
            other.rollback();
        }
        TestRule.mode = TestRule.Mode.OFF;
        assertThat(await(checks.start(P, Map.of(), county).id()).status()).isEqualTo(CheckRun.Status.COMPLETED);
    }

    @Test
    void aRunLeftRunningByAStoppedProcessIsMarkedFailedByTheNextStart() {
        jdbc.update("INSERT INTO check_run (id, period, lookback, window_from, rules, parameters, status, started_by, "
                + "started_at) VALUES (nextval('check_run_seq'), '2026-09', 12, '2025-10', 'A01', '{}', 'RUNNING', "
                + "'someone', CURRENT_TIMESTAMP)");
        long stale = jdbc.queryForObject("SELECT id FROM check_run", Long.class);
        CheckRun run = await(checks.start(P, Map.of(), county).id());
        assertThat(run.status()).isEqualTo(CheckRun.Status.COMPLETED);
        CheckRun abandoned = checks.run(stale, county).orElseThrow();
        assertThat(abandoned.status()).isEqualTo(CheckRun.Status.FAILED);
        assertThat(abandoned.error().en()).contains("interrupted");
    }

    CheckRunProgress awaitProgress(long id, Predicate<CheckRunProgress> until) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            CheckRun r = checks.run(id, county).orElseThrow();
            assertThat(r.status()).as(() -> "run " + id + " " + r.error()).isEqualTo(CheckRun.Status.RUNNING);
            if (r.progress() != null && until.test(r.progress())) {
                return r.progress();
            }
            sleep(20);
        }
        throw new AssertionError("no such progress of run " + id);
    }

    // ------------------------------------------------------------------ who may do what, and see what

    @Test
    void onlyCountyLevelAndAboveStartRunsAndReadOnlyRolesRead() {
        for (Role role : List.of(Role.TOWN, Role.VILLAGE, Role.AUDIT, Role.DISCIPLINE)) {
            assertThatThrownBy(() -> checks.start(P, Map.of(), actor(role, CheckServerTestConfig.COUNTY)))
                    .as(role.name()).isInstanceOf(CheckAccessDeniedException.class);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM check_run", Long.class)).isZero();
        for (Role role : List.of(Role.ADMIN, Role.PROVINCE, Role.CITY, Role.COUNTY)) {
            CheckRun run = await(checks.start(P, Map.of(), actor(role, "370000000000")).id());
            assertThat(run.status()).as(role.name()).isEqualTo(CheckRun.Status.COMPLETED);
            assertThat(run.startedBy()).isEqualTo(role.name().toLowerCase() + "-370000000000");
        }
        Actor audit = actor(Role.AUDIT, CheckServerTestConfig.COUNTY);
        List<CheckRun> runs = checks.runs(10, audit);
        assertThat(runs).hasSize(4);
        assertThat(runs).extracting(CheckRun::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(checks.clues(runs.get(0).id(), ClueQuery.all(), audit)).isPresent();
        assertThat(checks.summary(runs.get(0).id(), audit)).isPresent();

        // bad requests
        assertThatThrownBy(() -> checks.start(P, Map.of("A99.nothing", "1"), county))
                .isInstanceOf(CheckException.class).hasMessageContaining("unknown parameter: A99.nothing");
        assertThatThrownBy(() -> checks.start(P, Map.of("lookback", "zero"), county))
                .isInstanceOf(CheckException.class).hasMessageContaining("lookback");
        assertThatThrownBy(() -> checks.start(null, Map.of(), county)).isInstanceOf(CheckException.class);
        assertThat(checks.clues(999_999, ClueQuery.all(), county)).isEmpty();
        assertThat(checks.run(999_999, county)).isEmpty();
    }

    @Test
    void cluesSummariesAndTotalsAreScopedToTheActorsRegion() {
        TestRule.mode = TestRule.Mode.CENSUS;
        CheckRun run = runToCompletion(Map.of());
        CheckResult expected = onTheFiles();
        List<Clue> all = expected.clues();

        // the town and the village with the most clues
        Map<String, Long> byTown = all.stream().collect(Collectors.groupingBy(c -> CheckResult.townOf(c.regionCode()),
                TreeMap::new, Collectors.counting()));
        String town = byTown.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(byTown).as("clues in several towns").hasSizeGreaterThan(3);
        Map<String, Long> byVillage = all.stream().filter(c -> c.regionCode().startsWith(town.substring(0, 9)))
                .collect(Collectors.groupingBy(Clue::regionCode, TreeMap::new, Collectors.counting()));
        String village = byVillage.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String otherTown = byTown.keySet().stream().filter(t -> !t.equals(town)).findFirst().orElseThrow();

        Actor townUser = actor(Role.TOWN, town);
        Actor villageUser = actor(Role.VILLAGE, village);
        Actor auditor = actor(Role.AUDIT, CheckServerTestConfig.COUNTY);
        for (Actor a : List.of(county, auditor, townUser, villageUser)) {
            List<Clue> visible = all.stream().filter(c -> a.canSee(c.regionCode())).toList();
            assertThat(visible).as(a.userId()).isNotEmpty();
            // every visible clue, in clues.csv order, page by page
            List<Clue> paged = new ArrayList<>();
            CluePage page;
            int n = 0;
            do {
                page = checks.clues(run.id(), ClueQuery.all().page(n++, 400), a).orElseThrow();
                assertThat(page.total()).as(a.userId()).isEqualTo(visible.size());
                page.clues().forEach(s -> paged.add(s.clue()));
            } while (!page.clues().isEmpty());
            assertThat(paged).as(a.userId()).containsExactlyElementsOf(visible);
            List<StoredClue> streamed = new ArrayList<>();
            checks.forEachClue(run.id(), a, streamed::add);
            assertThat(streamed).extracting(StoredClue::clue).containsExactlyElementsOf(visible);

            // totals of the run and the summary: of the visible clues only
            CheckResult mine = new CheckResult("", P, P, P, expected.rules(), expected.parameters(), List.of(),
                    List.of(), visible, expected.townNames(), Duration.ZERO, Duration.ZERO);
            Totals total = mine.total();
            CheckRun scoped = checks.run(run.id(), a).orElseThrow();
            assertThat(scoped.clueCount()).as(a.userId()).isEqualTo(total.clues());
            assertThat(scoped.amountAtRisk()).isEqualTo(total.amountAtRisk());
            assertThat(scoped.owed()).isEqualTo(total.owed());
            assertThat(checks.runs(5, a)).singleElement().extracting(CheckRun::clueCount).isEqualTo(total.clues());
            CheckRunSummary summary = checks.summary(run.id(), a).orElseThrow();
            assertThat(summary.total()).isEqualTo(total);
            Map<String, Totals> rules = new java.util.LinkedHashMap<>();
            summary.byRule().forEach(r -> rules.put(r.rule(), r.totals()));
            assertThat(rules).isEqualTo(mine.byRule());
            assertThat(summary.byRule()).filteredOn(r -> r.rule().equals("Z98")).singleElement()
                    .satisfies(r -> assertThat(r.nameZh()).isEqualTo("测试规则"));
            Map<String, Totals> towns = new TreeMap<>();
            summary.byTown().stream().filter(t -> t.totals().clues() > 0).forEach(t -> towns.put(t.townCode(),
                    t.totals()));
            assertThat(towns).isEqualTo(mine.byTown());
            summary.byTown().forEach(t -> {
                assertThat(a.canSee(t.townCode()) || a.regionPrefix().startsWith(t.townCode().substring(0, 9)))
                        .as(t.townCode()).isTrue();
                assertThat(t.townName()).isEqualTo(expected.townNames().get(t.townCode()));
            });
        }
        assertThat(checks.summary(run.id(), county).orElseThrow().byTown()).as("every town, also without clues")
                .hasSize((int) expected.townNames().keySet().stream().filter(t -> t.startsWith("371526")).count());

        // a town user asking for another town gets nothing; for a village of their own, its clues
        assertThat(checks.clues(run.id(), new ClueQuery(null, null, otherTown, null, null, null, 0, 50), townUser)
                .orElseThrow().total()).isZero();
        assertThat(checks.clues(run.id(), new ClueQuery(null, null, village, null, null, null, 0, 50), townUser)
                .orElseThrow().total()).isEqualTo(byVillage.get(village));
        assertThat(checks.clues(run.id(), new ClueQuery(null, null, town.substring(0, 9), null, null, null, 0, 50),
                county).orElseThrow().total()).isEqualTo(byTown.get(town));
    }

    @Test
    void cluesAreFilteredSortedAndPagedInTheDatabase() {
        TestRule.mode = TestRule.Mode.CENSUS;
        CheckRun run = runToCompletion(Map.of());
        List<Clue> all = onTheFiles().clues();

        assertQuery(run, new ClueQuery(Set.of("C01", "A01"), null, null, null, null, null, 0, 1000), all,
                c -> c.rule().equals("A01") || c.rule().equals("C01"));
        assertQuery(run, new ClueQuery(null, Set.of(Severity.HIGH, Severity.CRITICAL), null, null, null, null, 0,
                1000), all, c -> c.severity() == Severity.HIGH || c.severity() == Severity.CRITICAL);
        assertQuery(run, new ClueQuery(Set.of("Z98"), Set.of(Severity.LOW), null, "CARD", null, null, 0, 1000), all,
                c -> c.rule().equals("Z98") && c.severity() == Severity.LOW && c.variant().equals("CARD"));
        Clue some = all.stream().filter(c -> c.rule().equals("A01")).findFirst().orElse(all.get(0));
        String enrollment = some.enrollmentId().toLowerCase();
        assertQuery(run, new ClueQuery(null, null, null, null, enrollment, null, 0, 1000), all,
                c -> mentions(c, enrollment));
        assertThat(all.stream().filter(c -> mentions(c, enrollment))).as("more than one clue names it")
                .hasSizeGreaterThan(1);
        assertQuery(run, new ClueQuery(null, null, null, null, some.idNo(), null, 0, 1000), all,
                c -> mentions(c, some.idNo()));
        assertQuery(run, new ClueQuery(null, null, null, null, "100%_!", null, 0, 1000), all, c -> false);

        CluePage byAmount = checks.clues(run.id(), new ClueQuery(null, null, null, null, null,
                ClueQuery.Sort.AMOUNT, 0, 1000), county).orElseThrow();
        assertThat(byAmount.clues()).extracting(s -> s.clue().amountAtRisk())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(byAmount.clues().get(0).clue().amountAtRisk())
                .isEqualTo(all.stream().map(Clue::amountAtRisk).max(BigDecimal::compareTo).orElseThrow());
        CluePage smallest = checks.clues(run.id(), new ClueQuery(null, null, null, null, null,
                ClueQuery.Sort.AMOUNT_ASC, 0, 10), county).orElseThrow();
        assertThat(smallest.clues()).extracting(s -> s.clue().amountAtRisk()).isSorted();
        CluePage byRegion = checks.clues(run.id(), new ClueQuery(null, null, null, null, null,
                ClueQuery.Sort.REGION, 2, 500), county).orElseThrow();
        assertThat(byRegion.clues()).extracting(s -> s.clue().regionCode()).isSorted();
        assertThat(byRegion.page()).isEqualTo(2);
        assertThat(byRegion.pages()).isEqualTo((all.size() + 499) / 500);

        assertThatThrownBy(() -> new ClueQuery(null, null, "37x", null, null, null, 0, 50))
                .isInstanceOf(CheckException.class);
        assertThatThrownBy(() -> ClueQuery.Sort.parse("size")).isInstanceOf(CheckException.class);
        assertThatThrownBy(() -> ClueQuery.all().page(0, ClueQuery.MAX_SIZE + 1)).isInstanceOf(CheckException.class);
    }

    /** What the text filter means: part of the subject, card, enrollment, household or ID number. */
    static boolean mentions(Clue c, String text) {
        String t = text.toUpperCase(java.util.Locale.ROOT);
        return java.util.stream.Stream.of(c.subject(), c.cardNo(), c.enrollmentId(), c.householdId(), c.idNo())
                .anyMatch(v -> v != null && v.toUpperCase(java.util.Locale.ROOT).contains(t));
    }

    private void assertQuery(CheckRun run, ClueQuery query, List<Clue> all, Predicate<Clue> expected) {
        List<Clue> want = all.stream().filter(expected).toList();
        CluePage page = checks.clues(run.id(), query, county).orElseThrow();
        assertThat(page.total()).as(query.toString()).isEqualTo(want.size());
        assertThat(page.clues()).extracting(StoredClue::clue).as(query.toString())
                .containsExactlyElementsOf(want.subList(0, Math.min(want.size(), query.size())));
    }

    // ------------------------------------------------------------------ the schedule

    @Test
    void theScheduleStartsTheMonthsRunAsSystem() {
        new CheckSchedule(checks, "Asia/Shanghai").monthly();
        CheckRun run = checks.runs(1, county).get(0);
        assertThat(run.startedBy()).isEqualTo("system");
        assertThat(run.period()).isEqualTo(YearMonth.now(ZoneId.of("Asia/Shanghai")));
        assertThat(await(run.id()).status()).isEqualTo(CheckRun.Status.COMPLETED);
        assertThat(run.parameters()).isEqualTo(new HashMap<>(checks.defaultParameters().specs().stream()
                .collect(Collectors.toMap(ParameterSpec::name, s -> checks.defaultParameters().text(s.name())))));
    }
}
