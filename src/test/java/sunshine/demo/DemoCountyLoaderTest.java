package sunshine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sunshine.checks.CheckRun;
import sunshine.checks.CheckRunService;
import sunshine.imports.ImportService;
import sunshine.ledger.LedgerQuery;
import sunshine.ledger.LedgerService;
import sunshine.registry.TestDatabases;
import sunshine.security.Actor;

/**
 * The demo county's first start: generated, imported, and checked for the scenario's check month, so that the
 * clues, the ledger and the dashboard have content at once (a small county, 3,000 covered persons, to keep it
 * quick; the server uses the full-size one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DemoCountyLoaderTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @Autowired
    ImportService imports;
    @Autowired
    CheckRunService checks;
    @Autowired
    LedgerService ledger;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void firstStartImportsTheCountyAndChecksItsCheckMonth() throws Exception {
        String url = "jdbc:h2:file:" + DATA.resolve("sunshine");
        // never on the production database
        new DemoCountyLoader(imports, checks, DATA, "jdbc:postgresql://db/sunshine", "3000").loadWhenEmpty();
        assertThat(imports.recentRuns(1)).isEmpty();

        DemoCountyLoader loader = new DemoCountyLoader(imports, checks, DATA, url, "3000");
        Optional<CheckRun> first = loader.load();

        assertThat(imports.recentRuns(1)).hasSize(1);
        assertThat(first).isPresent();
        CheckRun run = first.get();
        assertThat(run.status()).isEqualTo(CheckRun.Status.COMPLETED);
        assertThat(run.period()).isEqualTo(DemoCountyLoader.PERIOD);
        assertThat(run.startedBy()).isEqualTo(CheckRun.SYSTEM);
        assertThat(run.clueCount()).isPositive();
        assertThat(run.amountAtRisk()).isPositive();
        // the stored run is the one the loader reports, whole
        Integer stored = jdbc.queryForObject("select count(*) from check_run_clue where run_id = ?", Integer.class,
                run.id());
        assertThat(stored).isEqualTo(run.clueCount());
        assertThat(checks.runs(10, Actor.system(DemoUsers.PROVINCE))).extracting(CheckRun::id)
                .containsExactly(run.id());

        // the ledger takes the clues in after the run's commit: the county's ledger fills
        Actor county = new Actor("demo.county", "县局", sunshine.security.Role.COUNTY, DemoUsers.COUNTY);
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<?> items = List.of();
        while (items.isEmpty() && System.nanoTime() < until) {
            items = ledger.search(county, new LedgerQuery(null, null, null, null, null, 10, 0));
            if (items.isEmpty()) {
                Thread.sleep(200);
            }
        }
        assertThat(items).isNotEmpty();

        // the start-up log says what was found
        String banner = DemoCountyLoader.banner(run);
        assertThat(banner).contains("演示县首次比对完成", "第" + run.id() + "号比对", "2026-10",
                "check run " + run.id() + " for 2026-10", String.format("%,d clues", run.clueCount()),
                String.format("%,.2f yuan", run.amountAtRisk()));

        // a later start changes nothing: something was imported
        int files = imports.recentRuns(1000).size();
        loader.loadWhenEmpty();
        assertThat(imports.recentRuns(1000)).hasSize(files);
        assertThat(checks.runs(10, Actor.system(DemoUsers.PROVINCE))).hasSize(1);
        assertThat(run.amountAtRisk().scale()).isLessThanOrEqualTo(2);
        assertThat(run.amountAtRisk()).isGreaterThan(BigDecimal.ZERO);
    }
}
