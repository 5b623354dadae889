package sunshine.contract;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a contract file exactly as {@link DatasetReader} does (same rows, same typed values, same row numbers, same
 * errors and warnings), faster for the common case: a CSV file in UTF-8 without quotes is split and parsed straight
 * from its bytes. Anything else goes the general way:
 * <ul>
 *   <li>files other than CSV, and CSV files whose encoding is not decided as UTF-8 (GB18030, UTF-16), are read by
 *       {@link DatasetReader} from the start;</li>
 *   <li>at the first record the fast path cannot split with certainty (a double quote, a lone carriage return, a
 *       very long line, bytes that are not valid UTF-8), it hands over to a {@link DatasetReader} opened on the same
 *       file, which skips the records already returned: everything before was plain, so both agree on it;</li>
 *   <li>a cell is parsed from its bytes only in its canonical form ({@code 370102196601022758},
 *       {@code 2026-10-05}, {@code 2026-10}, {@code 603.48}, ASCII text that needs no trimming); every other cell
 *       (full-width digits, spaces, Chinese dates, labels, errors ...) is given as text to {@link ValueParser}, and
 *       the results of low-cardinality columns (enums, region codes, numbers) are remembered by their bytes.</li>
 * </ul>
 * Not thread-safe; one reader per file.
 */
public final class FastCsvReader implements AutoCloseable {

    private static final int BUFFER = 4 << 20;
    /** A record longer than this goes the general way. */
    private static final int MAX_LINE = 256 << 10;
    /** How far past the first non-ASCII byte the encoding is decided ({@link CsvDecodingReader} looks at most so far). */
    private static final int DECIDE = 2 * CsvDecodingReader.LOOKAHEAD;

    private static final YearMonth[] MONTHS = new YearMonth[(ValueParser.MAX_YEAR - ValueParser.MIN_YEAR + 1) * 12];

    private final Path file;
    private final String fileName;
    private final Dataset dataset;
    private final ValueParser parser;
    private final Column[] columns;

    private InputStream in;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    /** Whether the encoding is decided as UTF-8 (a BOM, or valid UTF-8 after the first non-ASCII byte). */
    private boolean decided;

    /** Spreadsheet row number of the last record split (blank ones and the header included). */
    private long row;
    private long lastRow;
    private long rowsRead;

    private int cellCount;
    private int[] cellStart = new int[64];
    private int[] cellEnd = new int[64];
    private boolean[] cellNonAscii = new boolean[64];

    private DatasetReader header;
    private int[] position;
    private int headerWidth;
    private boolean[] unnamed;
    private boolean[] unnamedReported;
    private final List<RowError> warnings = new ArrayList<>();
    private final Memo[] memos;

    /** The general reader, once handed over to; rows up to {@link #skipTo} were returned by the fast path. */
    private DatasetReader fallback;
    private long skipTo;

    private FastCsvReader(Path file, String fileName, Dataset dataset, ValueParser parser) {
        this.file = file;
        this.fileName = fileName;
        this.dataset = dataset;
        this.parser = parser;
        this.columns = dataset.columns().toArray(new Column[0]);
        this.memos = new Memo[columns.length];
        for (int i = 0; i < columns.length; i++) {
            switch (columns[i].type()) {
                case ENUM, REGION, INTEGER, DECIMAL, MONTH, TEXT -> memos[i] = new Memo();
                default -> memos[i] = null;
            }
        }
    }

    /**
     * Opens a file as {@link DatasetReader#open} does (same exceptions).
     */
    public static FastCsvReader open(Path file, String displayName, Dataset dataset, ValueParser parser)
            throws IOException {
        FastCsvReader r = new FastCsvReader(file, displayName, dataset, parser);
        if (!"csv".equals(RecordSources.extension(file))) {
            r.fallback = DatasetReader.open(file, displayName, dataset, parser);
            return r;
        }
        boolean ok = false;
        try {
            r.start();
            ok = true;
            return r;
        } finally {
            if (!ok) {
                r.close();
            }
        }
    }

