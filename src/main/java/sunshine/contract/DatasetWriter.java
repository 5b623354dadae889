package sunshine.contract;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a contract file: the English header in contract column order, then one row per {@link #write} (typed
 * values) or {@link #writeRaw} (cells as given). Streams: memory does not grow with the number of rows.
 * <p>
 * Typed values are written canonically (what {@link ValueParser} reads back to the same value): dates
 * {@code yyyy-MM-dd}, months {@code yyyy-MM}, money plain with 2 decimals, other numbers plain, text as given.
 * In XLSX, ID numbers, codes, months and text are text cells, dates are date cells and money and other numbers are
 * numeric cells.
 */
public final class DatasetWriter implements AutoCloseable {

    /** The most rows an XLSX sheet holds, the header included. */
    public static final int XLSX_MAX_ROWS = 1_048_576;
    /** The rows an XLSX sheet keeps in memory before they are written out. */
    private static final int XLSX_FLUSH_EVERY = 1_000;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    private final Dataset dataset;
    private final ValueType[] types;
    private final Sink sink;
    private long rows;

    private DatasetWriter(Dataset dataset, Sink sink) {
        this.dataset = dataset;
        this.types = dataset.columns().stream().map(Column::type).toArray(ValueType[]::new);
        this.sink = sink;
    }

    /**
     * A CSV file (RFC 4180, CRLF line ends).
     *
     * @param charset UTF-8 or GB18030 (or GBK); a character the charset cannot encode fails the write
     * @param bom     whether to start with a byte-order mark (the UTF-8 BOM that makes Excel read UTF-8)
     */
    public static DatasetWriter csv(Path file, Dataset dataset, Charset charset, boolean bom) throws IOException {
        DatasetWriter w = new DatasetWriter(dataset, new CsvSink(file, charset, bom, dataset.columns().size()));
        w.writeHeader();
        return w;
    }

    /** An XLSX workbook with one sheet named after the dataset, streamed. */
    public static DatasetWriter xlsx(Path file, Dataset dataset) throws IOException {
        DatasetWriter w = new DatasetWriter(dataset, new XlsxSink(file, dataset));
        w.writeHeader();
        return w;
    }

    private void writeHeader() throws IOException {
        List<String> names = dataset.columnNames();
        sink.raw(names.toArray(new String[0]));
    }

    /**
     * Writes a row of typed values in column order: LocalDate, YearMonth, BigDecimal, Long or Integer, String,
     * Boolean, or null for an empty cell.
     *
     * @throws IllegalArgumentException when the number of values is not the number of columns, a value is a
     *                                  floating point number, or money has more than 2 decimals
     */
    public void write(Object... typedValues) throws IOException {
        if (typedValues.length != types.length) {
            throw new IllegalArgumentException(dataset.name() + " has " + types.length + " columns, got "
                    + typedValues.length + " values");
        }
        sink.typed(types, typedValues);
        rows++;
    }

    /** Writes a row of cells exactly as given (any number of cells; null is an empty cell). */
    public void writeRaw(String... cells) throws IOException {
        sink.raw(cells);
        rows++;
    }

    /** Data rows written so far (the header not counted). */
    public long rowsWritten() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        sink.close();
    }

    /** The canonical text of a typed value in a column of the given type. */
    static String text(ValueType type, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof BigDecimal) {
            BigDecimal v = (BigDecimal) value;
            if (type == ValueType.MONEY) {
                return money(v).toPlainString();
            }
            return v.toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return type == ValueType.MONEY ? value + ".00" : value.toString();
        }
        if (value instanceof LocalDate) {
            return type == ValueType.MONTH ? ((LocalDate) value).format(MONTH) : value.toString();
        }
        if (value instanceof YearMonth) {
            return ((YearMonth) value).format(MONTH);
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toLocalDate().toString();
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? "TRUE" : "FALSE";
        }
        if (value instanceof Double || value instanceof Float) {
            throw new IllegalArgumentException("never floating point in a contract file: " + value);
        }
        return value.toString();
    }

    private static BigDecimal money(BigDecimal v) {
        try {
            return v.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("money has more than 2 decimals: " + v.toPlainString(), e);
        }
    }

    // ------------------------------------------------------------------ formats

    private interface Sink {
        void typed(ValueType[] types, Object[] values) throws IOException;

        void raw(String[] cells) throws IOException;

        void close() throws IOException;
    }

    private static final class CsvSink implements Sink {

        private final CsvWriter csv;
        private final String[] row;
        /** For a charset that cannot encode every character (GBK): checks each non-ASCII cell before it is written. */
        private final CharsetEncoder check;

        CsvSink(Path file, Charset charset, boolean bom, int columns) throws IOException {
            CharsetEncoder encoder = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            if (bom && !encoder.canEncode('\uFEFF')) {
                throw new IllegalArgumentException(charset + " has no byte-order mark");
            }
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            Writer writer = new OutputStreamWriter(out, encoder);
            if (bom) {
                writer.write('\uFEFF');
            }
            this.csv = CsvWriter.builder()
                    .fieldSeparator(',')
                    .quoteCharacter('"')
                    .lineDelimiter(LineDelimiter.CRLF)
                    .bufferSize(1 << 16)
                    .build(writer);
            this.row = new String[columns];
            boolean unicode = charset.name().startsWith("UTF-") || charset.name().equals("GB18030");
            this.check = unicode ? null : charset.newEncoder();
        }

        @Override
        public void typed(ValueType[] types, Object[] values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                row[i] = text(types[i], values[i]);
            }
            write(row);
        }

        @Override
        public void raw(String[] cells) throws IOException {
            String[] r = cells;
            for (String c : cells) {
                if (c == null) {
                    r = cells.clone();
                    for (int i = 0; i < r.length; i++) {
                        if (r[i] == null) {
                            r[i] = "";
                        }
                    }
                    break;
                }
            }
            write(r);
        }

        private void write(String[] cells) throws IOException {
            if (check != null) {
                for (String cell : cells) {
                    if (!isAscii(cell) && !check.canEncode(cell)) {
                        throw new IllegalArgumentException(check.charset() + " cannot encode the cell \"" + cell + "\"");
                    }
                }
            }
            try {
                csv.writeRecord(cells);
            } catch (java.io.UncheckedIOException e) {
                IOException cause = e.getCause();
                if (cause instanceof CharacterCodingException) {
                    throw new IllegalArgumentException("a cell holds a character the charset cannot encode: "
                            + String.join(",", cells), cause);
                }
                throw cause;
            }
        }

        private static boolean isAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            try {
                csv.close();
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static final class XlsxSink implements Sink {

        private static final String DATE_FORMAT = "yyyy-mm-dd";
        private static final String MONEY_FORMAT = "0.00";

        private final OutputStream out;
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        XlsxSink(Path file, Dataset dataset) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            this.workbook = new Workbook(out, "Sunshine", "1.0");
            this.sheet = workbook.newWorksheet(sheetName(dataset.name()));
        }

        private static String sheetName(String name) {
            return name.length() <= 31 ? name : name.substring(0, 31);
        }

        @Override
        public void typed(ValueType[] types, Object[] values) throws IOException {
            int r = nextRow();
            for (int c = 0; c < values.length; c++) {
                Object v = values[c];
                if (v == null) {
                    continue;
                }
                switch (types[c]) {
                    case DATE:
                        if (v instanceof LocalDate || v instanceof LocalDateTime) {
                            LocalDate d = v instanceof LocalDate ? (LocalDate) v : ((LocalDateTime) v).toLocalDate();
                            sheet.value(r, c, d);
                            sheet.style(r, c).format(DATE_FORMAT).set();
                        } else {
                            text(r, c, DatasetWriter.text(types[c], v));
                        }
                        break;
                    case MONEY:
                        if (v instanceof String) {
                            text(r, c, (String) v);
                        } else {
                            sheet.value(r, c, new BigDecimal(DatasetWriter.text(ValueType.MONEY, v)));
                            sheet.style(r, c).format(MONEY_FORMAT).set();
                        }
                        break;
                    case INTEGER:
                    case DECIMAL:
                        if (v instanceof String) {
                            text(r, c, (String) v);
                        } else {
                            sheet.value(r, c, new BigDecimal(DatasetWriter.text(types[c], v)));
                        }
                        break;
                    default:
                        // ID numbers, region codes, enum codes, months and text are text cells
                        text(r, c, DatasetWriter.text(types[c], v));
                }
            }
            flushSometimes(r);
        }

        @Override
        public void raw(String[] cells) throws IOException {
            int r = nextRow();
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] != null) {
                    text(r, c, cells[c]);
                }
            }
            flushSometimes(r);
        }

        /** A text cell, written inline: a shared-string table would keep every distinct value in memory. */
        private void text(int r, int c, String s) {
            if (!s.isEmpty()) {
                sheet.inlineString(r, c, s);
            }
        }

        private int nextRow() {
            if (row >= XLSX_MAX_ROWS) {
                throw new IllegalStateException("an XLSX sheet holds at most " + XLSX_MAX_ROWS + " rows");
            }
            return row++;
        }

        private void flushSometimes(int r) throws IOException {
            if ((r + 1) % XLSX_FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        public void close() throws IOException {
            try {
                sheet.finish();
                workbook.finish();
            } finally {
                out.close();
            }
        }
    }
}
