package sunshine.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sunshine.contract.Reason;
import sunshine.contract.RowError;

/** The error report files: CSV with BOM, XLSX continued on further sheets, cells that are not formulas. */
class ReportWriterTest {

    @TempDir
    Path tmp;

    @Test
    void anXlsxReportContinuesOnTheNextSheetWhenOneIsFull() throws IOException {
        try (ErrorSpool spool = new ErrorSpool(tmp)) {
            for (int i = 1; i <= 7; i++) {
                spool.error(new RowError("payments.csv", i + 1, "amount", "x" + i, new Reason("金额错误", "bad amount")));
            }
            Path csv = tmp.resolve("r.csv");
            Path xlsx = tmp.resolve("r.xlsx");
            new ReportWriter(3).write(List.of(spool), csv, xlsx);

            try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
                List<Sheet> sheets = wb.getSheets().toList();
                assertThat(sheets).extracting(Sheet::getName).containsExactly("错误报告", "错误报告2", "错误报告3");
                List<String> values = new java.util.ArrayList<>();
                for (Sheet s : sheets) {
                    List<Row> rows = s.read();
                    assertThat(rows.get(0).getCellText(0)).isEqualTo("文件");
                    assertThat(rows.size() - 1).isLessThanOrEqualTo(3);
                    rows.subList(1, rows.size()).forEach(r -> values.add(r.getCellText(3)));
                }
                assertThat(values).containsExactly("x1", "x2", "x3", "x4", "x5", "x6", "x7");
            }
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF文件,行号,列,值,原因,reason");
            assertThat(text.lines()).hasSize(8);
        }
    }

    @Test
    void csvCellsThatExcelWouldRunAsFormulasAreQuoted() {
        assertThat(ReportWriter.csvSafe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(ReportWriter.csvSafe("+1+2")).isEqualTo("'+1+2");
        assertThat(ReportWriter.csvSafe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportWriter.csvSafe("-1+2")).isEqualTo("'-1+2");
        assertThat(ReportWriter.csvSafe("-5.00")).isEqualTo("-5.00");
        assertThat(ReportWriter.csvSafe("张伟")).isEqualTo("张伟");
        assertThat(ReportWriter.csvSafe("")).isEqualTo("");
    }

    @Test
    void warningsAreMarkedAndLongValuesSurviveTheSpool() throws IOException {
        String longValue = "长".repeat(100_000);
        try (ErrorSpool spool = new ErrorSpool(tmp)) {
            spool.warning(new RowError("households.csv", 1, "备注", "", new Reason("未知列，已忽略", "unknown column, ignored")));
            spool.error(new RowError("households.csv", 2, "address", longValue, new Reason("文本过长", "text too long")));
            assertThat(spool.errors()).isEqualTo(1);
            assertThat(spool.warnings()).isEqualTo(1);
            Path csv = tmp.resolve("w.csv");
            new ReportWriter().write(List.of(spool), csv, tmp.resolve("w.xlsx"));
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines.get(1)).isEqualTo("households.csv,1,备注,,警告：未知列，已忽略,Warning: unknown column, ignored"
                    .replace("Warning: unknown column, ignored", "\"Warning: unknown column, ignored\""));
            assertThat(lines.get(2)).contains(longValue);
        }
    }
}
