package sunshine.contract;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetWriterTest {

    private static final DataContract CONTRACT = DataContract.standard();
    private static final Dataset ENROLLMENTS = CONTRACT.dataset("enrollments");
    private static final Dataset PERSONS = CONTRACT.dataset("persons");
    private static final Dataset PROPERTIES = CONTRACT.dataset("properties");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String ID1 = "11010519491231002X";
    private static final String ID2 = IdNumbers.withCheckDigit("11010519800101001");
    private static final String ID3 = IdNumbers.withCheckDigit("37152620050228123");

    private final ValueParser parser = new ValueParser(CONTRACT, RegionDirectory.of(Map.of()));

    @TempDir
    Path dir;

    /** Rows of typed values as DatasetReader gives them, for three datasets that together use every value type. */
    private static final List<Object[]> ENROLLMENT_ROWS = List.of(
            new Object[] {"E-001", "DIBAO_RURAL", "H,001", ID1, "ACTIVE", LocalDate.of(2026, 1, 5),
                    YearMonth.of(2026, 2), null, new BigDecimal("650.00"), new BigDecimal("120.50"), ID2, null},
            new Object[] {"E-\"002\"", "TEKUN", "H\n002", ID3, "TERMINATED", LocalDate.of(1999, 12, 31),
                    YearMonth.of(2000, 1), YearMonth.of(2026, 10), new BigDecimal("0.00"), null, null, ID1});
    private static final List<Object[]> PERSON_ROWS = List.of(
            new Object[] {ID1, "买买提·艾力", "M", LocalDate.of(1949, 12, 31), "H1", "HEAD", 4L},
            new Object[] {ID2, "𠀀王", null, null, "H1", null, null});
    private static final List<Object[]> PROPERTY_ROWS = List.of(
            new Object[] {ID1, "京(2026)朝阳区不动产权第0001号", "RESIDENTIAL", new BigDecimal("85.5"),
                    "110105001001", LocalDate.of(2020, 6, 1)},
            new Object[] {ID2, "C2", "OTHER", new BigDecimal("120"), null, LocalDate.of(2021, 7, 2)});

    private void write(DatasetWriter w, List<Object[]> rows) throws IOException {
        for (Object[] r : rows) {
            w.write(r);
        }
    }

    private List<List<Object>> read(Path f, Dataset d) throws IOException {
        List<List<Object>> all = new ArrayList<>();
        try (DatasetReader r = DatasetReader.open(f, String.valueOf(f.getFileName()), d, parser)) {
            assertThat(r.warnings()).isEmpty();
            ParsedRow row;
            while ((row = r.next()) != null) {
                assertThat(row.errors()).as("row " + row.row()).isEmpty();
                all.add(Arrays.asList(row.values()));
            }
        }
        return all;
    }

    private static List<List<Object>> expected(List<Object[]> rows) {
        return rows.stream().map(Arrays::asList).toList();
    }

    private void roundTrip(Writer writer, String extension) throws IOException {
        for (var c : List.of(
                Map.entry(ENROLLMENTS, ENROLLMENT_ROWS),
                Map.entry(PERSONS, PERSON_ROWS),
                Map.entry(PROPERTIES, PROPERTY_ROWS))) {
            Path f = dir.resolve(c.getKey().name() + "." + extension);
            try (DatasetWriter w = writer.open(f, c.getKey())) {
                write(w, c.getValue());
                assertThat(w.rowsWritten()).isEqualTo(c.getValue().size());
            }
            assertThat(read(f, c.getKey())).as(c.getKey().name()).isEqualTo(expected(c.getValue()));
        }
    }

    private interface Writer {
        DatasetWriter open(Path f, Dataset d) throws IOException;
    }

    @Test
    void roundTripCsvUtf8WithBom() throws IOException {
        roundTrip((f, d) -> DatasetWriter.csv(f, d, StandardCharsets.UTF_8, true), "csv");
        byte[] bytes = Files.readAllBytes(dir.resolve("persons.csv"));
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    }

    @Test
    void roundTripCsvGb18030() throws IOException {
        roundTrip((f, d) -> DatasetWriter.csv(f, d, GB18030, false), "csv");
        try (RecordSource s = RecordSources.open(dir.resolve("persons.csv"))) {
            s.next();
            s.next();
            assertThat(s.format()).isEqualTo("GB18030");
        }
    }

    @Test
    void roundTripXlsx() throws IOException {
        roundTrip(DatasetWriter::xlsx, "xlsx");
    }

    @Test
    void csvTextIsCanonical() throws IOException {
        Path f = dir.resolve("enrollments.csv");
        try (DatasetWriter w = DatasetWriter.csv(f, ENROLLMENTS, StandardCharsets.UTF_8, false)) {
            write(w, ENROLLMENT_ROWS);
            w.write("E3", "ORPHAN", "H3", ID1, "ACTIVE", LocalDate.of(2026, 10, 5), YearMonth.of(2026, 10), null,
                    1000L, new BigDecimal("12.5"), null, null);
        }
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo(
                "enrollment_id,program,household_id,payee_id_no,status,approved_date,start_month,end_month,"
                        + "monthly_amount,per_capita_income,approver_id_no,investigator_id_no\r\n"
                        + "E-001,DIBAO_RURAL,\"H,001\"," + ID1 + ",ACTIVE,2026-01-05,2026-02,,650.00,120.50," + ID2
                        + ",\r\n"
                        + "\"E-\"\"002\"\"\",TEKUN,\"H\n002\"," + ID3 + ",TERMINATED,1999-12-31,2000-01,2026-10,0.00,,,"
                        + ID1 + "\r\n"
                        + "E3,ORPHAN,H3," + ID1 + ",ACTIVE,2026-10-05,2026-10,,1000.00,12.50,,\r\n");
    }

    @Test
    void writeRawWritesCellsAsGiven() throws IOException {
        Path f = dir.resolve("persons.csv");
        try (DatasetWriter w = DatasetWriter.csv(f, PERSONS, GB18030, false)) {
            w.writeRaw("110105194912310021", "张三", "男性", "1949/13/01", null);
            w.writeRaw("a", "b", "c", "d", "e", "f", "g", "extra");
            assertThat(w.rowsWritten()).isEqualTo(2);
        }
        assertThat(Files.readString(f, GB18030)).isEqualTo(
                "id_no,name,gender,birth_date,household_id,relation,disability_level\r\n"
                        + "110105194912310021,张三,男性,1949/13/01,\r\n"
                        + "a,b,c,d,e,f,g,extra\r\n");
    }

    @Test
    void xlsxCellTypes() throws IOException {
        Path f = dir.resolve("enrollments.xlsx");
        try (DatasetWriter w = DatasetWriter.xlsx(f, ENROLLMENTS)) {
            write(w, ENROLLMENT_ROWS);
            w.writeRaw("E9", "坏", "", "123");
        }
        try (RecordSource s = RecordSources.open(f)) {
            assertThat(s.header()).containsExactlyElementsOf(ENROLLMENTS.columnNames());
            Object[] r = s.next();
            assertThat(s.rowNumber()).isEqualTo(2);
            assertThat(r).containsExactly("E-001", "DIBAO_RURAL", "H,001", ID1, "ACTIVE",
                    LocalDateTime.of(2026, 1, 5, 0, 0), "2026-02", null, new BigDecimal("650"),
                    new BigDecimal("120.5"), ID2);
            s.next();
            assertThat(s.next()).containsExactly("E9", "坏", null, "123");
            assertThat(s.rowNumber()).isEqualTo(4);
            assertThat(s.next()).isNull();
        }
    }

    @Test
    void xlsxStreamsManyRows() throws IOException {
        Path f = dir.resolve("persons.xlsx");
        int n = 25_000;
        try (DatasetWriter w = DatasetWriter.xlsx(f, PERSONS)) {
            for (int i = 0; i < n; i++) {
                w.write(ID1, "人" + i, i % 2 == 0 ? "M" : "F", LocalDate.of(1950, 1, 1).plusDays(i), "H" + i, null,
                        (long) (i % 4 + 1));
            }
        }
        try (DatasetReader r = DatasetReader.open(f, "persons.xlsx", PERSONS, parser)) {
            long count = 0;
            ParsedRow row;
            ParsedRow last = null;
            while ((row = r.next()) != null) {
                assertThat(row.errors()).isEmpty();
                count++;
                last = row;
            }
            assertThat(count).isEqualTo(n);
            assertThat(last.row()).isEqualTo(n + 1);
            assertThat(last.values()).containsExactly(ID1, "人" + (n - 1), "F", LocalDate.of(1950, 1, 1).plusDays(n - 1),
                    "H" + (n - 1), null, 4L);
        }
    }

    @Test
    void refusesWhatCannotBeWrittenExactly() throws IOException {
        Path f = dir.resolve("persons.csv");
        try (DatasetWriter w = DatasetWriter.csv(f, PERSONS, StandardCharsets.UTF_8, false)) {
            assertThatThrownBy(() -> w.write(ID1, "张三")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> w.write(ID1, "张三", "M", null, "H1", null, 1.5d))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        Path e = dir.resolve("enrollments.csv");
        try (DatasetWriter w = DatasetWriter.csv(e, ENROLLMENTS, StandardCharsets.UTF_8, false)) {
            assertThatThrownBy(() -> w.write("E", "TEKUN", "H", ID1, "ACTIVE", LocalDate.of(2026, 1, 1),
                    YearMonth.of(2026, 1), null, new BigDecimal("1.005"), null, null, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        Path g = dir.resolve("persons-gbk.csv");
        try (DatasetWriter w = DatasetWriter.csv(g, PERSONS, Charset.forName("GBK"), false)) {
            assertThatThrownBy(() -> w.write(ID1, "王" + new String(Character.toChars(0x20000)), null, null, "H1",
                    null, null)).isInstanceOf(IllegalArgumentException.class);
            w.write(ID1, "王五", null, null, "H1", null, null);
        }
        assertThat(Files.readString(g, Charset.forName("GBK")))
                .endsWith("\r\n" + ID1 + ",王五,,,H1,,\r\n");
    }
}
