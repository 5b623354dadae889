package sunshine.imports.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import sunshine.contract.Reason;
import sunshine.contract.RowError;
import sunshine.security.Masking;

/**
 * The errors and warnings of one file, written to a temporary file as they are found, so that memory does not
 * grow with their number (every bad row is reported, however many). Read back once the import is over to write
 * the CSV and XLSX reports.
 */
public final class ErrorSpool implements Closeable {

    /** One spooled entry. */
    public record Entry(boolean warning, RowError error) {
    }

    /** Receives the entries read back. */
    @FunctionalInterface
    public interface EntryHandler {
        void accept(Entry entry) throws IOException;
    }

    private final Path file;
    private final Set<String> idColumns;
    private DataOutputStream out;
    private long errors;
    private long warnings;

    public ErrorSpool(Path dir) {
        this(dir, Set.of());
    }

    /**
     * @param idColumns the dataset's columns of ID numbers: their values are masked whatever they hold (a
     *                  malformed number too); ID numbers anywhere else in a value or a reason are masked as well
     */
    public ErrorSpool(Path dir, Set<String> idColumns) {
        this.idColumns = Set.copyOf(idColumns);
        try {
            this.file = Files.createTempFile(dir, "spool-", ".bin");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void error(RowError e) {
        write(false, e);
        errors++;
    }

    public void warning(RowError e) {
        write(true, e);
        warnings++;
    }

    public long errors() {
        return errors;
    }

    public long warnings() {
        return warnings;
    }

    public long entries() {
        return errors + warnings;
    }

    private void write(boolean warning, RowError e) {
        try {
            out.writeBoolean(warning);
            // reports show ID numbers masked, like every screen: the row and column find the cell in the file
            string(e.file());
            out.writeLong(e.row());
            string(e.column());
            string(idColumns.contains(e.column()) && e.value() != null && !e.value().contains(",")
                    ? Masking.idNumber(e.value()) : Masking.idNumbersIn(e.value()));
            string(Masking.idNumbersIn(e.reason().zh()));
            string(Masking.idNumbersIn(e.reason().en()));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    private void string(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Reads every entry back, in the order written. Flushes what was written so far. */
    public void forEach(EntryHandler handler) throws IOException {
        if (out != null) {
            out.flush();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                boolean warning;
                try {
                    warning = in.readBoolean();
                } catch (EOFException end) {
                    return;
                }
                String f = string(in);
                long row = in.readLong();
                String column = string(in);
                String value = string(in);
                String zh = string(in);
                String en = string(in);
                handler.accept(new Entry(warning, new RowError(f, row, column, value, new Reason(zh, en))));
            }
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Closes and deletes the spool. */
    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
        } catch (IOException ignored) {
            // the file is deleted anyway
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file in the data directory's tmp/
        }
    }
}
