package sunshine.imports;

import java.time.Instant;

/**
 * A snapshot of the import that is running (or of none): what the server shows while it polls and what the
 * command line prints.
 *
 * @param running    whether an import is running
 * @param batchId    the running import's batch, or 0
 * @param phase      what it is doing
 * @param file       the file being worked on, or null
 * @param dataset    its dataset, or null
 * @param fileNumber 1-based position of that file among the files of the import
 * @param fileCount  files of the import
 * @param rowsRead   data rows read so far, all files together
 * @param bytesRead  bytes read so far, all files together (files whose content is unchanged are not read)
 * @param totalBytes bytes to read, all files together
 * @param errors     errors found so far
 * @param startedAt  when the import started, or null
 */
public record ImportProgress(
        boolean running,
        long batchId,
        Phase phase,
        String file,
        String dataset,
        int fileNumber,
        int fileCount,
        long rowsRead,
        long bytesRead,
        long totalBytes,
        long errors,
        Instant startedAt) {

    /** The stages of an import. */
    public enum Phase {
        /** No import is running. */
        IDLE,
        /** Computing the SM3 hash of each file (to recognise unchanged files). */
        HASHING,
        /** Reading and checking rows and loading them into the table. */
        READING,
        /** Checking keys and references in the database. */
        CHECKING,
        /** Archiving the accepted files and committing. */
        ARCHIVING,
        /** Writing the error report. */
        REPORTING
    }

    public static ImportProgress idle() {
        return new ImportProgress(false, 0, Phase.IDLE, null, null, 0, 0, 0, 0, 0, 0, null);
    }

    /** Share of the bytes read, 0 to 1 (0 when nothing is to be read). */
    public double fraction() {
        return totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
    }
}
