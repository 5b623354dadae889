package sunshine.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The common CSV file read straight from its bytes: UTF-8 (or ASCII), no quotes, lines ending in LF or CRLF. It
 * gives exactly the records of {@link CsvRecordSource} (the general reader: {@link CsvDecodingReader} and FastCSV),
 * several times faster, and hands over to the general reader at the first thing it does not handle itself:
 * <ul>
 *   <li>a double quote, a carriage return not followed by a line feed, a record longer than its buffer, a UTF-16
 *       byte-order mark;</li>
 *   <li>the first non-ASCII byte, unless the bytes from it on are valid UTF-8 for more than the general reader ever
 *       looks ahead to decide the encoding (so the general reader certainly decides UTF-8 as well);</li>
 *   <li>any byte sequence that is not valid UTF-8 after that.</li>
 * </ul>
 * Every record returned before such a point is one the general reader returns identically (the same cells, the
 * same row number), because up to there the file is one the general reader decodes and splits the same way. At
 * that point the general reader opens the file afresh, skips the records already returned (counting them by row
 * number) and gives the rest, with its own errors, so that the result is the general reader's in every case.
 */
final class FastCsvRecordSource implements RecordSource {

    /** More than the general reader's decision window (its whole buffer), plus a cut sequence's remaining bytes. */
    private static final int DECISION_WINDOW = 2 * CsvDecodingReader.LOOKAHEAD + 4;
    private static final int BUFFER = 1 << 20;

    private final Path file;
    private final String fileName;
    private InputStream in;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private long consumed;
    /** The encoding is known to be UTF-8 (a BOM, or a valid decision window). */
    private boolean utf8;
    private List<String> header;
    private long row;
    private long returnedRow;
    /** The general reader, once handed over to. */
    private RecordSource general;
    private final ArrayList<String> cells = new ArrayList<>();

    /** Signals what the fast reader does not handle: the general reader takes over. */
    private static final class HandOver extends Exception {
        HandOver() {
            super(null, null, false, false);
        }
    }

    private static final HandOver HAND_OVER = new HandOver();

