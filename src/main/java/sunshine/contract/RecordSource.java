package sunshine.contract;

import java.io.IOException;
import java.util.List;

/**
 * The raw records of one file (CSV, XLSX or XLS), streamed: only the current record is held in memory.
 * Cells are Strings, or typed Excel cell values (BigDecimal, LocalDateTime, Boolean); an empty cell is null.
 */
public interface RecordSource extends AutoCloseable {

    /** The header cells, as in the file. */
    List<String> header();

    /** The next record's cells (possibly fewer or more than the header), or null at the end of the file. */
    Object[] next() throws IOException;

    /** The spreadsheet row number of the record last returned by {@link #next()} (the header is row 1). */
    long rowNumber();

    /** What the file was read as: "UTF-8", "GB18030", "XLSX" or "XLS". */
    String format();

    /**
     * Bytes of the file consumed so far, for a progress bar: exact for CSV, an estimate (possibly 0 until the end)
     * for Excel files.
     */
    default long bytesRead() {
        return 0;
    }

    @Override
    void close() throws IOException;
}
