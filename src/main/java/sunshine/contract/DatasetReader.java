package sunshine.contract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one contract file as rows of its dataset: the header is matched to the dataset's columns, every cell is
 * parsed by {@link ValueParser}, and each row comes back with its typed values in the dataset's column order and
 * its errors. Streams: only the current row is held in memory.
 * <p>
 * The header: a cell names a column by its English name (any letter case), its Chinese label or an alias, after
 * trimming and ignoring whitespace, byte-order marks and full-width forms. Columns may come in any order. A missing
 * required column, or a column given twice, rejects the file ({@link ContractFileException}); unknown columns are
 * ignored and reported in {@link #warnings()}.
 * <p>
 * A row: an unparseable cell is an error naming the row, column, cell and reason; an empty required cell is an
 * error; a column required only when another column holds a code (e.g. {@code payments.card_no} when
 * {@code channel=CARD}) is checked on the parsed values; an empty enum cell with a default gets the default code;
 * a value to the right of the last header cell is an error (the row is shifted, e.g. by an unquoted comma); a value
 * under a blank header cell between named ones is ignored with a warning (once per column).
 * <p>
 * {@link #format()} of a CSV file is final only once the encoding is decided, at the first non-ASCII byte (read
 * it after the rows): until then the file is plain ASCII and reads as "UTF-8".
 */
public final class DatasetReader implements AutoCloseable {

    private static final Reason REQUIRED = new Reason("必填项为空", "required value missing");

    private final RecordSource source;
    private final String fileName;
    private final Dataset dataset;
    private final ValueParser parser;
    private final Column[] columns;
    /** For each dataset column, its cell's index in a record, or -1 when the file lacks the column. */
    private final int[] position;
    /** For each dataset column with a condition: the index of the column it depends on, else -1. */
    private final int[] conditionIndex;
    private final Reason[] conditionReason;
    /** One past the last header cell that is not blank: cells from there on have no column. */
    private final int headerWidth;
    /** Header cells that are blank (between named ones): a value under one is reported once. */
    private final boolean[] unnamed;
    private final boolean[] unnamedReported;
    private final List<RowError> warnings = new ArrayList<>();
    private long rowsRead;

    private DatasetReader(RecordSource source, String fileName, Dataset dataset, ValueParser parser) {
        this.source = source;
        this.fileName = fileName;
        this.dataset = dataset;
        this.parser = parser;
        this.columns = dataset.columns().toArray(new Column[0]);
        this.position = new int[columns.length];
        this.conditionIndex = new int[columns.length];
        this.conditionReason = new Reason[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Column.Condition when = columns[i].requiredWhen();
            conditionIndex[i] = when == null ? -1 : dataset.indexOf(when.column());
            if (conditionIndex[i] >= 0) {
                conditionReason[i] = requiredWhen(columns[conditionIndex[i]], when);
            }
        }
        List<String> header = source.header();
        int width = 0;
        for (int i = 0; i < header.size(); i++) {
            if (!RecordCells.isBlank(header.get(i))) {
                width = i + 1;
            }
        }
        this.headerWidth = width;
        this.unnamed = new boolean[width];
        this.unnamedReported = new boolean[width];
        mapHeader(header);
    }

    /**
     * Opens a file and reads its header.
     *
     * @param file        the file (.csv, .xlsx or .xls)
     * @param displayName the file's name as the user knows it, for errors
     * @param dataset     the dataset the file holds
     * @param parser      parses the cells
     * @throws ContractFileException when the file cannot be read as the dataset (type, encoding, empty, header)
     * @throws IOException           when the file cannot be read
     */
    public static DatasetReader open(Path file, String displayName, Dataset dataset, ValueParser parser)
            throws IOException {
        RecordSource source = RecordSources.open(file, displayName);
        try {
            return new DatasetReader(source, displayName, dataset, parser);
        } catch (RuntimeException e) {
            try {
                source.close();
            } catch (IOException x) {
                e.addSuppressed(x);
            }
            throw e;
        }
    }

    /**
     * A reader of the given record source's header only: {@link FastCsvReader} uses it to map the header exactly as
     * this class does, then reads the rows itself.
     */
    static DatasetReader header(RecordSource source, String displayName, Dataset dataset, ValueParser parser) {
        return new DatasetReader(source, displayName, dataset, parser);
    }

    /** For each dataset column, its cell's index in a record, or -1 (shared, not to be changed). */
    int[] positions() {
        return position;
    }

    int headerWidth() {
        return headerWidth;
    }

    /** Header cells that are blank between named ones (shared, not to be changed). */
    boolean[] unnamed() {
        return unnamed;
    }

    int conditionIndex(int column) {
        return conditionIndex[column];
    }

    Reason conditionReason(int column) {
        return conditionReason[column];
    }

    /** The value of an empty cell: an enum column's default, otherwise none (an error if the column is required). */
    static Object emptyValue(Column column) {
        return column.defaultValue() != null && column.type() == ValueType.ENUM ? column.defaultValue() : null;
    }

    static Reason required() {
        return REQUIRED;
    }

    // ------------------------------------------------------------------ header

    private void mapHeader(List<String> header) {
        Map<String, Integer> byHeader = new HashMap<>();
        for (int i = 0; i < columns.length; i++) {
            for (String h : columns[i].headers()) {
                if (h != null) {
                    byHeader.putIfAbsent(normalizeHeader(h), i);
                }
            }
        }
        java.util.Arrays.fill(position, -1);
        for (int cell = 0; cell < headerWidth; cell++) {
            String text = header.get(cell);
            if (RecordCells.isBlank(text)) {
                unnamed[cell] = true;
                continue;
            }
            Integer column = byHeader.get(normalizeHeader(text));
            if (column == null) {
                warnings.add(new RowError(fileName, source.rowNumber(), "", text,
                        new Reason("未知列，已忽略", "unknown column ignored")));
                continue;
            }
            if (position[column] >= 0) {
                Column c = columns[column];
                int first = position[column];
                throw new ContractFileException(fileName, new Reason(
                        "列“" + c.label() + "（" + c.name() + "）”出现了两次：第" + (first + 1) + "列“"
                                + header.get(first) + "”和第" + (cell + 1) + "列“" + text + "”",
                        "column " + c.name() + " (" + c.label() + ") is given twice: column " + (first + 1)
                                + " \"" + header.get(first) + "\" and column " + (cell + 1) + " \"" + text + "\""));
            }
            position[column] = cell;
        }
        List<Column> missing = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            if (position[i] < 0 && columns[i].required()) {
                missing.add(columns[i]);
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder zh = new StringBuilder("缺少必填列：");
            StringBuilder en = new StringBuilder("missing required column" + (missing.size() > 1 ? "s" : "") + ": ");
            for (int i = 0; i < missing.size(); i++) {
                Column c = missing.get(i);
                if (i > 0) {
                    zh.append('、');
                    en.append(", ");
                }
                zh.append(c.label()).append('（').append(c.name()).append('）');
                en.append(c.name()).append(" (").append(c.label()).append(')');
            }
            throw new ContractFileException(fileName, new Reason(zh.toString(), en.toString()));
        }
    }

    /**
     * A header as it is compared: without whitespace (also ideographic and zero-width spaces and byte-order
     * marks), full-width forms as ASCII, in lower case.
     */
    static String normalizeHeader(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ValueText.isTrimmed(c)) {
                continue;
            }
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ rows

    /**
     * The next row, or null at the end of the file.
     *
     * @throws ContractFileException when the rest of the file cannot be read as its format (e.g. bytes valid in
     *                               neither UTF-8 nor GB18030)
     * @throws IOException           when the file cannot be read
     */
    public ParsedRow next() throws IOException {
        Object[] record = source.next();
        if (record == null) {
            return null;
        }
        rowsRead++;
        long row = source.rowNumber();
        Object[] values = new Object[columns.length];
        List<RowError> errors = null;
        boolean[] failed = null;
        for (int i = 0; i < columns.length; i++) {
            Column column = columns[i];
            int p = position[i];
            Object cell = p >= 0 && p < record.length ? record[p] : null;
            Object value;
            try {
                value = cell == null ? null : parser.parse(column, cell);
            } catch (InvalidValueException e) {
                if (errors == null) {
                    errors = new ArrayList<>(2);
                }
                errors.add(new RowError(fileName, row, column.name(), RecordCells.text(cell), e.reason()));
                if (failed == null) {
                    failed = new boolean[columns.length];
                }
                failed[i] = true;
                continue;
            }
            if (value == null) {
                value = emptyValue(column);
                if (value == null && column.required()) {
                    if (errors == null) {
                        errors = new ArrayList<>(2);
                    }
                    errors.add(new RowError(fileName, row, column.name(), "", REQUIRED));
                }
            }
            values[i] = value;
        }
        for (int i = 0; i < columns.length; i++) {
            int on = conditionIndex[i];
            if (on < 0 || values[i] != null || (failed != null && failed[i])) {
                continue;
            }
            Column.Condition when = columns[i].requiredWhen();
            if (when.value().equals(values[on])) {
                if (errors == null) {
                    errors = new ArrayList<>(2);
                }
                errors.add(new RowError(fileName, row, columns[i].name(), "", conditionReason[i]));
            }
        }
        for (int p = 0; p < record.length; p++) {
            if (p < headerWidth && !unnamed[p]) {
                continue;
            }
            Object cell = record[p];
            if (RecordCells.isBlank(cell)) {
                continue;
            }
            if (p < headerWidth) {
                if (!unnamedReported[p]) {
                    unnamedReported[p] = true;
                    warnings.add(new RowError(fileName, row, "", RecordCells.text(cell), new Reason(
                            "第" + (p + 1) + "列没有列名，已忽略", "column " + (p + 1) + " has no header, ignored")));
                }
                continue;
            }
            if (errors == null) {
                errors = new ArrayList<>(2);
            }
            errors.add(new RowError(fileName, row, "", RecordCells.text(cell), new Reason(
                    "该行的数据比表头多：第" + (p + 1) + "列没有列名（是否有未加引号的逗号？）",
                    "the row has more values than the header: column " + (p + 1)
                            + " has no header (an unquoted comma?)")));
            break;
        }
        return new ParsedRow(row, values, errors == null ? List.of() : errors);
    }

    private static Reason requiredWhen(Column on, Column.Condition when) {
        String label = when.value();
        if (on.type() == ValueType.ENUM) {
            try {
                label = DataContract.standard().enumOf(on).labelOf(when.value());
            } catch (RuntimeException e) {
                // a contract other than the standard one: show the code
            }
        }
        return new Reason(
                REQUIRED.zh() + "（" + on.label() + "为“" + label + "”时必填）",
                REQUIRED.en() + " (required when " + when + ")");
    }

    // ------------------------------------------------------------------ about the file

    /**
     * Unknown columns (row 1 or wherever the header is, with the header text), and values under a column without
     * a header; the list may grow while the file is read.
     */
    public List<RowError> warnings() {
        return List.copyOf(warnings);
    }

    /** What the file was read as: "UTF-8", "GB18030", "XLSX" or "XLS" (for CSV final only once read to the end). */
    public String format() {
        return source.format();
    }

    /** Bytes of the file consumed so far (CSV exactly; Excel files an estimate), for a progress bar. */
    public long bytesRead() {
        return source.bytesRead();
    }

    /** Data rows returned so far (blank rows and the header are not counted). */
    public long rowsRead() {
        return rowsRead;
    }

    /** The dataset read. */
    public Dataset dataset() {
        return dataset;
    }

    /** Whether the file has a column of the dataset (false for a column the header lacks). */
    public boolean hasColumn(String columnName) {
        int i = dataset.indexOf(columnName);
        return i >= 0 && position[i] >= 0;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
