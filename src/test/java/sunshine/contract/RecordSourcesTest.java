package sunshine.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordSourcesTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    private Path file(String name, byte[]... parts) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            for (byte[] p : parts) {
                out.write(p);
            }
        }
        return f;
    }

    /** A record and the row number the source gave it. */
    private record Read(long row, List<Object> cells) {
    }

    private static List<Read> readAll(RecordSource source) throws IOException {
        List<Read> all = new ArrayList<>();
        Object[] r;
        while ((r = source.next()) != null) {
            all.add(new Read(source.rowNumber(), Arrays.asList(r)));
        }
        return all;
    }

    private static Read read(long row, Object... cells) {
        return new Read(row, Arrays.asList(cells));
    }

    @Nested
    class Csv {

        @Test
        void utf8WithBom() throws IOException {
            Path f = file("a.csv", UTF8_BOM, "姓名,地址\r\n张三,北京市·朝阳区\r\n".getBytes(StandardCharsets.UTF_8));
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(s.header()).containsExactly("姓名", "地址");
                assertThat(readAll(s)).containsExactly(read(2, "张三", "北京市·朝阳区"));
                assertThat(s.format()).isEqualTo("UTF-8");
                assertThat(s.bytesRead()).isEqualTo(Files.size(f));
            }
        }

        @Test
        void utf8WithoutBom() throws IOException {
            Path f = file("a.csv", "name,city\n欧阳·娜娜,廣州\n".getBytes(StandardCharsets.UTF_8));
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(s.header()).containsExactly("name", "city");
                assertThat(readAll(s)).containsExactly(read(2, "欧阳·娜娜", "廣州"));
                assertThat(s.format()).isEqualTo("UTF-8");
            }
        }

        @Test
        void pureAsciiIsUtf8() throws IOException {
            Path f = file("a.csv", "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII));
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(readAll(s)).containsExactly(read(2, "1", "2"));
                assertThat(s.format()).isEqualTo("UTF-8");
            }
        }

        @Test
        void gbk() throws IOException {
            Path f = file("a.csv", "姓名,地址\r\n张三,北京市朝阳区\r\n李四,上海\r\n".getBytes(GBK));
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(s.header()).containsExactly("姓名", "地址");
                assertThat(readAll(s)).containsExactly(read(2, "张三", "北京市朝阳区"), read(3, "李四", "上海"));
                assertThat(s.format()).isEqualTo("GB18030");
            }
        }

        @Test
        void gb18030FourByteCharacter() throws IOException {
            String rare = new String(Character.toChars(0x20000)); // 𠀀, outside GBK
            assertThat(GBK.newEncoder().canEncode(rare)).isFalse();
            byte[] bytes = ("name\n王" + rare + "\n").getBytes(GB18030);
            Path f = file("a.csv", bytes);
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(readAll(s)).containsExactly(read(2, "王" + rare));
                assertThat(s.format()).isEqualTo("GB18030");
            }
        }

        @Test
        void asciiForMegabytesThenGbk() throws IOException {
            ByteArrayOutputStream ascii = new ByteArrayOutputStream();
            ascii.writeBytes("id,name\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 200_000; i++) {
                ascii.writeBytes((i + ",abcdefgh\n").getBytes(StandardCharsets.US_ASCII));
            }
            Path f = file("a.csv", ascii.toByteArray(), "200000,张三丰\n".getBytes(GBK));
            assertThat(Files.size(f)).isGreaterThan(2 * 1024 * 1024);
            try (RecordSource s = RecordSources.open(f)) {
                Object[] r;
                Object[] last = null;
                long count = 0;
                while ((r = s.next()) != null) {
                    count++;
                    last = r;
                    if (count == 100_000) {
                        assertThat(s.format()).isEqualTo("UTF-8"); // undecided so far: plain ASCII
                    }
                }
                assertThat(count).isEqualTo(200_001);
                assertThat(last).containsExactly("200000", "张三丰");
                assertThat(s.rowNumber()).isEqualTo(200_002);
                assertThat(s.format()).isEqualTo("GB18030");
            }
        }

        @Test
        void asciiThenUtf8() throws IOException {
            ByteArrayOutputStream ascii = new ByteArrayOutputStream();
            ascii.writeBytes("id,name\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100_000; i++) {
                ascii.writeBytes((i + ",abcdefgh\n").getBytes(StandardCharsets.US_ASCII));
            }
            Path f = file("a.csv", ascii.toByteArray(), "100000,张三丰\n".getBytes(StandardCharsets.UTF_8));
            try (RecordSource s = RecordSources.open(f)) {
                List<Read> all = readAll(s);
                assertThat(all).hasSize(100_001);
                assertThat(all.get(100_000)).isEqualTo(read(100_002, "100000", "张三丰"));
                assertThat(s.format()).isEqualTo("UTF-8");
            }
        }

        @Test
        void validInNeitherEncoding() throws IOException {
            Path f = file("bad.csv", "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF,
                    (byte) 0xFF}, ",x\n".getBytes(StandardCharsets.US_ASCII));
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(s.next()).containsExactly("1", "2");
                assertThatThrownBy(s::next)
                        .isInstanceOfSatisfying(ContractFileException.class, e -> {
                            assertThat(e.file()).isEqualTo("bad.csv");
                            assertThat(e.reason().zh())
                                    .isEqualTo("文件编码无法识别：既不是有效的UTF-8也不是GB18030（约第3行）");
                            assertThat(e.reason().en())
                                    .isEqualTo("file is valid neither as UTF-8 nor as GB18030 (near row 3)");
                        });
            }
        }

        @Test
        void gbkThenInvalidBytes() throws IOException {
            Path f = file("bad.csv", "姓名\n张三\n李四\n".getBytes(GBK), new byte[] {(byte) 0x80, '\n'});
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(s.next()).containsExactly("张三");
                assertThat(s.next()).containsExactly("李四");
                assertThatThrownBy(s::next).isInstanceOfSatisfying(ContractFileException.class,
                        e -> assertThat(e.reason().en()).endsWith("(near row 4)"));
            }
        }

        @Test
        void utf8ThenGbkFarAwayIsRefusedNotMisread() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("name\n张三\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20_000; i++) {
                body.writeBytes("abcdefghij\n".getBytes(StandardCharsets.US_ASCII));
            }
            body.writeBytes("李四\n".getBytes(GBK)); // row 20003
            Path f = file("mixed.csv", body.toByteArray());
            try (RecordSource s = RecordSources.open(f)) {
                assertThatThrownBy(() -> readAll(s)).isInstanceOfSatisfying(ContractFileException.class,
                        e -> assertThat(e.reason().zh()).endsWith("（约第20003行）"));
                assertThat(s.format()).isEqualTo("UTF-8");
            }
        }

        @Test
        void utf16IsRefused() throws IOException {
            byte[] bom = {(byte) 0xFF, (byte) 0xFE};
            Path f = file("a.csv", bom, "a,b\n".getBytes(StandardCharsets.UTF_16LE));
            assertThatThrownBy(() -> RecordSources.open(f)).isInstanceOfSatisfying(ContractFileException.class,
                    e -> assertThat(e.reason().en()).contains("UTF-16"));
        }

        @Test
        void quotesNewlinesAndBlankRecords() throws IOException {
            String csv = "id,remark\r\n"
                    + "1,\"first line\r\nsecond line\"\r\n"        // row 2, two physical lines
                    + "2,\"say \"\"hi\"\", then, go\"\r\n"          // row 3
                    + "\r\n"                                       // row 4: blank, skipped
                    + " , \r\n"                                    // row 5: blank cells, skipped
                    + "3,\"multi\nline\nthree\"\n"                // row 6
                    + "4,\"\"\n";                                  // row 7
            Path f = file("a.csv", csv.getBytes(StandardCharsets.UTF_8));
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(readAll(s)).containsExactly(
                        read(2, "1", "first line\r\nsecond line"),
                        read(3, "2", "say \"hi\", then, go"),
                        read(6, "3", "multi\nline\nthree"),
                        read(7, "4", null));
            }
        }

        @Test
        void recordsWithMoreOrFewerCellsThanTheHeader() throws IOException {
            Path f = file("a.csv", "a,b\n1,2,3\n4\n".getBytes(StandardCharsets.UTF_8));
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(readAll(s)).containsExactly(read(2, "1", "2", "3"), read(3, "4"));
            }
        }

        @Test
        void headerAfterBlankLinesKeepsSpreadsheetRowNumbers() throws IOException {
            Path f = file("a.csv", "\n,,\na,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(s.header()).containsExactly("a", "b");
                assertThat(s.rowNumber()).isEqualTo(3);
                assertThat(readAll(s)).containsExactly(read(4, "1", "2"));
            }
        }

        @Test
        void emptyFileHasNoHeader() throws IOException {
            Path empty = file("a.csv");
            Path blank = file("b.csv", "\r\n , \r\n".getBytes(StandardCharsets.UTF_8));
            for (Path f : List.of(empty, blank)) {
                assertThatThrownBy(() -> RecordSources.open(f)).isInstanceOfSatisfying(ContractFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(new Reason("文件为空或没有表头",
                                "the file is empty or has no header row")));
            }
        }

        @Test
        void unclosedQuoteIsAFileError() throws IOException {
            Path f = file("a.csv", "a,b\n1,\"open\n2,3\n".getBytes(StandardCharsets.UTF_8));
            try (RecordSource s = RecordSources.open(f)) {
                assertThatThrownBy(() -> readAll(s)).isInstanceOfSatisfying(ContractFileException.class,
                        e -> assertThat(e.reason().en()).startsWith("malformed CSV (near row 2)"));
            }
        }
    }

    @Nested
    class Xlsx {

        @Test
        void typedCellsBlankRowsAndRowNumbers() throws IOException {
            Path f = dir.resolve("a.xlsx");
            try (OutputStream out = Files.newOutputStream(f)) {
                Workbook wb = new Workbook(out, "test", "1.0");
                Worksheet ws = wb.newWorksheet("first");
                ws.value(0, 0, "姓名");
                ws.value(0, 1, "日期");
                ws.value(0, 2, "金额");
                ws.value(0, 3, "身份证号");
                ws.value(0, 4, "是否");
                ws.value(1, 0, "张三");
                ws.value(1, 1, LocalDate.of(2026, 10, 5));
                ws.style(1, 1).format("yyyy-mm-dd").set();
                ws.value(1, 2, new BigDecimal("1234.5"));
                ws.value(1, 3, "11010519491231002X");
                ws.value(1, 4, Boolean.TRUE);
                // row 3: only formatting and an empty string, i.e. blank
                ws.value(2, 0, "");
                ws.style(2, 1).fillColor("FF0000").set();
                ws.inlineString(3, 0, "李四");
                ws.value(3, 2, 45000);
                ws.value(3, 1, LocalDate.of(2026, 1, 31));
                ws.style(3, 1).format("yyyy\"年\"m\"月\"d\"日\"").set();
                ws.value(4, 2, 0.30000000000000004); // as Excel stores 0.1+0.2
                wb.newWorksheet("second").value(0, 0, "not read");
                wb.finish();
            }
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(s.format()).isEqualTo("XLSX");
                assertThat(s.header()).containsExactly("姓名", "日期", "金额", "身份证号", "是否");
                assertThat(s.rowNumber()).isEqualTo(1);
                List<Read> all = readAll(s);
                assertThat(all).containsExactly(
                        read(2, "张三", LocalDateTime.of(2026, 10, 5, 0, 0), new BigDecimal("1234.5"),
                                "11010519491231002X", Boolean.TRUE),
                        read(4, "李四", LocalDateTime.of(2026, 1, 31, 0, 0), new BigDecimal("45000")),
                        read(5, null, null, new BigDecimal("0.3")));
                assertThat(s.bytesRead()).isEqualTo(Files.size(f));
            }
        }

        @Test
        void progressFollowsTheSheetsDimension() throws IOException {
            Path f = dir.resolve("a.xlsx");
            try (OutputStream out = Files.newOutputStream(f)) {
                Workbook wb = new Workbook(out, "test", "1.0");
                Worksheet ws = wb.newWorksheet("s");
                ws.value(0, 0, "a");
                for (int i = 1; i <= 100; i++) {
                    ws.value(i, 0, i);
                }
                wb.finish();
            }
            try (RecordSource s = RecordSources.open(f)) {
                s.next();
                assertThat(s.bytesRead()).isZero(); // a streaming writer states no dimension ("A1")
            }
            // as Excel writes it: the sheet's dimension up front
            Path excel = dir.resolve("excel.xlsx");
            try (ZipFile in = new ZipFile(f.toFile());
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(excel))) {
                for (ZipEntry e : Collections.list(in.entries())) {
                    byte[] content = in.getInputStream(e).readAllBytes();
                    if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                        String xml = new String(content, StandardCharsets.UTF_8);
                        assertThat(xml).contains("<dimension ref=\"A1\"/>");
                        content = xml.replace("<dimension ref=\"A1\"/>", "<dimension ref=\"A1:A101\"/>")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
            long size = Files.size(excel);
            try (RecordSource s = RecordSources.open(excel)) {
                for (int i = 0; i < 50; i++) {
                    s.next();
                }
                assertThat(s.rowNumber()).isEqualTo(51);
                assertThat(s.bytesRead()).isEqualTo((long) (size * (51 / 101.0)));
                readAll(s);
                assertThat(s.bytesRead()).isEqualTo(size);
            }
        }

        @Test
        void xlsxRenamedToXlsIsReadByContent() throws IOException {
            Path f = dir.resolve("a.xls");
            try (OutputStream out = Files.newOutputStream(f)) {
                Workbook wb = new Workbook(out, "test", "1.0");
                Worksheet ws = wb.newWorksheet("s");
                ws.value(0, 0, "a");
                ws.value(1, 0, "x");
                wb.finish();
            }
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(s.format()).isEqualTo("XLSX");
                assertThat(readAll(s)).containsExactly(read(2, "x"));
            }
        }

        @Test
        void headerOnly() throws IOException {
            Path f = dir.resolve("a.xlsx");
            try (OutputStream out = Files.newOutputStream(f)) {
                Workbook wb = new Workbook(out, "test", "1.0");
                wb.newWorksheet("s").value(0, 0, "a");
                wb.finish();
            }
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(s.header()).containsExactly("a");
                assertThat(s.next()).isNull();
            }
        }

        @Test
        void emptySheetHasNoHeader() throws IOException {
            Path f = dir.resolve("a.xlsx");
            try (OutputStream out = Files.newOutputStream(f)) {
                Workbook wb = new Workbook(out, "test", "1.0");
                wb.newWorksheet("s");
                wb.finish();
            }
            assertThatThrownBy(() -> RecordSources.open(f)).isInstanceOf(ContractFileException.class);
        }

        @Test
        void textRenamedToXlsxIsRefused() throws IOException {
            Path f = file("a.xlsx", "<html><table><tr><td>a</td></tr></table></html>".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> RecordSources.open(f)).isInstanceOfSatisfying(ContractFileException.class,
                    e -> assertThat(e.reason().en()).startsWith("not a valid Excel file"));
        }
    }

    @Nested
    class Xls {

        @Test
        void typedCellsFormulasBlankRowsAndRowNumbers() throws IOException {
            Path f = dir.resolve("a.xls");
            try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
                Sheet sheet = wb.createSheet("first");
                CellStyle date = wb.createCellStyle();
                date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
                CellStyle chineseDate = wb.createCellStyle();
                chineseDate.setDataFormat((short) 31); // 年月日, built into Chinese Excel
                Row h = sheet.createRow(0);
                h.createCell(0).setCellValue("姓名");
                h.createCell(1).setCellValue("日期");
                h.createCell(2).setCellValue("金额");
                h.createCell(3).setCellValue("公式");
                h.createCell(4).setCellValue("是否");
                Row r = sheet.createRow(1);
                r.createCell(0).setCellValue("张三");
                Cell d = r.createCell(1);
                d.setCellValue(LocalDate.of(2026, 10, 5));
                d.setCellStyle(date);
                r.createCell(2).setCellValue(1234.5);
                r.createCell(3).setCellFormula("0.1+0.2");
                r.createCell(4).setCellValue(false);
                Row blank = sheet.createRow(2);
                blank.createCell(0).setBlank();
                blank.createCell(1).setCellValue("  ");
                Row r4 = sheet.createRow(3);
                r4.createCell(0).setCellFormula("\"李\"&\"四\"");
                Cell d4 = r4.createCell(1);
                d4.setCellValue(LocalDate.of(2025, 12, 31));
                d4.setCellStyle(chineseDate);
                r4.createCell(2).setCellValue(45000);
                FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
                evaluator.evaluateAll();
                wb.createSheet("second").createRow(0).createCell(0).setCellValue("not read");
                wb.write(out);
            }
            try (RecordSource s = RecordSources.open(f)) {
                assertThat(s.format()).isEqualTo("XLS");
                assertThat(s.header()).containsExactly("姓名", "日期", "金额", "公式", "是否");
                List<Read> all = readAll(s);
                assertThat(all).containsExactly(
                        read(2, "张三", LocalDateTime.of(2026, 10, 5, 0, 0), new BigDecimal("1234.5"),
                                new BigDecimal("0.3"), Boolean.FALSE),
                        read(4, "李四", LocalDateTime.of(2025, 12, 31, 0, 0), new BigDecimal("45000")));
                assertThat(s.bytesRead()).isEqualTo(Files.size(f));
            }
        }
    }

    @Test
    void unsupportedExtension() throws IOException {
        Path f = file("payments.txt", "a\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> RecordSources.open(f)).isInstanceOfSatisfying(ContractFileException.class, e -> {
            assertThat(e.file()).isEqualTo("payments.txt");
            assertThat(e.reason()).isEqualTo(new Reason("不支持的文件类型“.txt”，应为.csv、.xlsx或.xls",
                    "unsupported file type \".txt\", expected .csv, .xlsx or .xls"));
        });
    }

    @Test
    void extensionInAnyCase() throws IOException {
        Path f = file("A.CSV", "a\n1\n".getBytes(StandardCharsets.UTF_8));
        try (RecordSource s = RecordSources.open(f)) {
            assertThat(readAll(s)).containsExactly(read(2, "1"));
        }
    }

    @Test
    void dateFormats() {
        assertThat(RecordCells.isDateFormat(14, "mm-dd-yy")).isTrue();
        assertThat(RecordCells.isDateFormat(31, null)).isTrue();
        assertThat(RecordCells.isDateFormat(57, "reserved-0x39")).isTrue();
        assertThat(RecordCells.isDateFormat(176, "yyyy\"年\"m\"月\"d\"日\"")).isTrue();
        assertThat(RecordCells.isDateFormat(0, "General")).isFalse();
        assertThat(RecordCells.isDateFormat(2, "0.00")).isFalse();
        assertThat(RecordCells.isDateFormat(49, "@")).isFalse();
        assertThat(RecordCells.isDateFormat(177, "0.00_ ")).isFalse();
    }
}