    FastCsvRecordSource(Path file, String fileName) throws IOException {
        this.file = file;
        this.fileName = fileName;
        this.in = Files.newInputStream(file);
        boolean ok = false;
        try {
            try {
                start();
                String[] first = fetchNonBlank();
                if (first == null) {
                    throw new ContractFileException(fileName, RecordSources.noHeader());
                }
                header = Collections.unmodifiableList(Arrays.asList(first));
                returnedRow = row;
            } catch (HandOver h) {
                closeStream();
                general = new CsvRecordSource(file, fileName);
                header = general.header();
            }
            ok = true;
        } finally {
            if (!ok) {
                closeStream();
            }
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Object[] next() throws IOException {
        if (general != null) {
            return general.next();
        }
        try {
            String[] r = fetchNonBlank();
            if (r != null) {
                returnedRow = row;
            }
            return r;
        } catch (HandOver h) {
            handOver();
            return general.next();
        }
    }

    /** Opens the general reader and skips what was returned already. */
    private void handOver() throws IOException {
        closeStream();
        general = new CsvRecordSource(file, fileName);
        while (general.rowNumber() < returnedRow) {
            if (general.next() == null) {
                throw new IllegalStateException(fileName + ": the general CSV reader ended before row " + returnedRow);
            }
        }
        if (general.rowNumber() != returnedRow) {
            throw new IllegalStateException(fileName + ": the general CSV reader is at row " + general.rowNumber()
                    + ", not " + returnedRow);
        }
    }

    /** Whether the general reader took over (for tests). */
    boolean handedOver() {
        return general != null;
    }

    @Override
    public long rowNumber() {
        return general != null ? general.rowNumber() : returnedRow;
    }

    @Override
    public String format() {
        return general != null ? general.format() : CsvDecodingReader.UTF_8;
    }

    @Override
    public long bytesRead() {
        return general != null ? general.bytesRead() : consumed + pos;
    }

    @Override
    public void close() throws IOException {
        try {
            closeStream();
        } finally {
            if (general != null) {
                general.close();
            }
        }
    }

    private void closeStream() throws IOException {
        if (in != null) {
            InputStream s = in;
            in = null;
            s.close();
        }
    }

    // ------------------------------------------------------------------ bytes

    private void start() throws IOException, HandOver {
        ensure(3);
        int n = limit - pos;
        if (n >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
            utf8 = true;
        } else if (n >= 2 && (((buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE)
                || ((buf[0] & 0xFF) == 0xFE && (buf[1] & 0xFF) == 0xFF))) {
            throw HAND_OVER;
        }
    }

    /** Until at least {@code min} bytes from pos are in the buffer or the file ends (the buffer is compacted). */
    private void ensure(int min) throws IOException {
        if (limit - pos >= min || eof) {
            return;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            consumed += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit - pos < min && !eof) {
            if (limit == buf.length) {
                return;
            }
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
    }

    private String[] fetchNonBlank() throws IOException, HandOver {
        while (true) {
            String[] r = fetch();
            if (r == null) {
                return null;
            }
            if (RecordCells.emptyCellsToNull(r)) {
                return r;
            }
        }
    }

    /** The next record (one line), or null at the end of the file. */
    private String[] fetch() throws IOException, HandOver {
        int end = lineEnd();
        if (end < 0) {
            return null;
        }
        if (!utf8) {
            for (int i = pos; i < end; i++) {
                if (buf[i] < 0) {
                    int before = pos;
                    decide(i - pos);
                    end -= before - pos; // the buffer may have been compacted
                    break;
                }
            }
        }
        int stop = end;
        int next = end < limit ? end + 1 : end;
        if (stop > pos && buf[stop - 1] == '\r') {
            stop--;
        }
        cells.clear();
        int start = pos;
        boolean ascii = true;
        for (int i = pos; i <= stop; i++) {
            byte b = i < stop ? buf[i] : (byte) ',';
            if (b == ',') {
                cells.add(cell(start, i, ascii));
                start = i + 1;
                ascii = true;
            } else if (b == '"' || b == '\r') {
                throw HAND_OVER;
            } else if (b < 0) {
                ascii = false;
            }
        }
        pos = next;
        row++;
        return cells.toArray(new String[0]);
    }

    /** The index of the line feed ending the record at pos (limit at the end of a last line), or -1 at the end. */
    private int lineEnd() throws IOException, HandOver {
        int from = pos;
        while (true) {
            for (int i = from; i < limit; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            if (eof) {
                return pos < limit ? limit : -1;
            }
            int scanned = limit - pos;
            if (pos == 0 && limit == buf.length) {
                throw HAND_OVER; // a record longer than the buffer
            }
            ensure(scanned + 1);
            from = pos + scanned;
        }
    }

    private String cell(int from, int to, boolean ascii) throws HandOver {
        if (from == to) {
            return "";
        }
        if (ascii) {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        if (validUtf8(buf, from, to) != to) {
            throw HAND_OVER;
        }
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * At the file's first non-ASCII byte ({@code offset} bytes after pos): UTF-8 when the bytes from there on are
     * valid UTF-8 as far as the general reader could ever look to decide (its whole buffer), or to the end of the
     * file; else the general reader decides. Only ASCII records were returned before, which read the same in
     * either encoding.
     */
    private void decide(int offset) throws IOException, HandOver {
        ensure(offset + DECISION_WINDOW);
        int from = pos + offset;
        int to = Math.min(limit, from + DECISION_WINDOW);
        if (to - from < DECISION_WINDOW && !eof) {
            throw HAND_OVER; // the record is too long to look far enough ahead
        }
        int valid = validUtf8(buf, from, to);
        if (valid == to || valid - from >= 2 * CsvDecodingReader.LOOKAHEAD) {
            utf8 = true;
        } else {
            throw HAND_OVER;
        }
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 1;
    }

    /** Whether byte i is a valid continuation of the sequence led by byte lead (the Unicode table of well-formed UTF-8). */
    private static boolean continuationOk(byte[] b, int lead, int i) {
        int l = b[lead] & 0xFF;
        int c = b[i] & 0xFF;
        if (i == lead + 1) {
            if (l == 0xE0) {
                return c >= 0xA0 && c <= 0xBF;
            }
            if (l == 0xED) {
                return c >= 0x80 && c <= 0x9F;
            }
            if (l == 0xF0) {
                return c >= 0x90 && c <= 0xBF;
            }
            if (l == 0xF4) {
                return c >= 0x80 && c <= 0x8F;
            }
        }
        return c >= 0x80 && c <= 0xBF;
    }

    /** The end of the longest prefix of bytes[from..to) that is whole well-formed UTF-8 sequences. */
    static int validUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int lead = b[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int n = sequenceLength(lead);
            if (n == 1 || i + n > to) {
                return i;
            }
            for (int k = 1; k < n; k++) {
                if (!continuationOk(b, i, i + k)) {
                    return i;
                }
            }
            i += n;
        }
        return to;
    }
}
