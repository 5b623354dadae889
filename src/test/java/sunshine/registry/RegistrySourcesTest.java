package sunshine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.checks.CheckEngine;
import sunshine.checks.CheckResult;
import sunshine.checks.CheckSource;
import sunshine.checks.Clue;
import sunshine.imports.ImportResult;
import sunshine.imports.ImportService;
import sunshine.scenario.GenerateCommand;

/**
 * The check engine run on the database ({@link RegistrySources}) finds exactly what it finds on the folder the
 * database was imported from; an overlay adds rows the engine sees as if they were stored. Abstract: run on H2 and
 * PostgreSQL by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RegistrySourcesTest {

    private static Path county;

    @Autowired
    RegistrySources sources;
    @Autowired
    ImportService imports;
    @Autowired
    JdbcTemplate jdbc;

    static synchronized Path county() {
        if (county == null) {
            Path dir = TestDatabases.newDataDir().resolve("county");
            assertThat(GenerateCommand.run("--scale", "county", "--seed", "3", "--covered", "2000", "--out",
                    dir.toString())).isZero();
            county = dir;
        }
        return county;
    }

    @BeforeAll
    void importCounty() {
        TestDatabases.clear(jdbc);
        ImportResult r = imports.importFolder(county(), "tester");
        assertThat(r.accepted()).as("import: %s", r.message()).isTrue();
    }

    @Test
    void theDatabaseGivesTheEngineWhatTheFolderGives() {
        CheckEngine engine = CheckEngine.standard();
        YearMonth p = YearMonth.of(2026, 10);
        CheckResult onFolder;
        try (CheckSource folder = CheckSource.folder(county())) {
            onFolder = engine.run(folder, p, engine.defaultParameters());
        }
        CheckResult onDatabase;
        try (CheckSource db = sources.open()) {
            onDatabase = engine.run(db, p, engine.defaultParameters());
            assertThat(db.inputs()).extracting(i -> i.dataset()).contains("enrollments", "payments", "deaths");
        }
        assertThat(onFolder.clues()).isNotEmpty();
        assertThat(onDatabase.clues()).containsExactlyElementsOf(onFolder.clues());
    }

    @Test
    void anOverlayAddsRowsAndAPersonFilterNarrowsExternalData() {
        // a death recorded for a new person of an added household, with one added payment after it
        String village = jdbc.queryForObject("SELECT MIN(code) FROM regions WHERE level = 'VILLAGE'", String.class);
        String id = sunshine.contract.IdNumbers.withCheckDigit("37152619400101999");
        Map<String, List<Object[]>> rows = Map.of(
                "households", List.<Object[]>of(new Object[]{"HX1", village, null, id, "RURAL"}),
                "persons", List.<Object[]>of(new Object[]{id, "测试", "M", LocalDate.of(1940, 1, 1), "HX1", "HEAD", null}),
                "enrollments", List.<Object[]>of(new Object[]{"EX1", "TEKUN", "HX1", id, "ACTIVE",
                        LocalDate.of(2026, 1, 5), YearMonth.of(2026, 2), null, new BigDecimal("900.00"), null, null,
                        null}),
                "enrollment_members", List.<Object[]>of(new Object[]{"EX1", id}),
                "payments", List.<Object[]>of(new Object[]{"PX1", "EX1", YearMonth.of(2026, 10),
                        new BigDecimal("900.00"), "CASH", null, LocalDate.of(2026, 10, 5), "2026年10月特困人员供养金",
                        null}));
        jdbc.update("INSERT INTO deaths (id_no, name, death_date, source, import_id, source_row) "
                + "VALUES (?, '测试', DATE '2026-08-01', 'POLICE', 0, 1)", id);
        try {
            CheckEngine a01 = CheckEngine.standard().only(Set.of("A01"));
            try (CheckSource db = sources.open(new RegistrySources.Overlay(rows, Set.of(id)))) {
                List<Clue> clues = a01.run(db, YearMonth.of(2026, 10), a01.defaultParameters()).clues();
                assertThat(clues).extracting(Clue::subject).containsExactly("EX1/" + id);
            }
            try (CheckSource db = sources.open()) {
                List<Clue> clues = a01.run(db, YearMonth.of(2026, 10), a01.defaultParameters()).clues();
                assertThat(clues).extracting(Clue::subject).doesNotContain("EX1/" + id);
            }
        } finally {
            jdbc.update("DELETE FROM deaths WHERE id_no = ?", id);
        }
    }
}
