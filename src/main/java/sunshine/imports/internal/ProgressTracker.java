package sunshine.imports.internal;

import java.time.Instant;
import org.springframework.stereotype.Component;
import sunshine.imports.ImportProgress;
import sunshine.imports.ImportProgress.Phase;

/**
 * The progress of the running import, written by the importing thread and read by anyone (the server's progress
 * endpoint, the command line's printer). Imports run one at a time, so one tracker serves all.
 */
@Component
public class ProgressTracker {

    private volatile ImportProgress fixed = ImportProgress.idle();
    /** Bytes and rows of the files finished so far. */
    private volatile long doneBytes;
    private volatile long doneRows;
    /** Bytes and rows of the current file. */
    private volatile long fileBytes;
    private volatile long fileRows;
    private volatile long errors;

    public ImportProgress snapshot() {
        ImportProgress f = fixed;
        if (!f.running()) {
            return f;
        }
        return new ImportProgress(true, f.batchId(), f.phase(), f.file(), f.dataset(), f.fileNumber(), f.fileCount(),
                doneRows + fileRows, doneBytes + fileBytes, f.totalBytes(), errors, f.startedAt());
    }

    void start(long batchId, int fileCount, long totalBytes) {
        doneBytes = 0;
        doneRows = 0;
        fileBytes = 0;
        fileRows = 0;
        errors = 0;
        fixed = new ImportProgress(true, batchId, Phase.HASHING, null, null, 0, fileCount, 0, 0, totalBytes, 0,
                Instant.now());
    }

    /** A new phase; for READING the byte counts start again (hashing read the files once already). */
    void phase(Phase phase, long totalBytes) {
        ImportProgress f = fixed;
        if (phase == Phase.READING) {
            doneBytes = 0;
            doneRows = 0;
            fileBytes = 0;
            fileRows = 0;
        }
        fixed = new ImportProgress(true, f.batchId(), phase, f.file(), f.dataset(), f.fileNumber(), f.fileCount(),
                0, 0, totalBytes, 0, f.startedAt());
    }

    void phase(Phase phase) {
        phase(phase, fixed.totalBytes());
    }

    /** Shows another phase without touching the counts (a file's SQL checks run between files being read). */
    void relabel(Phase phase) {
        ImportProgress f = fixed;
        fixed = new ImportProgress(true, f.batchId(), phase, f.file(), f.dataset(), f.fileNumber(), f.fileCount(),
                0, 0, f.totalBytes(), 0, f.startedAt());
    }

    void file(int number, String file, String dataset) {
        ImportProgress f = fixed;
        fixed = new ImportProgress(true, f.batchId(), f.phase(), file, dataset, number, f.fileCount(),
                0, 0, f.totalBytes(), 0, f.startedAt());
    }

    void current(long rows, long bytes) {
        fileRows = rows;
        fileBytes = bytes;
    }

    void fileDone() {
        doneRows += fileRows;
        doneBytes += fileBytes;
        fileRows = 0;
        fileBytes = 0;
    }

    void hashed(long bytes) {
        doneBytes += bytes;
    }

    void errors(long total) {
        errors = total;
    }

    void stop() {
        fixed = ImportProgress.idle();
    }
}