    private void start() throws IOException {
        in = Files.newInputStream(file);
        fill();
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
            decided = true;
        } else if (limit >= 2 && (((buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE)
                || ((buf[0] & 0xFF) == 0xFE && (buf[1] & 0xFF) == 0xFF))) {
            handOver();
            return;
        }
        while (true) {
            int r = split();
            if (r < 0) {
                handOver();
                return;
            }
            if (r == 0) {
                throw new ContractFileException(fileName, RecordSources.noHeader());
            }
            if (!blankRecord()) {
                break;
            }
        }
        List<String> cells = new ArrayList<>(cellCount);
        for (int p = 0; p < cellCount; p++) {
            cells.add(cellStart[p] == cellEnd[p] ? null : cellText(p));
        }
        long headerRow = row;
        List<String> headerCells = java.util.Collections.unmodifiableList(cells);
        header = DatasetReader.header(new RecordSource() {
            @Override
            public List<String> header() {
                return headerCells;
            }

            @Override
            public Object[] next() {
                return null;
            }

            @Override
            public long rowNumber() {
                return headerRow;
            }

            @Override
            public String format() {
                return CsvDecodingReader.UTF_8;
            }

            @Override
            public void close() {
            }
        }, fileName, dataset, parser);
        warnings.addAll(header.warnings());
        position = header.positions();
        headerWidth = header.headerWidth();
        unnamed = header.unnamed();
        unnamedReported = new boolean[headerWidth];
        lastRow = row;
    }

    /** Hands over to the general reader, which skips the records up to the last one returned. */
    private void handOver() throws IOException {
        skipTo = header == null ? 0 : lastRow;
        closeInput();
        buf = null;
        fallback = DatasetReader.open(file, fileName, dataset, parser);
    }

    // ------------------------------------------------------------------ rows

    /** As {@link DatasetReader#next()}. */
    public ParsedRow next() throws IOException {
        while (fallback == null) {
            int r = split();
            if (r == 0) {
                return null;
            }
            if (r < 0) {
                handOver();
                break;
            }
            if (blankRecord()) {
                continue;
            }
            lastRow = row;
            rowsRead++;
            return parseRow();
        }
        while (true) {
            ParsedRow r = fallback.next();
            if (r == null) {
                return null;
            }
            if (r.row() <= skipTo) {
                continue;
            }
            lastRow = r.row();
            rowsRead++;
            return r;
        }
    }

    private ParsedRow parseRow() {
        Object[] values = new Object[columns.length];
        List<RowError> errors = null;
        boolean[] failed = null;
        for (int i = 0; i < columns.length; i++) {
            Column column = columns[i];
            int p = position[i];
            Object value;
            if (p < 0 || p >= cellCount || blankCell(p)) {
                value = null;
            } else {
                try {
                    value = parseCell(i, column, p);
                } catch (InvalidValueException e) {
                    if (errors == null) {
                        errors = new ArrayList<>(2);
                    }
                    errors.add(new RowError(fileName, row, column.name(), cellText(p), e.reason()));
                    if (failed == null) {
                        failed = new boolean[columns.length];
                    }
                    failed[i] = true;
                    continue;
                }
            }
            if (value == null) {
                value = DatasetReader.emptyValue(column);
                if (value == null && column.required()) {
                    if (errors == null) {
                        errors = new ArrayList<>(2);
                    }
                    errors.add(new RowError(fileName, row, column.name(), "", DatasetReader.required()));
                }
            }
            values[i] = value;
        }
        for (int i = 0; i < columns.length; i++) {
            int on = header.conditionIndex(i);
            if (on < 0 || values[i] != null || (failed != null && failed[i])) {
                continue;
            }
            Column.Condition when = columns[i].requiredWhen();
            if (when.value().equals(values[on])) {
                if (errors == null) {
                    errors = new ArrayList<>(2);
                }
                errors.add(new RowError(fileName, row, columns[i].name(), "", header.conditionReason(i)));
            }
        }
        for (int p = 0; p < cellCount; p++) {
            if (p < headerWidth && !unnamed[p]) {
                continue;
            }
            if (blankCell(p)) {
                continue;
            }
            if (p < headerWidth) {
                if (!unnamedReported[p]) {
                    unnamedReported[p] = true;
                    warnings.add(new RowError(fileName, row, "", cellText(p), new Reason(
                            "第" + (p + 1) + "列没有列名，已忽略", "column " + (p + 1) + " has no header, ignored")));
                }
                continue;
            }
            if (errors == null) {
                errors = new ArrayList<>(2);
            }
            errors.add(new RowError(fileName, row, "", cellText(p), new Reason(
                    "该行的数据比表头多：第" + (p + 1) + "列没有列名（是否有未加引号的逗号？）",
                    "the row has more values than the header: column " + (p + 1)
                            + " has no header (an unquoted comma?)")));
            break;
        }
        return new ParsedRow(row, values, errors == null ? List.of() : errors);
    }

