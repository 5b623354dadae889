package sunshine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sunshine.registry.TestDatabases;

/** The {@code import} command line: exit codes, what it prints, and that it really imports (H2). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ImportCommandTest {

    static final Path DATA = TestDatabases.newDataDir();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, DATA);
    }

    @Autowired
    ImportCommand command;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void emptyDatabase() {
        TestDatabases.clear(jdbc);
    }

    private int run(String... args) {
        return command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFolderImportsAndExitsZero() {
        Fixtures fx = new Fixtures();
        Path dir = fx.write(tmp.resolve("county"));

        assertThat(run("--data", dir.toString(), "--user", "张三")).isZero();

        assertThat(out()).contains("IMPORTED", "payments", "已导入", "imported");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payments", Long.class)).isEqualTo(fx.rows("payments"));
        assertThat(jdbc.queryForObject("SELECT DISTINCT imported_by FROM import_run", String.class)).isEqualTo("张三");
    }

    @Test
    void theSameFolderAgainIsUnchangedAndExitsZero() {
        Path dir = new Fixtures().write(tmp.resolve("county"));
        assertThat(run("--data", dir.toString())).isZero();

        assertThat(run("--data", dir.toString())).isZero();

        assertThat(out()).contains("UNCHANGED");
    }

    @Test
    void aBadFileIsRejectedExitsOneAndNamesTheReport() throws Exception {
        Path dir = new Fixtures()
                .replace("persons", 2, Fixtures.HEAD_1, Fixtures.badCheckDigit(Fixtures.HEAD_1))
                .write(tmp.resolve("county"));

        assertThat(run("--data", dir.toString())).isEqualTo(1);

        assertThat(out()).contains("REJECTED", "report");
        String report = out().lines().filter(l -> l.startsWith("报告 report:")).findFirst().orElseThrow();
        Path csv = Path.of(report.substring("报告 report:".length()).strip());
        assertThat(Files.readString(csv, StandardCharsets.UTF_8))
                .contains(sunshine.security.Masking.idNumber(Fixtures.badCheckDigit(Fixtures.HEAD_1)))
                .doesNotContain(Fixtures.badCheckDigit(Fixtures.HEAD_1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM persons", Long.class)).isZero();
    }

    @Test
    void oneFileWithItsDataset() {
        Path dir = new Fixtures().write(tmp.resolve("county"));
        assertThat(run("--data", dir.toString())).isZero();
        Path renamed = tmp.resolve("人员名单.csv");
        new Fixtures().replace("persons", 2, "张伟", "张卫").write(tmp.resolve("one"));
        assertThat(tmp.resolve("one/persons.csv").toFile().renameTo(renamed.toFile())).isTrue();

        assertThat(run("--file", renamed.toString(), "--dataset", "persons")).isZero();

        assertThat(jdbc.queryForObject("SELECT name FROM persons WHERE id_no = ?", String.class, Fixtures.HEAD_1))
                .isEqualTo("张卫");
    }

    @Test
    void wrongCommandLinesExitTwoWithAMessageInBothLanguages() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("--data", "二选一", "either");

        assertThat(run("--data", tmp.toString(), "--file", "x.csv")).isEqualTo(2);
        assertThat(run("--data", tmp.toString(), "--dataset", "persons")).isEqualTo(2);
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err()).contains("unknown option: --bogus");
        assertThat(run("--file")).isEqualTo(2);
        assertThat(err()).contains("needs a value");
    }

    @Test
    void aMissingFolderOrUnknownDatasetExitsTwo() {
        assertThat(run("--data", tmp.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err()).contains("文件夹不存在", "no such folder");

        Path dir = new Fixtures().write(tmp.resolve("county"));
        assertThat(run("--file", dir.resolve("persons.csv").toString(), "--dataset", "people")).isEqualTo(2);
        assertThat(err()).contains("未知的数据集", "unknown dataset: people");
    }
}
