package sunshine.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import sunshine.contract.Reason;

/**
 * The outcome of one call of {@link ImportService}: a file, or a folder imported whole or not at all.
 *
 * @param batchId      identifies the call ({@code import_run.batch_id})
 * @param status       IMPORTED when everything was accepted (files whose content was already imported count as
 *                     accepted), UNCHANGED when every file was, REJECTED when nothing was kept
 * @param files        one entry per file, in the order they were imported (dependency order)
 * @param errorCount   all errors of all files
 * @param warningCount all warnings (unknown columns ...) of all files
 * @param reportCsv    the report of every error and warning of the call (CSV, UTF-8 with BOM), or null when there
 *                     was nothing to report; for a single file the same file as its own report
 * @param reportXlsx   the same report as XLSX, or null
 * @param message      a summary, in Chinese and English
 */
public record ImportResult(
        long batchId,
        ImportStatus status,
        List<FileResult> files,
        long errorCount,
        long warningCount,
        Path reportCsv,
        Path reportXlsx,
        Reason message) {

    public ImportResult {
        files = List.copyOf(files);
    }

    /** Whether the data is now in the database (IMPORTED or UNCHANGED). */
    public boolean accepted() {
        return status != ImportStatus.REJECTED;
    }

    /** Rows read from all files. */
    public long rowCount() {
        return files.stream().mapToLong(FileResult::rows).sum();
    }

    /** The result of the file of a dataset. */
    public Optional<FileResult> file(String dataset) {
        return files.stream().filter(f -> f.dataset().equals(dataset)).findFirst();
    }

    /**
     * The outcome of one file.
     *
     * @param importId         its import run ({@code import_run.id}; the {@code import_id} of its rows)
     * @param file             the file name as the user gave it
     * @param dataset          the dataset it was imported as
     * @param status           IMPORTED, REJECTED or UNCHANGED
     * @param format           what it was read as (UTF-8, GB18030, XLSX, XLS), or null when it was not read
     * @param contentHash      SM3 of its bytes (64 hex digits)
     * @param periods          the periods it holds (datasets with a period column), sorted
     * @param rows             data rows read (0 when unchanged)
     * @param errors           its errors
     * @param warnings         its warnings
     * @param replacedImportIds the earlier imports whose rows it replaced (now SUPERSEDED)
     * @param reportCsv        its report of errors and warnings, or null
     * @param reportXlsx       the same as XLSX, or null
     * @param message          what happened, in Chinese and English
     */
    public record FileResult(
            long importId,
            String file,
            String dataset,
            ImportStatus status,
            String format,
            String contentHash,
            List<String> periods,
            long rows,
            long errors,
            long warnings,
            List<Long> replacedImportIds,
            Path reportCsv,
            Path reportXlsx,
            Reason message) {

        public FileResult {
            periods = List.copyOf(periods);
            replacedImportIds = List.copyOf(replacedImportIds);
        }
    }
}