    private Object parseCell(int i, Column column, int p) throws InvalidValueException {
        int s = cellStart[p];
        int e = cellEnd[p];
        if (cellNonAscii[p]) {
            return general(i, column, p);
        }
        if (trimmed(buf[s]) || trimmed(buf[e - 1])) {
            return parser.parse(column, cellText(p));
        }
        int n = e - s;
        switch (column.type()) {
            case ID: {
                String text = latin1(s, n);
                if (n == 18 && IdNumbers.canonicalOrNull(text) != null) {
                    return text;
                }
                return parser.parse(column, text);
            }
            case DATE: {
                LocalDate d = n == 10 ? date(s) : null;
                return d != null ? d : parser.parse(column, cellText(p));
            }
            case MONTH: {
                YearMonth m = n == 7 ? month(s) : null;
                return m != null ? m : general(i, column, p);
            }
            case MONEY: {
                BigDecimal v = money(s, e);
                return v != null ? v : parser.parse(column, cellText(p));
            }
            case TEXT:
                if (column.length() <= 0 || n <= column.length()) {
                    return latin1(s, n);
                }
                return parser.parse(column, cellText(p));
            default:
                return general(i, column, p);
        }
    }

    /** The cell through {@link ValueParser}, remembered by its bytes for a low-cardinality column. */
    private Object general(int i, Column column, int p) throws InvalidValueException {
        Memo memo = memos[i];
        int s = cellStart[p];
        int e = cellEnd[p];
        int hash = 0;
        if (memo != null && memo.on) {
            hash = Memo.hash(buf, s, e);
            Object v = memo.get(buf, s, e, hash);
            if (v != null) {
                return v;
            }
        }
        Object v = parser.parse(column, cellText(p));
        if (v != null && memo != null && memo.on) {
            memo.put(buf, s, e, hash, v);
        }
        return v;
    }

    private static boolean trimmed(byte b) {
        return (b >= 0 && b <= ' ') || b == 0x7F;
    }

    private static int digit(byte b) {
        int d = b - '0';
        return d >= 0 && d <= 9 ? d : -100000;
    }

