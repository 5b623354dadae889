package sunshine.checks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import sunshine.checks.source.DatabaseSource;
import sunshine.checks.source.FolderSource;
import sunshine.contract.Dataset;
import sunshine.contract.RowError;

/**
 * Where the data of a check comes from: a folder of contract files ({@link #folder(Path)}) or the imported registry
 * tables ({@link #database(DataSource)}). A source streams the rows of one dataset at a time, typed exactly as the
 * contract's {@link sunshine.contract.DatasetReader} types them, so the engine does not care where they come from:
 * the database source maps a {@code ResultSet} row to the same {@code Object[]}.
 */
public interface CheckSource extends AutoCloseable {

    /** Receives the rows of a dataset. */
    interface Rows {

        /**
         * One good row.
         *
         * @param row    its row number (a file's spreadsheet row number, or any ordinal that locates it)
         * @param values typed values in the dataset's column order (String for ID, REGION, ENUM and TEXT,
         *               LocalDate, YearMonth, BigDecimal for MONEY and DECIMAL, Long for INTEGER), null when empty;
         *               the array may be reused after the call
         */
        void row(long row, Object[] values);

        /** A bad row or a bad file (row 0): the dataset will be refused. */
        void error(RowError error);

        /** Something not wrong enough to refuse the dataset (an unknown column). */
        void warning(RowError warning);
    }

    /** What the source is, for messages: "folder /data/2026-10". */
    String describe();

    /** Where a dataset comes from, for error messages: its file name (or table). */
    String location(String dataset);

    /** Whether the source has the dataset. */
    boolean has(String dataset);

    /**
     * Streams every row of a dataset the source has. Bad rows go to {@link Rows#error}, never to {@link Rows#row}.
     */
    void read(Dataset dataset, Rows rows) throws IOException;

    /** The datasets read so far: where from, how many rows, and a hash of the content (may wait for hashing). */
    List<InputInfo> inputs();

    @Override
    void close();

    /** A folder of contract files ({@code <dataset>.csv}, {@code .xlsx} or {@code .xls}). */
    static CheckSource folder(Path dir) {
        return new FolderSource(dir);
    }

    /**
     * The registry tables of a database the importer filled, read in one snapshot transaction (see
     * {@link DatabaseSource}); {@link #inputs()} names each import read with its SM3 hash. Close it when done.
     */
    static CheckSource database(DataSource dataSource) {
        return new DatabaseSource(dataSource);
    }
}
