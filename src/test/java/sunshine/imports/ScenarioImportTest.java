package sunshine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.imports.ImportResult.FileResult;
import sunshine.registry.TestDatabases;
import sunshine.scenario.GenerateCommand;

/**
 * The generated county (every dataset of the contract, some 30,000 covered persons and 200,000 payments) imports
 * cleanly with exactly the files' row counts; a corrupted copy of it ({@link ScenarioCorruptor}) is rejected with a
 * report of exactly the injected errors, and nothing is imported. Abstract: {@link ScenarioImportH2Test} and
 * {@link ScenarioImportPostgresTest} run it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class ScenarioImportTest {

    /** The county scenario, generated once per test run (seed 1). */
    private static Path county;

    @Autowired
    ImportService imports;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path tmp;

    static synchronized Path county() {
        if (county == null) {
            Path dir = TestDatabases.newDataDir().resolve("county");
            int exit = GenerateCommand.run("--scale", "county", "--seed", "1", "--out", dir.toString());
            assertThat(exit).as("generate exit code").isZero();
            county = dir;
        }
        return county;
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabases.clear(jdbc);
    }

    @Test
    void theGeneratedCountyImportsCleanlyWithExactRowCounts() {
        Path dir = county();
        Map<String, Long> expected = new LinkedHashMap<>();
        for (Dataset d : DataContract.standard().datasets()) {
            Path csv = dir.resolve(d.name() + ".csv");
            if (Files.exists(csv)) {
                expected.put(d.name(), ScenarioCorruptor.dataRows(csv));
            }
        }
        assertThat(expected).as("the scenario has every dataset").hasSize(DataContract.standard().datasets().size());

        // watch the progress while it runs, as the server and the command line do
        List<ImportProgress> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                ImportProgress p = imports.progress();
                if (p.running()) {
                    seen.add(p);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        long start = System.nanoTime();
        ImportResult r;
        try {
            r = imports.importFolder(dir, "tester");
        } finally {
            done.set(true);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try {
            watcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(imports.progress().running()).isFalse();
        assertThat(seen).as("progress seen while importing").isNotEmpty();
        assertThat(seen).anySatisfy(p -> {
            assertThat(p.phase()).isEqualTo(ImportProgress.Phase.READING);
            assertThat(p.rowsRead()).isPositive();
            assertThat(p.bytesRead()).isPositive().isLessThanOrEqualTo(p.totalBytes());
            assertThat(p.fileCount()).isEqualTo(expected.size());
            assertThat(p.file()).endsWith(".csv");
        });

        assertThat(r.errorCount()).as(() -> "errors, see " + r.reportCsv() + ": " + firstLines(r)).isZero();
        assertThat(r.status()).isEqualTo(ImportStatus.IMPORTED);
        for (FileResult f : r.files()) {
            assertThat(f.status()).as(f.dataset()).isEqualTo(ImportStatus.IMPORTED);
            assertThat(f.rows()).as(f.dataset()).isEqualTo(expected.get(f.dataset()));
        }
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + e.getKey(), Long.class))
                    .as(e.getKey()).isEqualTo(e.getValue());
        }
        long rows = expected.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("[throughput] %s: county scenario, %,d rows in %.1f s = %,.0f rows/s%n",
                getClass().getSimpleName(), rows, seconds, rows / seconds);

        // and again: unchanged, in a moment
        ImportResult again = imports.importFolder(dir, "tester");
        assertThat(again.status()).isEqualTo(ImportStatus.UNCHANGED);
    }

    @Test
    void aCorruptedCopyIsRejectedWithExactlyTheInjectedErrors() throws IOException {
        ScenarioCorruptor.Result corrupted = ScenarioCorruptor.corrupt(county(), tmp.resolve("corrupted"));

        ImportResult r = imports.importFolder(corrupted.folder(), "tester");

        assertThat(r.status()).isEqualTo(ImportStatus.REJECTED);
        List<Reports.Line> report = Reports.csv(r.reportCsv());
        assertThat(report).extracting(Reports.Line::where).containsExactlyInAnyOrderElementsOf(
                corrupted.errors().stream().map(ScenarioCorruptor.Injected::where).toList());
        assertThat(report).allSatisfy(l -> {
            assertThat(l.zh()).isNotBlank();
            assertThat(l.en()).isNotBlank();
        });
        assertThat(r.errorCount()).isEqualTo(corrupted.errors().size());
        assertThat(Reports.xlsx(r.reportXlsx())).isEqualTo(report);

        // the GBK file was read (and found clean)
        String gbkDataset = corrupted.gbkFile().replace(".csv", "");
        FileResult gbk = r.file(gbkDataset).orElseThrow();
        assertThat(gbk.format()).isEqualTo("GB18030");
        assertThat(gbk.errors()).isZero();
        assertThat(gbk.rows()).isEqualTo(ScenarioCorruptor.dataRows(county().resolve(corrupted.gbkFile())));

        // nothing imported
        for (Dataset d : DataContract.standard().datasets()) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + d.name(), Long.class)).as(d.name()).isZero();
        }
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM import_run", String.class))
                .containsExactly("REJECTED");
    }

    private static String firstLines(ImportResult r) {
        if (r.reportCsv() == null) {
            return "";
        }
        try {
            return String.join("\n", Files.readAllLines(r.reportCsv()).stream().limit(20).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