    /** yyyy-MM-dd, or null when the text is anything else (or no real date, or out of years: the parser says why). */
    private LocalDate date(int s) {
        if (buf[s + 4] != '-' || buf[s + 7] != '-') {
            return null;
        }
        int year = digit(buf[s]) * 1000 + digit(buf[s + 1]) * 100 + digit(buf[s + 2]) * 10 + digit(buf[s + 3]);
        int month = digit(buf[s + 5]) * 10 + digit(buf[s + 6]);
        int day = digit(buf[s + 8]) * 10 + digit(buf[s + 9]);
        if (year < ValueParser.MIN_YEAR || year > ValueParser.MAX_YEAR || month < 1 || month > 12 || day < 1
                || day > 31) {
            return null;
        }
        if (day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** yyyy-MM, or null. */
    private YearMonth month(int s) {
        if (buf[s + 4] != '-') {
            return null;
        }
        int year = digit(buf[s]) * 1000 + digit(buf[s + 1]) * 100 + digit(buf[s + 2]) * 10 + digit(buf[s + 3]);
        int month = digit(buf[s + 5]) * 10 + digit(buf[s + 6]);
        if (year < ValueParser.MIN_YEAR || year > ValueParser.MAX_YEAR || month < 1 || month > 12) {
            return null;
        }
        int k = (year - ValueParser.MIN_YEAR) * 12 + month - 1;
        YearMonth m = MONTHS[k];
        if (m == null) {
            m = YearMonth.of(year, month);
            MONTHS[k] = m;
        }
        return m;
    }

    /** Digits (at most 15) with at most 2 decimals after a point, as yuan of scale 2; null for anything else. */
    private BigDecimal money(int s, int e) {
        long units = 0;
        int i = s;
        while (i < e && buf[i] >= '0' && buf[i] <= '9') {
            units = units * 10 + (buf[i] - '0');
            i++;
        }
        int whole = i - s;
        if (whole == 0 || whole > 15) {
            return null;
        }
        long cents = units * 100;
        if (i < e) {
            if (buf[i] != '.') {
                return null;
            }
            int decimals = e - i - 1;
            if (decimals < 1 || decimals > 2) {
                return null;
            }
            int d1 = digit(buf[i + 1]);
            int d2 = decimals == 2 ? digit(buf[i + 2]) : 0;
            if (d1 < 0 || d2 < 0) {
                return null;
            }
            cents += d1 * 10 + d2;
        }
        return BigDecimal.valueOf(cents, 2);
    }

    // ------------------------------------------------------------------ cells

    private boolean blankCell(int p) {
        int s = cellStart[p];
        int e = cellEnd[p];
        if (s == e) {
            return true;
        }
        if (cellNonAscii[p]) {
            return RecordCells.isBlank(cellText(p));
        }
        for (int i = s; i < e; i++) {
            if (!trimmed(buf[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean blankRecord() {
        for (int p = 0; p < cellCount; p++) {
            if (!blankCell(p)) {
                return false;
            }
        }
        return true;
    }

    private String cellText(int p) {
        int s = cellStart[p];
        int n = cellEnd[p] - s;
        return cellNonAscii[p] ? new String(buf, s, n, StandardCharsets.UTF_8) : latin1(s, n);
    }

    @SuppressWarnings("deprecation")
    private String latin1(int s, int n) {
        return new String(buf, 0, s, n);
    }

    // ------------------------------------------------------------------ splitting

    /**
     * Splits the next record into cells: 1, or 0 at the end of the file, or -1 when the record (or the encoding) is
     * not one the fast path handles.
     */
    private int split() throws IOException {
        if (!decided && !eof && limit - pos < DECIDE + MAX_LINE) {
            compact();
        }
        int from = pos;
        int nl = indexOfNewline(from, limit);
        while (nl < 0) {
            if (eof) {
                if (pos == limit) {
                    return 0;
                }
                nl = limit;
                break;
            }
            if (limit - pos >= MAX_LINE) {
                return -1;
            }
            int searched = limit - pos;
            compact();
            nl = indexOfNewline(pos + searched, limit);
        }
        int end = nl;
        if (nl < limit && end > pos && buf[end - 1] == '\r') {
            end--;
        }
        if (end - pos > MAX_LINE) {
            return -1;
        }
        int count = 0;
        int start = pos;
        boolean nonAscii = false;
        int firstNonAscii = -1;
        for (int i = pos; i < end; i++) {
            byte b = buf[i];
            if (b == ',') {
                count = addCell(count, start, i, nonAscii);
                start = i + 1;
                nonAscii = false;
            } else if (b < 0) {
                if (firstNonAscii < 0) {
                    firstNonAscii = i;
                }
                nonAscii = true;
            } else if (b == '"' || b == '\r') {
                return -1;
            }
        }
        count = addCell(count, start, end, nonAscii);
        if (firstNonAscii >= 0) {
            if (!decided) {
                int to = Math.min(limit, firstNonAscii + DECIDE);
                if (!validUtf8(firstNonAscii, to, eof && to == limit)) {
                    return -1;
                }
                decided = true;
            }
            if (!validUtf8(firstNonAscii, end, true)) {
                return -1;
            }
        }
        cellCount = count;
        pos = nl < limit ? nl + 1 : limit;
        row++;
        return 1;
    }

    private int addCell(int count, int s, int e, boolean nonAscii) {
        if (count == cellStart.length) {
            cellStart = Arrays.copyOf(cellStart, count * 2);
            cellEnd = Arrays.copyOf(cellEnd, count * 2);
            cellNonAscii = Arrays.copyOf(cellNonAscii, count * 2);
        }
        cellStart[count] = s;
        cellEnd[count] = e;
        cellNonAscii[count] = nonAscii;
        return count + 1;
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buf;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether bytes are well-formed UTF-8 (as Java's strict decoder accepts it: no overlong forms, no surrogates,
     * nothing above U+10FFFF); a sequence cut by the end of the range is accepted unless {@code atEnd}.
     */
    private boolean validUtf8(int from, int to, boolean atEnd) {
        byte[] b = buf;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return false;
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= to) {
                    return !atEnd;
                }
                int x = b[i + k] & 0xFF;
                if (k == 1 ? (x < lo || x > hi) : (x < 0x80 || x > 0xBF)) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }

    /** Moves the unread bytes to the front of the buffer and fills it. */
    private void compact() throws IOException {
        int n = limit - pos;
        System.arraycopy(buf, pos, buf, 0, n);
        pos = 0;
        limit = n;
        fill();
    }

    private void fill() throws IOException {
        while (!eof && limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }

    // ------------------------------------------------------------------ about the file

    /** As {@link DatasetReader#warnings()}. */
    public List<RowError> warnings() {
        if (fallback == null) {
            return List.copyOf(warnings);
        }
        List<RowError> out = new ArrayList<>(warnings);
        for (RowError w : fallback.warnings()) {
            if (skipTo == 0 || w.row() > skipTo) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    /** As {@link DatasetReader#format()}. */
    public String format() {
        return fallback != null ? fallback.format() : CsvDecodingReader.UTF_8;
    }

    /** As {@link DatasetReader#rowsRead()}. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Whether the whole file so far was read on the fast path (for tests). */
    boolean fast() {
        return fallback == null;
    }

    @Override
    public void close() throws IOException {
        try {
            closeInput();
        } finally {
            if (fallback != null) {
                fallback.close();
            }
        }
    }

    private void closeInput() throws IOException {
        if (in != null) {
            in.close();
            in = null;
        }
    }

    // ------------------------------------------------------------------ memo

    /**
     * Parsed values of a column by the bytes of their cell (the parser is a function of the column and the text).
     * Switched off when a column turns out not to repeat its values.
     */
    private static final class Memo {
        private static final int CAPACITY = 1 << 16;
        byte[][] keys = new byte[1 << 10][];
        Object[] values = new Object[1 << 10];
        int[] hashes = new int[1 << 10];
        int size;
        long lookups;
        long hits;
        boolean on = true;

        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);

        /** Eight bytes at a time: every cell of a remembered column is hashed, most of them 6 to 40 bytes long. */
        static int hash(byte[] b, int s, int e) {
            long h = e - s;
            int i = s;
            for (; i + 8 <= e; i += 8) {
                h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
            }
            for (; i < e; i++) {
                h = (h ^ b[i]) * 0x9E3779B97F4A7C15L;
            }
            h ^= h >>> 32;
            return (int) (h ^ (h >>> 16));
        }

        Object get(byte[] b, int s, int e, int hash) {
            lookups++;
            int mask = keys.length - 1;
            int n = e - s;
            for (int i = hash & mask; ; i = (i + 1) & mask) {
                byte[] k = keys[i];
                if (k == null) {
                    if (lookups >= 50_000 && hits * 4 < lookups) {
                        on = false;
                        keys = null;
                        values = null;
                        hashes = null;
                    }
                    return null;
                }
                if (hashes[i] == hash && k.length == n && Arrays.equals(k, 0, n, b, s, e)) {
                    hits++;
                    return values[i];
                }
            }
        }

        void put(byte[] b, int s, int e, int hash, Object value) {
            if (size >= CAPACITY) {
                return;
            }
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = hash & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = Arrays.copyOfRange(b, s, e);
            values[i] = value;
            hashes[i] = hash;
            size++;
        }

        private void grow() {
            byte[][] k = keys;
            Object[] v = values;
            int[] h = hashes;
            keys = new byte[k.length * 2][];
            values = new Object[k.length * 2];
            hashes = new int[k.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < k.length; j++) {
                if (k[j] != null) {
                    int i = h[j] & mask;
                    while (keys[i] != null) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = k[j];
                    values[i] = v[j];
                    hashes[i] = h[j];
                }
            }
        }
    }
}
