package sunshine.imports.internal;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import sunshine.contract.RowError;

/**
 * Writes the error report of an import: every error and warning, as CSV (UTF-8 with a byte-order mark, so that
 * Excel opens it with the right encoding) and as XLSX (streamed; past 1,048,575 rows the list continues on the
 * next sheet). Columns: 文件 (file), 行号 (row; 0 for a problem of the whole file), 列 (column), 值 (value as
 * in the file), 原因 (reason in Chinese), reason (in English). Warnings are marked 警告 / Warning.
 */
public final class ReportWriter {

    /** The header row. */
    public static final List<String> HEADER = List.of("文件", "行号", "列", "值", "原因", "reason");
    /** Data rows per sheet: an XLSX sheet holds 1,048,576 rows, one of them the header. */
    public static final int SHEET_ROWS = 1_048_575;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final int sheetRows;

    public ReportWriter() {
        this(SHEET_ROWS);
    }

    /** With fewer rows per sheet (tests). */
    public ReportWriter(int sheetRows) {
        this.sheetRows = sheetRows;
    }

    /** Writes every entry of the spools, in order, to both files (replacing them). */
    public void write(List<ErrorSpool> spools, Path csv, Path xlsx) throws IOException {
        writeCsv(spools, csv);
        writeXlsx(spools, xlsx);
    }

    private void writeCsv(List<ErrorSpool> spools, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            out.write(BOM);
            try (CsvWriter csv = CsvWriter.builder().build(out, StandardCharsets.UTF_8)) {
                csv.writeRecord(HEADER);
                for (ErrorSpool spool : spools) {
                    spool.forEach(entry -> {
                        String[] cells = cells(entry);
                        for (int i = 0; i < cells.length; i++) {
                            cells[i] = csvSafe(cells[i]);
                        }
                        csv.writeRecord(cells);
                    });
                }
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeXlsx(List<ErrorSpool> spools, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            Workbook wb = new Workbook(out, "Sunshine", "1.0");
            Sheets sheets = new Sheets(wb);
            for (ErrorSpool spool : spools) {
                spool.forEach(entry -> sheets.add(entry));
            }
            sheets.finishCurrent();
            wb.finish();
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The sheets of one workbook, opened as the rows need them. */
    private final class Sheets {
        private final Workbook wb;
        private Worksheet ws;
        private int sheetNumber;
        private int row;

        Sheets(Workbook wb) throws IOException {
            this.wb = wb;
            next();
        }

        void add(ErrorSpool.Entry entry) throws IOException {
            if (row > sheetRows) {
                next();
            }
            RowError e = entry.error();
            String[] cells = cells(entry);
            ws.inlineString(row, 0, cells[0]);
            ws.value(row, 1, e.row());
            for (int c = 2; c < cells.length; c++) {
                if (cells[c] != null && !cells[c].isEmpty()) {
                    ws.inlineString(row, c, cells[c]);
                }
            }
            row++;
            if (row % 1000 == 0) {
                ws.flush();
            }
        }

        private void next() throws IOException {
            finishCurrent();
            sheetNumber++;
            ws = wb.newWorksheet(sheetNumber == 1 ? "错误报告" : "错误报告" + sheetNumber);
            for (int c = 0; c < HEADER.size(); c++) {
                ws.inlineString(0, c, HEADER.get(c));
            }
            ws.range(0, 0, 0, HEADER.size() - 1).style().bold().set();
            ws.width(0, 24);
            ws.width(1, 8);
            ws.width(2, 18);
            ws.width(3, 24);
            ws.width(4, 50);
            ws.width(5, 60);
            ws.freezePane(0, 1);
            row = 1;
        }

        void finishCurrent() throws IOException {
            if (ws != null) {
                ws.finish();
            }
        }
    }

    private static String[] cells(ErrorSpool.Entry entry) {
        RowError e = entry.error();
        String zh = e.reason().zh();
        String en = e.reason().en();
        if (entry.warning()) {
            zh = "警告：" + zh;
            en = "Warning: " + en;
        }
        return new String[] {nz(e.file()), Long.toString(e.row()), nz(e.column()), nz(e.value()), zh, en};
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * A cell as the CSV holds it: text that Excel would take for a formula (starting with =, +, -, @, a tab or a
     * carriage return) gets a leading apostrophe, so that opening a report never runs what a bad cell carried.
     * Plain numbers such as -5 are left alone.
     */
    static String csvSafe(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r'
                || (c == '-' && !PLAIN_NUMBER.matcher(s).matches())) {
            return "'" + s;
        }
        return s;
    }
}
