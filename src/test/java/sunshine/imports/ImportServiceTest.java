package sunshine.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import sunshine.contract.DataContract;
import sunshine.contract.Dataset;
import sunshine.imports.ImportResult.FileResult;
import sunshine.imports.internal.Sm3;
import sunshine.registry.TestDatabases;
import sunshine.security.Masking;

/**
 * The importer against a real database, on hand-written fixtures ({@link Fixtures}): a clean folder imports; each
 * kind of bad input is rejected with a report of every bad row (file, row, column, value, reason in Chinese and
 * English, as CSV and as XLSX) and leaves the tables exactly as they were; the same file twice changes nothing; a
 * corrected file replaces the earlier import (for payments: just its period) and the replaced one is kept for
 * audit. Abstract: {@link ImportServiceH2Test} and {@link ImportServicePostgresTest} run it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class ImportServiceTest {

    @Autowired
    ImportService imports;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path tmp;

    Fixtures fx;
    private int folders;

    @BeforeEach
    void emptyDatabase() {
        TestDatabases.clear(jdbc);
        fx = new Fixtures();
    }

    // ------------------------------------------------------------------ clean imports

    @Test
    void aCleanFolderImportsWhole() {
        ImportResult r = importFolder(fx);

        assertThat(r.status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(r.errorCount()).isZero();
        assertThat(r.warningCount()).isZero();
        assertThat(r.reportCsv()).isNull();
        assertThat(r.files()).extracting(FileResult::dataset).containsExactly("regions", "households", "persons",
                "enrollments", "enrollment_members", "cards", "payments", "bank_receipts");
        for (FileResult f : r.files()) {
            assertThat(f.status()).as(f.dataset()).isEqualTo(ImportStatus.IMPORTED);
            assertThat(f.rows()).as(f.dataset()).isEqualTo(fx.rows(f.dataset()));
            assertThat(f.contentHash()).hasSize(64);
            assertThat(count(f.dataset())).as(f.dataset()).isEqualTo(fx.rows(f.dataset()));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + f.dataset() + " WHERE import_id = ?", Long.class,
                    f.importId())).isEqualTo(fx.rows(f.dataset()));
            ImportRun run = imports.run(f.importId()).orElseThrow();
            assertThat(run.status()).isEqualTo(ImportStatus.IMPORTED);
            assertThat(run.batchId()).isEqualTo(r.batchId());
            assertThat(run.importedBy()).isEqualTo("tester");
            assertThat(run.archivedFile()).exists();
        }
        assertThat(r.file("payments").orElseThrow().periods()).containsExactly("2026-09", "2026-10");
        assertThat(r.rowCount()).isEqualTo(fx.files.keySet().stream().mapToLong(fx::rows).sum());

        // values as the contract types them: codes for labels, defaults, exact money, dates, months, names
        assertThat(jdbc.queryForObject("SELECT level FROM regions WHERE code = ?", String.class, Fixtures.TOWN))
                .isEqualTo("TOWN");
        assertThat(jdbc.queryForObject("SELECT urban_rural FROM households WHERE household_id = 'H002'",
                String.class)).isEqualTo("RURAL");
        assertThat(jdbc.queryForObject("SELECT gender FROM persons WHERE id_no = ?", String.class,
                Fixtures.SPOUSE_1)).isEqualTo("F");
        assertThat(jdbc.queryForObject("SELECT name FROM persons WHERE id_no = ?", String.class, Fixtures.HEAD_3))
                .isEqualTo("欧阳·娜仁");
        assertThat(jdbc.queryForObject("SELECT purpose FROM cards WHERE card_no = '6228480001'", String.class))
                .isEqualTo("SUBSIDY");
        assertThat(jdbc.queryForObject("SELECT amount FROM payments WHERE payment_id = 'P0903'", BigDecimal.class))
                .isEqualTo(new BigDecimal("980.50"));
        assertThat(jdbc.queryForObject("SELECT period FROM payments WHERE payment_id = 'P0903'", String.class))
                .isEqualTo("2026-09");
        assertThat(jdbc.queryForObject("SELECT approved_date FROM enrollments WHERE enrollment_id = 'E001'",
                LocalDate.class)).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(jdbc.queryForObject("SELECT source_row FROM payments WHERE payment_id = 'P1001'", Long.class))
                .isEqualTo(5L);
    }

    @Test
    void aGbkEncodedFileImports() {
        importFolder(fx);
        fx.replace("persons", 5, "王小明", "王小红");
        Path file = fx.write(tmp.resolve("gbk"), "persons", Charset.forName("GBK"));

        ImportResult r = imports.importFile(file, "persons.csv", Optional.empty(), "tester");

        assertThat(r.status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(r.files().get(0).format()).isEqualTo("GB18030");
        assertThat(jdbc.queryForObject("SELECT name FROM persons WHERE id_no = ?", String.class, Fixtures.CHILD_2))
                .isEqualTo("王小红");
        assertThat(jdbc.queryForObject("SELECT name FROM persons WHERE id_no = ?", String.class, Fixtures.HEAD_3))
                .isEqualTo("欧阳·娜仁");
        assertThat(count("persons")).isEqualTo(fx.rows("persons"));
    }

    @Test
    void anXlsxFileImports() throws IOException {
        importFolder(fx);
        Path file = tmp.resolve("households.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("户");
            String[][] rows = {
                    {"户编号", "所在村居", "地址", "户主身份证号", "城乡"},
                    {"H001", Fixtures.VILLAGE_1, "新华路1号", Fixtures.HEAD_1, "城市"},
                    {"H002", Fixtures.VILLAGE_2, "东关村3组", Fixtures.HEAD_2, "农村"},
                    {"H003", Fixtures.VILLAGE_2, "东关村5组", Fixtures.HEAD_3, "农村"},
                    {"H004", Fixtures.VILLAGE_1, "新华路9号", Fixtures.HEAD_1, "城市"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    ws.value(r, c, rows[r][c]);
                }
            }
            wb.finish();
        }

        ImportResult r = imports.importFile(file, "households.xlsx", Optional.empty(), "tester");

        assertThat(r.status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(r.files().get(0).format()).isEqualTo("XLSX");
        assertThat(count("households")).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT urban_rural FROM households WHERE household_id = 'H004'",
                String.class)).isEqualTo("URBAN");
    }

    @Test
    void anUnknownColumnIsAWarningAndTheFileImports() {
        importFolder(fx);
        List<String> lines = fx.lines("households");
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + (i == 0 ? ",备注" : ",无"));
        }
        Path file = fx.write(tmp.resolve("warn"), "households", StandardCharsets.UTF_8);

        ImportResult r = imports.importFile(file, "households.csv", Optional.empty(), "tester");

        assertThat(r.status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(r.errorCount()).isZero();
        assertThat(r.warningCount()).isEqualTo(1);
        List<Reports.Line> report = Reports.csv(r.reportCsv());
        assertThat(report).hasSize(1);
        assertThat(report.get(0).file()).isEqualTo("households.csv");
        assertThat(report.get(0).zh()).startsWith("警告：");
        assertThat(report.get(0).en()).startsWith("Warning: ");
        assertThat(Reports.xlsx(r.reportXlsx())).isEqualTo(report);
    }

    // ------------------------------------------------------------------ bad input: every bad row, nothing kept

    @Test
    void badCheckDigitsAreReportedRowByRow() {
        // (reports show ID numbers masked, like every screen: 371526********1234)
        importFolder(fx);
        String bad1 = Fixtures.badCheckDigit(Fixtures.SPOUSE_1);
        String bad2 = Fixtures.badCheckDigit(Fixtures.HEAD_3);
        fx.replace("persons", 3, Fixtures.SPOUSE_1, bad1).replace("persons", 6, Fixtures.HEAD_3, bad2);

        List<Reports.Line> report = assertRejected(importFolder(fx),
                "persons.csv|3|id_no|" + Masking.idNumber(bad1),
                "persons.csv|6|id_no|" + Masking.idNumber(bad2));
        assertThat(report).allSatisfy(l -> {
            assertThat(l.zh()).contains("校验位");
            assertThat(l.en()).contains("check digit");
        });
    }

    @Test
    void unknownRegionsAreReported() {
        importFolder(fx);
        fx.replace("households", 2, Fixtures.VILLAGE_1, "371526100099")
                .replace("households", 4, Fixtures.VILLAGE_2, "371526200001");

        List<Reports.Line> report = assertRejected(importFolder(fx),
                "households.csv|2|region_code|371526100099",
                "households.csv|4|region_code|371526200001");
        assertThat(report).allSatisfy(l -> assertThat(l.en()).contains("not in regions"));
    }

    @Test
    void aRegionOfTheWrongLevelIsReported() {
        importFolder(fx);
        fx.replace("households", 3, Fixtures.VILLAGE_2, Fixtures.TOWN)
                .replace("households", 4, Fixtures.VILLAGE_2, "371526");

        List<Reports.Line> report = assertRejected(importFolder(fx),
                "households.csv|3|region_code|" + Fixtures.TOWN,
                "households.csv|4|region_code|371526");
        assertThat(report).allSatisfy(l -> assertThat(l.en()).contains("level"));
    }

    @Test
    void regionsOfANewRegionsFileCountInTheSameImport() {
        importFolder(fx);
        fx.add("regions", "371526100003,西关村,VILLAGE," + Fixtures.TOWN + ",900")
                .add("households", "H004,371526100003,西关村1组," + Fixtures.HEAD_1 + ",RURAL");

        ImportResult r = importFolder(fx);

        assertThat(r.status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(r.file("persons").orElseThrow().status()).isEqualTo(ImportStatus.UNCHANGED);
        assertThat(count("regions")).isEqualTo(fx.rows("regions"));
        assertThat(count("households")).isEqualTo(4);
    }

    @Test
    void brokenDatesAreReported() {
        importFolder(fx);
        fx.replace("enrollments", 2, "2026-01-15", "2026-02-30")
                .replace("enrollments", 4, "2024-03-10", "2024/13/01");

        assertRejected(importFolder(fx),
                "enrollments.csv|2|approved_date|2026-02-30",
                "enrollments.csv|4|approved_date|2024/13/01");
    }

    @Test
    void badMoneyIsReported() {
        importFolder(fx);
        fx.replace("payments", 2, "1240.00", "12.345")
                .replace("payments", 5, "1240.00", "一千")
                .replace("payments", 7, "980.50", "-5.00");

        assertRejected(importFolder(fx),
                "payments.csv|2|amount|12.345",
                "payments.csv|5|amount|一千",
                "payments.csv|7|amount|-5.00");
    }

    @Test
    void unknownEnumValuesAreReported() {
        importFolder(fx);
        fx.replace("households", 2, "URBAN", "郊区").replace("households", 4, "RURAL", "SUBURB");

        List<Reports.Line> report = assertRejected(importFolder(fx),
                "households.csv|2|urban_rural|郊区",
                "households.csv|4|urban_rural|SUBURB");
        assertThat(report).allSatisfy(l -> assertThat(l.en()).contains("URBAN"));
    }

    @Test
    void missingRequiredValuesAreReported() {
        importFolder(fx);
        fx.replace("persons", 2, ",张伟,", ",,")
                .replace("persons", 5, ",H002,", ",,");
        fx.replace("payments", 3, "6228480002", "");

        assertRejected(importFolder(fx),
                "persons.csv|2|name|",
                "persons.csv|5|household_id|",
                "payments.csv|3|card_no|");
    }

    @Test
    void aMissingColumnRejectsTheFile() {
        importFolder(fx);
        List<String> lines = fx.lines("payments");
        for (int i = 0; i < lines.size(); i++) {
            List<String> cells = new ArrayList<>(List.of(lines.get(i).split(",", -1)));
            cells.remove(3); // amount
            lines.set(i, String.join(",", cells));
        }
        // and an error in another file of the same folder: both are reported
        String bad = Fixtures.badCheckDigit(Fixtures.HEAD_2);
        fx.replace("persons", 4, Fixtures.HEAD_2, bad);

        List<Reports.Line> report = assertRejected(importFolder(fx),
                "persons.csv|4|id_no|" + Masking.idNumber(bad),
                "payments.csv|0||");
        Reports.Line missing = report.stream().filter(l -> l.row() == 0).findFirst().orElseThrow();
        assertThat(missing.zh() + missing.en()).contains("amount");
    }

    @Test
    void aDuplicateKeyWithinTheFileReportsEveryRow() {
        importFolder(fx);
        fx.add("payments", "P0901,E001,2026-09,1240.00,CARD,6228480001,2026-09-12,9月低保金补发,B09")
                .add("payments", "P1003,E003,2026-10,980.50,CASH,,2026-10-12,10月特困供养金,B10");

        List<Reports.Line> report = assertRejected(importFolder(fx),
                "payments.csv|2|payment_id|P0901",
                "payments.csv|7|payment_id|P1003",
                "payments.csv|8|payment_id|P0901",
                "payments.csv|9|payment_id|P1003");
        assertThat(report.get(0).en()).contains("row 8");
        assertThat(report.get(2).en()).contains("row 2");
    }

    @Test
    void aDuplicateKeyOfAnEarlierImportIsReported() {
        importFolder(fx);
        long earlier = runOf("payments");
        // November's payments: one reuses September's payment id, which stays (another period)
        fx.put("payments",
                "payment_id,enrollment_id,period,amount,channel,card_no,paid_date,remark,batch_id",
                "P1101,E001,2026-11,1240.00,CARD,6228480001,2026-11-10,11月低保金,B11",
                "P0901,E002,2026-11,1500.00,CARD,6228480002,2026-11-10,11月孤儿基本生活费,B11");
        Path file = fx.write(tmp.resolve("nov"), "payments", StandardCharsets.UTF_8);

        ImportResult r = imports.importFile(file, "payments.csv", Optional.empty(), "tester");

        List<Reports.Line> report = assertRejected(r, "payments.csv|3|payment_id|P0901");
        assertThat(report.get(0).zh()).contains("#" + earlier).contains("第2行");
        assertThat(report.get(0).en()).contains("import #" + earlier).contains("row 2");
    }

    @Test
    void aMissingReferenceTargetIsReported() {
        importFolder(fx);
        fx.replace("payments", 3, ",E002,", ",E999,").replace("payments", 5, "6228480001", "6228489999");

        List<Reports.Line> report = assertRejected(importFolder(fx),
                "payments.csv|3|enrollment_id|E999",
                "payments.csv|5|card_no|6228489999");
        assertThat(report.get(0).en()).contains("enrollments.enrollment_id");
        assertThat(report.get(1).en()).contains("cards.card_no");
    }

    @Test
    void aMemberWhoIsNotInPersonsIsReported() {
        importFolder(fx);
        String stranger = Fixtures.id("37152619900707007");
        fx.add("enrollment_members", "E001," + stranger);
        Path file = fx.write(tmp.resolve("members"), "enrollment_members", StandardCharsets.UTF_8);

        List<Reports.Line> report = assertRejected(
                imports.importFile(file, "enrollment_members.csv", Optional.empty(), "tester"),
                "enrollment_members.csv|6|id_no|" + Masking.idNumber(stranger));
        assertThat(report.get(0).en()).contains("persons.id_no");
    }

    @Test
    void individualProgramsHaveExactlyOneMemberAndEveryEnrollmentOne() {
        importFolder(fx);
        fx.set("enrollment_members", 5, "E002," + Fixtures.HEAD_2); // E003 loses its member, E002 gets a second

        List<Reports.Line> report = assertRejected(importFolder(fx),
                "enrollment_members.csv|4|enrollment_id|E002",
                "enrollment_members.csv|5|enrollment_id|E002",
                "enrollment_members.csv|0|enrollment_id|E003");
        assertThat(report.get(0).en()).contains("ORPHAN").contains("exactly one");
        assertThat(report.get(2).en()).contains("no member");
    }

    @Test
    void aReplacementMustNotDropRowsThatOthersStillReferTo() {
        importFolder(fx);
        fx.lines("households").remove(3); // H003: persons and enrollments still name it
        Path file = fx.write(tmp.resolve("households"), "households", StandardCharsets.UTF_8);

        List<Reports.Line> report = assertRejected(
                imports.importFile(file, "households.csv", Optional.empty(), "tester"),
                "households.csv|0|household_id|H003",
                "households.csv|0|household_id|H003");
        assertThat(report).extracting(Reports.Line::en).anyMatch(s -> s.contains("persons.household_id"))
                .anyMatch(s -> s.contains("enrollments.household_id"));
    }

    @Test
    void anErrorInOneFileRejectsTheWholeFolder() {
        importFolder(fx);
        Map<String, Long> before = snapshot();
        fx.add("households", "H004," + Fixtures.VILLAGE_1 + ",新华路9号," + Fixtures.HEAD_1 + ",URBAN")
                .replace("payments", 2, "2026-09-10", "2026-09-31");

        ImportResult r = importFolder(fx);

        assertRejected(r, "payments.csv|2|paid_date|2026-09-31");
        assertThat(r.file("households").orElseThrow().status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(r.file("households").orElseThrow().errors()).isZero();
        assertThat(r.file("persons").orElseThrow().status()).isEqualTo(ImportStatus.UNCHANGED);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(imports.run(r.file("households").orElseThrow().importId()).orElseThrow().status())
                .isEqualTo(ImportStatus.REJECTED);
    }

    // ------------------------------------------------------------------ same file twice, replacement

    @Test
    void importingTheSameContentAgainChangesNothing() {
        ImportResult first = importFolder(fx);
        Map<String, Long> before = snapshot();

        ImportResult again = importFolder(fx);

        assertThat(again.status()).isEqualTo(ImportStatus.UNCHANGED);
        assertThat(again.files()).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(ImportStatus.UNCHANGED);
            assertThat(f.rows()).isZero();
        });
        assertThat(snapshot()).isEqualTo(before);
        for (FileResult f : first.files()) {
            assertThat(imports.run(f.importId()).orElseThrow().status()).isEqualTo(ImportStatus.IMPORTED);
        }
        ImportRun unchanged = imports.run(again.file("payments").orElseThrow().importId()).orElseThrow();
        assertThat(unchanged.status()).isEqualTo(ImportStatus.UNCHANGED);
        assertThat(unchanged.message().en()).contains("#" + first.file("payments").orElseThrow().importId());

        // a single file too, under another name
        Path copy = fx.write(tmp.resolve("copy"), "payments", StandardCharsets.UTF_8);
        ImportResult single = imports.importFile(copy, "发放名单.csv", Optional.of("payments"), "tester");
        assertThat(single.status()).isEqualTo(ImportStatus.UNCHANGED);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aCorrectedPaymentsFileReplacesJustItsPeriod() throws IOException {
        ImportResult first = importFolder(fx);
        FileResult original = first.file("payments").orElseThrow();
        Path originalFile = tmp.resolve("folder1").resolve("payments.csv");
        byte[] originalBytes = Files.readAllBytes(originalFile);

        // October again, one amount corrected
        fx.put("payments",
                "payment_id,enrollment_id,period,amount,channel,card_no,paid_date,remark,batch_id",
                "P1001,E001,2026-10,1240.00,CARD,6228480001,2026-10-10,10月低保金,B10",
                "P1002,E002,2026-10,1500.00,CARD,6228480002,2026-10-10,10月孤儿基本生活费,B10",
                "P1003,E003,2026-10,1000.00,CASH,,2026-10-10,10月特困供养金,B10");
        Path corrected = fx.write(tmp.resolve("october"), "payments", StandardCharsets.UTF_8);

        ImportResult r = imports.importFile(corrected, "payments.csv", Optional.empty(), "tester");

        assertThat(r.status()).isEqualTo(ImportStatus.IMPORTED);
        FileResult now = r.files().get(0);
        assertThat(now.periods()).containsExactly("2026-10");
        assertThat(now.replacedImportIds()).containsExactly(original.importId());
        // September stays from the first import, October is the new file's
        assertThat(count("payments")).isEqualTo(6);
        assertThat(jdbc.queryForList("SELECT DISTINCT import_id FROM payments WHERE period = '2026-09'", Long.class))
                .containsExactly(original.importId());
        assertThat(jdbc.queryForList("SELECT DISTINCT import_id FROM payments WHERE period = '2026-10'", Long.class))
                .containsExactly(now.importId());
        assertThat(jdbc.queryForObject("SELECT amount FROM payments WHERE payment_id = 'P1003'", BigDecimal.class))
                .isEqualTo(new BigDecimal("1000.00"));

        // the replaced import is kept for audit: SUPERSEDED, what it lost, and its original file
        ImportRun replaced = imports.run(original.importId()).orElseThrow();
        assertThat(replaced.status()).isEqualTo(ImportStatus.SUPERSEDED);
        assertThat(replaced.supersededBy()).isEqualTo(now.importId());
        assertThat(imports.run(now.importId()).orElseThrow().replacedImportId()).isEqualTo(original.importId());
        Map<String, Object> replacement = jdbc.queryForMap(
                "SELECT periods, row_count FROM import_replacement WHERE import_id = ? AND replaced_import_id = ?",
                now.importId(), original.importId());
        assertThat(replacement.get("periods")).isEqualTo("2026-10");
        assertThat(((Number) replacement.get("row_count")).longValue()).isEqualTo(3);
        assertThat(replaced.archivedFile()).exists();
        byte[] archived;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(replaced.archivedFile()))) {
            archived = in.readAllBytes();
        }
        assertThat(archived).isEqualTo(originalBytes);
        assertThat(Sm3.of(archived)).isEqualTo(replaced.contentHash());

        // the original file again is not "unchanged" (its import was superseded): it restores both periods
        ImportResult restored = imports.importFile(originalFile, "payments.csv", Optional.empty(), "tester");
        assertThat(restored.status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(restored.files().get(0).replacedImportIds())
                .containsExactlyInAnyOrder(original.importId(), now.importId());
        assertThat(count("payments")).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT amount FROM payments WHERE payment_id = 'P1003'", BigDecimal.class))
                .isEqualTo(new BigDecimal("980.50"));
    }

    @Test
    void aNewHouseholdsFileReplacesTheWholeDataset() {
        ImportResult first = importFolder(fx);
        long original = first.file("households").orElseThrow().importId();
        fx.add("households", "H004," + Fixtures.VILLAGE_1 + ",新华路9号," + Fixtures.HEAD_1 + ",URBAN");
        Path file = fx.write(tmp.resolve("hh"), "households", StandardCharsets.UTF_8);

        ImportResult r = imports.importFile(file, "households.csv", Optional.empty(), "tester");

        assertThat(r.status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(count("households")).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT DISTINCT import_id FROM households", Long.class))
                .containsExactly(r.files().get(0).importId());
        ImportRun replaced = imports.run(original).orElseThrow();
        assertThat(replaced.status()).isEqualTo(ImportStatus.SUPERSEDED);
        assertThat(replaced.archivedFile()).exists();
        assertThat(jdbc.queryForObject("SELECT row_count FROM import_replacement WHERE replaced_import_id = ?",
                Long.class, original)).isEqualTo(3L);
        assertThat(imports.recentRuns(1)).extracting(ImportRun::id).containsExactly(r.files().get(0).importId());
    }

    // ------------------------------------------------------------------ requests that cannot start

    @Test
    void aFileNameThatNamesNoDatasetIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("list.csv"), "a,b\n1,2\n");
        assertThatThrownBy(() -> imports.importFile(file, "list.csv", Optional.empty(), "tester"))
                .isInstanceOf(ImportRequestException.class);
        assertThatThrownBy(() -> imports.importFile(file, "list.csv", Optional.of("nonsense"), "tester"))
                .isInstanceOf(ImportRequestException.class);
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> imports.importFolder(empty, "tester")).isInstanceOf(ImportRequestException.class);
        assertThat(imports.recentRuns(10)).isEmpty();
        assertThat(imports.progress().running()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    ImportResult importFolder(Fixtures fixtures) {
        Path dir = fixtures.write(tmp.resolve("folder" + (++folders)));
        return imports.importFolder(dir, "tester");
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    long runOf(String dataset) {
        return jdbc.queryForObject("SELECT MAX(id) FROM import_run WHERE dataset = ? AND status = 'IMPORTED'",
                Long.class, dataset);
    }

    /** Row counts and import ids of every table: equal snapshots mean nothing was touched. */
    Map<String, Long> snapshot() {
        Map<String, Long> s = new LinkedHashMap<>();
        for (Dataset d : DataContract.standard().datasets()) {
            s.put(d.name() + " rows", count(d.name()));
            s.put(d.name() + " import ids", jdbc.queryForObject(
                    "SELECT COALESCE(SUM(import_id), 0) FROM " + d.name(), Long.class));
        }
        return s;
    }

    /**
     * The import was rejected, its report (CSV and the same as XLSX) lists exactly the expected errors
     * ("file|row|column|value"), each with a Chinese and an English reason, and the tables are exactly as before.
     */
    List<Reports.Line> assertRejected(ImportResult r, String... expected) {
        assertThat(r.status()).as(r.message().en()).isEqualTo(ImportStatus.REJECTED);
        assertThat(r.errorCount()).isEqualTo(expected.length);
        List<Reports.Line> report = Reports.csv(r.reportCsv());
        assertThat(report).extracting(Reports.Line::where).containsExactlyInAnyOrder(expected);
        assertThat(report).allSatisfy(l -> {
            assertThat(l.zh()).isNotBlank().matches(s -> s.codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF),
                    "has Chinese");
            assertThat(l.en()).isNotBlank().matches(s -> s.codePoints().anyMatch(Character::isLetter), "has words");
        });
        assertThat(Reports.xlsx(r.reportXlsx())).isEqualTo(report);
        for (FileResult f : r.files()) {
            assertThat(f.status()).isIn(ImportStatus.REJECTED, ImportStatus.UNCHANGED);
            if (f.status() == ImportStatus.REJECTED) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + f.dataset() + " WHERE import_id = ?",
                        Long.class, f.importId())).as("rows of a rejected file").isZero();
                assertThat(imports.run(f.importId()).orElseThrow().status()).isEqualTo(ImportStatus.REJECTED);
            }
            if (f.errors() > 0) {
                assertThat(f.reportCsv()).exists();
                assertThat(Reports.csv(f.reportCsv())).hasSize((int) (f.errors() + f.warnings()));
            }
        }
        // nothing half-imported: every table as it was after the clean import, no import run left IMPORTED
        // but the ones that were
        assertThat(snapshot()).isEqualTo(cleanSnapshot());
        return report;
    }

    /** The snapshot after importing the unmodified fixtures, computed on a fresh schema state-free basis. */
    private Map<String, Long> cleanSnapshot() {
        Map<String, Long> s = new LinkedHashMap<>();
        Fixtures clean = new Fixtures();
        for (Dataset d : DataContract.standard().datasets()) {
            long rows = clean.files.containsKey(d.name()) ? clean.rows(d.name()) : 0;
            s.put(d.name() + " rows", rows);
            Long id = jdbc.queryForObject("SELECT MIN(id) FROM import_run WHERE dataset = ? AND status = 'IMPORTED'",
                    Long.class, d.name());
            s.put(d.name() + " import ids", id == null ? 0 : id * rows);
        }
        return s;
    }
}
