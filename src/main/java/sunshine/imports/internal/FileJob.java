package sunshine.imports.internal;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import sunshine.contract.Dataset;
import sunshine.contract.Reason;
import sunshine.imports.ImportStatus;

/** One file of an import and everything learnt about it while it is worked on. */
final class FileJob {

    /** Rows of an earlier import that this file replaced. */
    record Replaced(long importId, long rows) {
    }

    final Dataset dataset;
    final Path path;
    final String name;
    final long size;

    long importId;
    String hash;
    /** The import whose content this file repeats, when it does: nothing is done with the file. */
    Long unchangedOf;
    String format;
    ErrorSpool spool;
    /** Whether the file was read (not unchanged). */
    boolean loaded;
    /** Whether every row of the file is in the table (read to the end, no type error, no file error). */
    boolean complete;
    long rows;
    final TreeSet<String> periods = new TreeSet<>();
    final List<Replaced> replaced = new ArrayList<>();
    String archive;
    OffsetDateTime started;
    ImportStatus status;
    Reason message;
    Path reportCsv;
    Path reportXlsx;

    FileJob(Dataset dataset, Path path, String name, long size) {
        this.dataset = dataset;
        this.path = path;
        this.name = name;
        this.size = size;
    }

    long errors() {
        return spool == null ? 0 : spool.errors();
    }

    long warnings() {
        return spool == null ? 0 : spool.warnings();
    }
}
