package sunshine.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The records of the first sheet of an Excel 97-2003 (.xls) workbook, read by Apache POI HSSF. Cells as in
 * {@link XlsxRecordSource}; formulas give their cached value. An .xls sheet holds at most 65,536 rows, so the
 * workbook, which HSSF reads whole, stays small whatever the data.
 */
final class XlsRecordSource implements RecordSource {

    private final String fileName;
    private final long fileSize;
    private final POIFSFileSystem fs;
    private final HSSFWorkbook workbook;
    private final Iterator<Row> rows;
    private final int lastRow;
    private final List<String> header;
    private long row;
    private boolean done;

    XlsRecordSource(Path file, String fileName) throws IOException {
        this.fileName = fileName;
        this.fileSize = Files.size(file);
        POIFSFileSystem f;
        try {
            f = new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw RecordSources.unreadableExcel(fileName, e);
        }
        this.fs = f;
        boolean ok = false;
        try {
            if (f.getRoot().hasEntry("EncryptionInfo")) {
                throw new ContractFileException(fileName, RecordSources.encrypted());
            }
            try {
                this.workbook = new HSSFWorkbook(f.getRoot(), true);
            } catch (OldExcelFormatException e) {
                throw new ContractFileException(fileName, new Reason(
                        "不支持Excel 95及更早版本的文件，请另存为.xlsx", "Excel 95 and older files are not supported; "
                        + "save the file as .xlsx"), e);
            } catch (IOException | RuntimeException e) {
                if (e instanceof ContractFileException) {
                    throw e;
                }
                throw RecordSources.unreadableExcel(fileName, e);
            }
            if (workbook.getNumberOfSheets() == 0) {
                throw new ContractFileException(fileName, RecordSources.noHeader());
            }
            Sheet sheet = workbook.getSheetAt(0);
            this.lastRow = sheet.getLastRowNum() + 1;
            this.rows = sheet.rowIterator();
            Object[] first = nextNonBlank();
            if (first == null) {
                throw new ContractFileException(fileName, RecordSources.noHeader());
            }
            List<String> h = new ArrayList<>(first.length);
            for (Object cell : first) {
                h.add(cell == null ? null : RecordCells.text(cell));
            }
            this.header = Collections.unmodifiableList(h);
            ok = true;
        } finally {
            if (!ok) {
                f.close();
            }
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Object[] next() {
        return nextNonBlank();
    }

    private Object[] nextNonBlank() {
        while (rows.hasNext()) {
            Row r = rows.next();
            int n = Math.max(0, r.getLastCellNum());
            Object[] cells = new Object[n];
            boolean blank = true;
            for (int i = 0; i < n; i++) {
                Object v = value(r.getCell(i));
                cells[i] = v;
                if (blank && !RecordCells.isBlank(v)) {
                    blank = false;
                }
            }
            if (!blank) {
                row = r.getRowNum() + 1L;
                return cells;
            }
        }
        done = true;
        return null;
    }

    private static Object value(Cell c) {
        if (c == null) {
            return null;
        }
        CellType type = c.getCellType();
        if (type == CellType.FORMULA) {
            type = c.getCachedFormulaResultType();
        }
        switch (type) {
            case STRING: {
                String s = c.getStringCellValue();
                return s == null || s.isEmpty() ? null : s;
            }
            case NUMERIC: {
                double d = c.getNumericCellValue();
                int formatId = c.getCellStyle().getDataFormat();
                if (RecordCells.isDateFormat(formatId, c.getCellStyle().getDataFormatString())
                        && org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(d)) {
                    return c.getLocalDateTimeCellValue();
                }
                return RecordCells.excelNumber(d);
            }
            case BOOLEAN:
                return c.getBooleanCellValue();
            case ERROR: {
                try {
                    return FormulaError.forInt(c.getErrorCellValue()).getString();
                } catch (IllegalArgumentException e) {
                    return "#ERROR";
                }
            }
            case BLANK:
            default:
                return null;
        }
    }

    @Override
    public long rowNumber() {
        return row;
    }

    @Override
    public String format() {
        return "XLS";
    }

    /** An estimate: the share of the sheet's rows read, times the file's size. */
    @Override
    public long bytesRead() {
        if (done || lastRow <= 0) {
            return done ? fileSize : 0;
        }
        return (long) (fileSize * Math.min(1.0, (double) row / lastRow));
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.close();
        } finally {
            fs.close();
        }
    }
}
