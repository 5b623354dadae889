package sunshine.contract;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DateUtil;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The records of the first sheet of an XLSX workbook, streamed by fastexcel-reader. Text cells are Strings, numeric
 * cells BigDecimal (as Excel shows them, at most 15 significant digits), numeric cells with a date or time format
 * LocalDateTime, logical cells Boolean, formulas their cached value, empty cells null. Rows whose cells are all
 * empty are skipped; row numbers are the sheet's.
 */
final class XlsxRecordSource implements RecordSource {

    private final String fileName;
    private final long fileSize;
    private final ReadableWorkbook workbook;
    private final boolean date1904;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> header;
    /** The sheet's last row as its dimension states it, or 0 when unknown. */
    private final long lastRow;
    private long row;
    private boolean done;

    XlsxRecordSource(Path file, String fileName) throws IOException {
        this.fileName = fileName;
        this.fileSize = Files.size(file);
        ReadableWorkbook wb;
        try {
            wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
        } catch (IOException | RuntimeException e) {
            throw RecordSources.unreadableExcel(fileName, e);
        }
        this.workbook = wb;
        boolean ok = false;
        try {
            this.date1904 = wb.isDate1904();
            Sheet sheet = wb.getFirstSheet();
            this.lastRow = XlsxDimension.lastRow(file, sheet.getId());
            this.stream = sheet.openStream();
            this.rows = stream.iterator();
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
        } catch (ExcelReaderException | IllegalStateException | IndexOutOfBoundsException e) {
            throw RecordSources.unreadableExcel(fileName, e);
        } finally {
            if (!ok) {
                wb.close();
            }
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Object[] next() throws IOException {
        try {
            return nextNonBlank();
        } catch (ExcelReaderException e) {
            throw new IOException("cannot read row " + (row + 1) + " of " + fileName + ": " + e.getMessage(), e);
        }
    }

    private Object[] nextNonBlank() {
        while (rows.hasNext()) {
            Row r = rows.next();
            int n = r.getCellCount();
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
                row = r.getRowNum();
                return cells;
            }
        }
        done = true;
        return null;
    }

    private Object value(Cell c) {
        if (c == null || c.getType() == CellType.EMPTY) {
            return null;
        }
        // numbers (also a formula's cached number) are BigDecimal, text String, logical cells Boolean;
        // an error cell (#N/A ...) is its text
        Object v = c.getValue();
        if (v instanceof BigDecimal) {
            return number(c, (BigDecimal) v);
        }
        if (v instanceof String) {
            return ((String) v).isEmpty() ? null : v;
        }
        return v;
    }

    private Object number(Cell c, BigDecimal v) {
        Integer formatId = c.getDataFormatId();
        if (formatId != null && RecordCells.isDateFormat(formatId, c.getDataFormatString())) {
            double d = v.doubleValue();
            if (DateUtil.isValidExcelDate(d)) {
                LocalDateTime t = DateUtil.getLocalDateTime(d, date1904, true);
                if (t != null) {
                    return t;
                }
            }
        }
        return RecordCells.excelNumber(v);
    }

    @Override
    public long rowNumber() {
        return row;
    }

    @Override
    public String format() {
        return "XLSX";
    }

    /**
     * An estimate: the share of the sheet's rows read (by the dimension the sheet states) times the file's size;
     * 0 until the end when the sheet states no dimension.
     */
    @Override
    public long bytesRead() {
        if (done) {
            return fileSize;
        }
        if (lastRow <= 0) {
            return 0;
        }
        return (long) (fileSize * Math.min(1.0, (double) row / lastRow));
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            workbook.close();
        }
    }
}
