package sunshine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Reads error reports back, the way a user's Excel would see them. */
final class Reports {

    /** One line of a report. */
    record Line(String file, long row, String column, String value, String zh, String en) {
        /** "file|row|column|value": what a test expects. */
        String where() {
            return file + "|" + row + "|" + column + "|" + value;
        }
    }

    private Reports() {
    }

    /** The lines of a CSV report (UTF-8 with BOM), header checked and left out. */
    static List<Line> csv(Path report) {
        try {
            byte[] bytes = Files.readAllBytes(report);
            assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
            String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            List<Line> lines = new ArrayList<>();
            boolean header = true;
            for (CsvRecord r : CsvReader.builder().ofCsvRecord(text)) {
                if (header) {
                    assertThat(r.getFields()).containsExactly("文件", "行号", "列", "值", "原因", "reason");
                    header = false;
                    continue;
                }
                lines.add(new Line(r.getField(0), Long.parseLong(r.getField(1)), r.getField(2), r.getField(3),
                        r.getField(4), r.getField(5)));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of an XLSX report, all sheets, header rows checked and left out. */
    static List<Line> xlsx(Path report) {
        List<Line> lines = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(report.toFile())) {
            for (Sheet sheet : wb.getSheets().toList()) {
                List<Row> rows = sheet.read();
                assertThat(rows).isNotEmpty();
                assertThat(rows.get(0).getCellText(0)).isEqualTo("文件");
                for (Row r : rows.subList(1, rows.size())) {
                    lines.add(new Line(text(r, 0), r.getCellAsNumber(1).orElseThrow().longValueExact(), text(r, 2),
                            text(r, 3), text(r, 4), text(r, 5)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The sheet names of an XLSX report. */
    static List<String> sheets(Path report) {
        try (ReadableWorkbook wb = new ReadableWorkbook(report.toFile())) {
            return wb.getSheets().map(Sheet::getName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Row r, int i) {
        if (i >= r.getCellCount()) {
            return "";
        }
        Cell c = r.getCell(i);
        return c == null || c.getRawValue() == null ? "" : c.getText();
    }
}
