package sunshine.contract;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.StringArrayHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The records of a CSV file (RFC 4180: comma, double quotes, quoted cells may span lines), decoded by
 * {@link CsvDecodingReader} and parsed by FastCSV, one record at a time. Row numbers count records, not physical
 * lines, as a spreadsheet shows them: blank records are counted but not returned.
 */
final class CsvRecordSource implements RecordSource {

    private final String fileName;
    private final CsvDecodingReader decoding;
    private final CsvReader<String[]> csv;
    private final CloseableIterator<String[]> records;
    private final List<String> header;
    /** Spreadsheet row number of the last record FastCSV gave (blank ones included). */
    private long row;
    /** Spreadsheet row number of the last record returned. */
    private long returnedRow;

    CsvRecordSource(Path file, String fileName) throws IOException {
        this.fileName = fileName;
        this.decoding = new CsvDecodingReader(Files.newInputStream(file));
        boolean ok = false;
        try {
            this.csv = CsvReader.builder()
                    .fieldSeparator(',')
                    .quoteCharacter('"')
                    .skipEmptyLines(false)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .allowUnclosedQuote(false)
                    .build(StringArrayHandler.of(), decoding);
            this.records = csv.iterator();
            String[] first = fetchNonBlank();
            if (first == null) {
                throw new ContractFileException(fileName, RecordSources.noHeader());
            }
            this.header = Collections.unmodifiableList(Arrays.asList(first));
            returnedRow = row;
            ok = true;
        } finally {
            if (!ok) {
                decoding.close();
            }
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Object[] next() throws IOException {
        String[] r = fetchNonBlank();
        if (r != null) {
            returnedRow = row;
        }
        return r;
    }

    /** The next record with a non-blank cell, empty cells as null; or null at the end. */
    private String[] fetchNonBlank() throws IOException {
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

    private String[] fetch() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            String[] r = records.next();
            row++;
            return r;
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            if (cause instanceof CsvEncodingException) {
                throw new ContractFileException(fileName, ((CsvEncodingException) cause).reason(row + 1), cause);
            }
            throw cause;
        } catch (CsvParseException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CsvEncodingException) {
                    throw new ContractFileException(fileName, ((CsvEncodingException) t).reason(row + 1), t);
                }
                if (t instanceof ContractFileException) {
                    throw (ContractFileException) t;
                }
            }
            String why = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            throw new ContractFileException(fileName, new Reason(
                    "CSV格式错误（约第" + (row + 1) + "行）：引号未闭合或单元格过大",
                    "malformed CSV (near row " + (row + 1) + "): " + why), e);
        }
    }

    @Override
    public long rowNumber() {
        return returnedRow;
    }

    @Override
    public String format() {
        return decoding.encoding();
    }

    @Override
    public long bytesRead() {
        return decoding.bytesDecoded();
    }

    @Override
    public void close() throws IOException {
        try {
            csv.close();
        } finally {
            decoding.close();
        }
    }
}
